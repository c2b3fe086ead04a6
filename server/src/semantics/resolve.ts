/** Resolving a path written in a file to the full kernel path it names, through the file's scope. */
import type { KnowledgeBase } from '../kb';
import type { KbItem } from '../kb/types';
import type { Scope } from './scope';

const ROOTS = new Set(['kernel', 'pin_init', 'macros', 'crate']);

/** Full kernel path for path segments written in this file, or undefined when it is not a known kernel path. */
export function resolveSegments(
  segs: readonly string[],
  scope: Scope,
  kb: KnowledgeBase,
  target: string,
  macro = false,
): string | undefined {
  if (segs.length === 0) return undefined;
  const first = segs[0];
  const rest = segs.slice(1);
  const suffix = macro ? '!' : '';
  if (segs.length === 1 && macro && scope.locals.has(`${first}!`)) return undefined;
  if (scope.locals.has(first) && !(macro && segs.length === 1)) return undefined;
  const imported = scope.imports.get(first);
  if (imported) return joinPath(imported, rest, suffix);
  if (first === 'crate') {
    return scope.crateName ? joinPath(scope.crateName, rest, suffix) : undefined;
  }
  if (ROOTS.has(first) && (rest.length > 0 || !macro)) return joinPath(first, rest, suffix);
  const found = throughGlobs(first, rest.length === 0 ? suffix : '', scope, kb, target);
  if (found) return rest.length ? `${found.item.path}::${rest.join('::')}${suffix}` : found.candidate;
  return undefined;
}

const globHits = new WeakMap<Scope, Map<string, { candidate: string; item: KbItem } | null>>();

/**
 * The first glob import of the scope that brings `first` (with `suffix`, `!` for a macro) at the target: the
 * knowledge-base item and the path it was found under. Kept per scope: a file asks about the same names often.
 */
function throughGlobs(first: string, suffix: string, scope: Scope, kb: KnowledgeBase, target: string): { candidate: string; item: KbItem } | undefined {
  if (scope.globs.length === 0) return undefined;
  let hits = globHits.get(scope);
  if (!hits) {
    hits = new Map();
    globHits.set(scope, hits);
  }
  const key = `${target}\u0000${first}${suffix}`;
  const known = hits.get(key);
  if (known !== undefined) return known ?? undefined;
  let hit: { candidate: string; item: KbItem } | null = null;
  for (const glob of scope.globs) {
    const candidate = `${glob}::${first}${suffix}`;
    const item = kb.resolve(candidate, target);
    if (item) {
      hit = { candidate, item };
      break;
    }
  }
  hits.set(key, hit);
  return hit ?? undefined;
}

function joinPath(base: string, rest: readonly string[], suffix: string): string {
  return (rest.length > 0 ? `${base}::${rest.join('::')}` : base) + suffix;
}

