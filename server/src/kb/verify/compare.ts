/**
 * Checks every knowledge-base claim about one release against a tree's surface: what the knowledge base says is
 * available must be there (at its path or an alias, with a compatible kind and, where it gives one, the same
 * signature shape); what it says is not yet there or already removed must be absent. Uncertain facts and
 * stable-update backports are reported apart from disagreements.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Parser } from 'web-tree-sitter';
import { statusAt } from '../index';
import type { ItemKind, KbItem } from '../types';
import { compareReleases, isKnownRelease } from '../version';
import { parseWithLimit } from '../../parsing/language';
import { compareShapes, shapeOf, shapeText, type Shape, type ShapeDifference } from './shape';
import type { Def, DefKind, Namespace, TreeSurface } from './tree-surface';

/** Kinds of disagreement, from the most to the least serious. */
export type DisagreementCategory =
  | 'missing'
  | 'present-but-kb-says-absent'
  | 'kind-mismatch'
  | 'not-public'
  | 'signature'
  | 'alias-missing';

/** One place where the knowledge base and the tree disagree. */
export interface Disagreement {
  readonly category: DisagreementCategory;
  readonly path: string;
  readonly kind: ItemKind;
  /** The path that was looked up (the entry's path or one of its aliases). */
  readonly lookedUp: string;
  readonly kbClaims: string;
  readonly treeHas: string;
  /** `rust/kernel/…:line` in the tree, when the tree has something there. */
  readonly treeLocation?: string;
  /** `server/src/kb/data/….ts:line`, when the entry could be found. */
  readonly kbLocation?: string;
  readonly differences?: readonly ShapeDifference[];
  readonly hint?: string;
}

/** An uncertain knowledge-base fact and what the tree says about it. */
export interface UncertainNote {
  readonly path: string;
  readonly fact: 'since' | 'until' | 'signatures';
  readonly kbClaims: string;
  readonly treeSays: string;
  readonly treeLocation?: string;
  readonly kbLocation?: string;
  /** Set when this tree decides the fact. */
  readonly suggestion?: string;
  /** The tree agrees with the knowledge base's current guess and decides nothing new. */
  readonly consistent?: boolean;
}

/** What one tree says about the whole knowledge base. */
export interface VerifyReport {
  readonly tree: string;
  readonly release: string;
  readonly makefileRelease: string;
  /** A .0 release without EXTRAVERSION: absence and presence both decide facts about the release. */
  readonly exact: boolean;
  readonly knownRelease: boolean;
  readonly disagreements: readonly Disagreement[];
  readonly uncertain: readonly UncertainNote[];
  /** Items present in a stable update of a release listed in their `backportedTo`. */
  readonly backportTolerated: readonly { path: string; treeLocation: string }[];
  readonly counts: {
    readonly entries: number;
    readonly checked: number;
    readonly agreements: number;
    readonly notCheckable: number;
    readonly signaturesCompared: number;
    readonly signaturesNotComparable: number;
    readonly disagreements: number;
    readonly byCategory: Readonly<Record<string, number>>;
  };
  readonly surface: { readonly files: number; readonly lines: number; readonly parseFailures: readonly string[]; readonly missingModuleFiles: readonly string[] };
  readonly millis: number;
}

/** Which tree definition kinds satisfy a knowledge-base kind. */
const COMPATIBLE: Readonly<Record<ItemKind, readonly DefKind[]>> = {
  module: ['module'],
  struct: ['struct', 'external'],
  enum: ['enum', 'external'],
  union: ['union', 'external'],
  variant: ['variant'],
  trait: ['trait', 'external'],
  fn: ['fn', 'external'],
  method: ['fn'],
  'assoc-type': ['assoc-type'],
  const: ['const', 'static', 'external'],
  'type-alias': ['type-alias', 'external'],
  macro: ['macro', 'external'],
  attribute: ['attribute', 'external'],
  derive: ['derive', 'external'],
  syntax: [],
};

/** A knowledge-base path split into the parent path, the final name and the namespace it lives in. */
export interface KbPathParts {
  readonly parent: readonly string[];
  readonly name: string;
  readonly ns: Namespace | undefined;
}

/** `kernel::sync::new_mutex!`, `pin_init::#[pin_data]`, `pin_init::#[derive(Zeroable)]`, `kernel::sync::Mutex`. */
function splitKbPath(p: string): KbPathParts {
  const derive = /^(.*)::#\[derive\(([A-Za-z_]\w*)\)\]$/.exec(p);
  if (derive) return { parent: derive[1].split('::'), name: derive[2], ns: 'macro' };
  const attr = /^(.*)::#\[([A-Za-z_]\w*)\]$/.exec(p);
  if (attr) return { parent: attr[1].split('::'), name: attr[2], ns: 'macro' };
  const parts = p.split('::');
  const last = parts.pop() ?? '';
  if (last.endsWith('!')) return { parent: parts, name: last.slice(0, -1), ns: 'macro' };
  return { parent: parts, name: last, ns: undefined };
}

/** The definitions a knowledge-base path names in the tree; `publicOnly` as seen from another crate. */
export function lookupKbPath(surface: TreeSurface, p: string, publicOnly = true, kind?: ItemKind): Def[] {
  const parts = splitKbPath(p);
  const { parent, name } = parts;
  // A macro's alias may be spelled without `!` (`kernel::fmt` as `use kernel::fmt;` imports the macro).
  const ns = parts.ns ?? (kind === 'macro' || kind === 'attribute' || kind === 'derive' ? 'macro' : undefined);
  if (!parent.length) {
    const root = surface.crates.get(name);
    return root?.def ? [root.def] : [];
  }
  const out: Def[] = [];
  for (const d of surface.resolvePath(parent, undefined, 'type', publicOnly)) {
    for (const m of surface.memberOf(d, name, ns, publicOnly)) if (!out.includes(m)) out.push(m);
  }
  // Value and type namespaces both hold plain names; macros only through `!`/attribute spellings.
  return ns === undefined ? out.filter((d) => d.ns !== 'macro') : out;
}

/** The node types that carry a signature of each knowledge-base kind. */
const SIGNATURE_NODES: Partial<Record<ItemKind, readonly string[]>> = {
  fn: ['function_item', 'function_signature_item'],
  method: ['function_item', 'function_signature_item'],
  struct: ['struct_item'],
  enum: ['enum_item'],
  union: ['union_item'],
  trait: ['trait_item'],
  'type-alias': ['type_item'],
  'assoc-type': ['associated_type', 'type_item'],
  const: ['const_item', 'static_item'],
};

/**
 * The shape of a knowledge-base signature text, or undefined when it is not Rust an item can be compared with
 * (macro syntax, a `pub use`, prose). Only the first line counts (later lines show impls); `impl X { … }`
 * wrappers are looked through; `(..)` means "parameters not stated".
 */
export function kbSignatureShape(parser: Parser, text: string, kind: ItemKind): Shape | undefined {
  const wanted = SIGNATURE_NODES[kind];
  if (!wanted) return undefined;
  let t = firstForm(text);
  const impl = /^(?:unsafe\s+)?impl\b[^{]*\{([\s\S]*)\}\s*$/.exec(t);
  if (impl) t = impl[1].trim();
  const elided = /\(\s*\.\.\s*\)/.test(t);
  t = t.replace(/\(\s*\.\.\s*\)/g, '()');
  if (!/[;}]$/.test(t)) t += ';';
  const tree = parseWithLimit(parser, t);
  if (!tree) return undefined;
  try {
    const stack = [tree.rootNode];
    while (stack.length) {
      const n = stack.shift()!;
      if (wanted.includes(n.type)) {
        if (n.hasError && kind !== 'trait' && kind !== 'struct' && kind !== 'enum') return undefined;
        return shapeOf(n, elided && (kind === 'fn' || kind === 'method'));
      }
      for (const c of n.namedChildren) if (c) stack.push(c);
    }
    return undefined;
  } finally {
    tree.delete();
  }
}

/** The first form of a signature text: its first line and the lines that continue it (indented, `->`, `where`). */
function firstForm(text: string): string {
  const lines = text.split('\n');
  const kept = [lines[0]];
  for (const line of lines.slice(1)) {
    if (!/^(?:\s+|->|where\b|\))/.test(line)) break;
    kept.push(line);
  }
  return kept.map((l) => l.replace(/\/\/.*$/, '')).join(' ').trim();
}

/** Where each knowledge-base entry is written, found by reading the data modules' text. */
export function kbLocations(dataDir: string, repoRoot: string): Map<string, string> {
  const out = new Map<string, string>();
  let files: string[];
  try {
    files = fs.readdirSync(dataDir).filter((f) => f.endsWith('.ts')).sort();
  } catch {
    return out;
  }
  for (const f of files) {
    const full = path.join(dataDir, f);
    const text = fs.readFileSync(full, 'utf8');
    const re = /\bpath:\s*'([^']+)'/g;
    for (let m = re.exec(text); m; m = re.exec(text)) {
      const kind = /\bkind:\s*'([\w-]+)'/.exec(text.slice(m.index, m.index + 600))?.[1] ?? '';
      const line = text.slice(0, m.index).split('\n').length;
      const key = `${m[1]}|${kind}`;
      if (!out.has(key)) out.set(key, `${path.relative(repoRoot, full).replace(/\\/g, '/')}:${line}`);
    }
  }
  return out;
}

function uncertainAbout(item: KbItem, fact: 'since' | 'until' | 'signatures'): boolean {
  return item.confidence === 'uncertain' && (item.uncertainAbout === undefined || item.uncertainAbout.includes(fact));
}

function where(d: Def): string | undefined {
  return d.file && d.line ? `${d.file}:${d.line}` : d.externalPath ? `re-export of ${d.externalPath}` : undefined;
}

function describe(d: Def): string {
  const loc = where(d);
  const what = d.kind === 'external' ? `a re-export of \`${d.externalPath}\`` : `${d.public ? '' : 'non-public '}${d.kind}${d.viaTrait ? ' (trait impl)' : ''}`;
  return loc && d.kind !== 'external' ? `${what} at ${loc}` : what;
}

function parentName(p: string): string {
  const { parent } = splitKbPath(p);
  return parent[parent.length - 1] ?? '';
}

/** Options for {@link verifyTree}. */
export interface VerifyOptions {
  /** Knowledge-base entry locations (`path|kind` → `file:line`), from {@link kbLocations}. */
  readonly locations?: ReadonlyMap<string, string>;
}

/** Compares all entries with one tree. */
export function verifyTree(parser: Parser, surface: TreeSurface, items: readonly KbItem[], options: VerifyOptions = {}): VerifyReport {
  const started = performance.now();
  const release = surface.release.release;
  const sublevel = surface.release.sublevel ?? 0;
  const exact = sublevel === 0 && surface.release.extraversion === '';
  const known = isKnownRelease(release);
  const pointRelease = sublevel > 0 ? `${release}.${sublevel}` : release;
  /** A stable change to this tree's line whose point release the knowledge base does not know. */
  const unsureStable = (lines: readonly string[] | undefined): boolean => sublevel > 0 && (lines ?? []).includes(release);
  const disagreements: Disagreement[] = [];
  const uncertain: UncertainNote[] = [];
  const backportTolerated: { path: string; treeLocation: string }[] = [];
  let checked = 0;
  let agreements = 0;
  let notCheckable = 0;
  let signaturesCompared = 0;
  let signaturesNotComparable = 0;
  const loc = (item: KbItem): string | undefined => options.locations?.get(`${item.path}|${item.kind}`);

  // Which paths an available entry claims at this release: those are not checked for absence by other entries.
  const claimedAvailable = new Map<string, KbItem[]>();
  for (const item of items) {
    if (item.kind === 'syntax' || statusAt(item, pointRelease).state !== 'available') continue;
    for (const p of [item.path, ...(item.aliases ?? [])]) claimedAvailable.set(p, [...(claimedAvailable.get(p) ?? []), item]);
  }

  const lookups = new Map<string, Def[]>();
  const macroKinds: readonly ItemKind[] = ['macro', 'attribute', 'derive'];
  const lookup = (p: string, publicOnly: boolean, kind?: ItemKind): Def[] => {
    const macroish = kind !== undefined && macroKinds.includes(kind) && !p.endsWith('!') && !p.includes('#[');
    const key = `${publicOnly}|${macroish}|${p}`;
    let found = lookups.get(key);
    if (!found) {
      found = lookupKbPath(surface, p, publicOnly, macroish ? kind : undefined);
      lookups.set(key, found);
    }
    return found;
  };

  for (const item of items) {
    if (item.kind === 'syntax') {
      notCheckable++;
      continue;
    }
    checked++;
    // Point-aware: `backportedTo: ['6.12.40']` or `removedInStable: ['6.12.40']` decide a 6.12.118 tree.
    const status = statusAt(item, pointRelease);
    const compatible = COMPATIBLE[item.kind];
    const paths = [item.path, ...(item.aliases ?? [])];
    const matchesOf = (p: string): Def[] => lookup(p, true, item.kind).filter((d) => compatible.includes(d.kind));
    const kbLocation = loc(item);

    if (status.state === 'available') {
      const found = paths.map((p) => ({ p, defs: matchesOf(p) }));
      const present = found.filter((f) => f.defs.length);
      if (!present.length) {
        const other = paths.flatMap((p) => lookup(p, true));
        const hidden = paths.flatMap((p) => lookup(p, false, item.kind).filter((d) => compatible.includes(d.kind)));
        const claim = `available in ${release} (since ${item.since}${item.until ? `, until ${item.until}` : ''})`;
        if (unsureStable(item.removedInStable)) {
          backportTolerated.push({ path: item.path, treeLocation: `absent: removed in a ${release}.y stable update (removedInStable)` });
          agreements++;
          continue;
        }
        if (uncertainAbout(item, 'until') && item.until !== undefined) {
          uncertain.push({
            path: item.path, fact: 'until', kbClaims: `until ${item.until} (uncertain)`, treeSays: `absent in ${surface.release.full}`, kbLocation,
            suggestion: exact ? `until: '${release}' or earlier` : `until is at most ${release} unless a stable update removed it (then removedInStable: ['${release}'])`,
          });
          continue;
        }
        const uncertainSince = uncertainAbout(item, 'since') && !(item.knownAbsentIn && compareReleases(release, item.knownAbsentIn) <= 0);
        if (uncertainSince) {
          uncertain.push({
            path: item.path, fact: 'since', kbClaims: `since ${item.since} (uncertain${item.knownAbsentIn ? `, known absent in ${item.knownAbsentIn}` : ''})`,
            treeSays: `absent in ${surface.release.full}`, kbLocation,
            suggestion: `since is later than ${release}: set knownAbsentIn: '${release}' and move since past it`,
          });
          continue;
        }
        if (other.length) {
          disagreements.push({ category: 'kind-mismatch', path: item.path, kind: item.kind, lookedUp: item.path, kbClaims: `${item.kind}, ${claim}`, treeHas: describe(other[0]), treeLocation: where(other[0]), kbLocation });
        } else if (hidden.length) {
          disagreements.push({ category: 'not-public', path: item.path, kind: item.kind, lookedUp: item.path, kbClaims: `public ${item.kind}, ${claim}`, treeHas: `${describe(hidden[0])}, not reachable from other crates`, treeLocation: where(hidden[0]), kbLocation });
        } else {
          disagreements.push({
            category: 'missing', path: item.path, kind: item.kind, lookedUp: paths.join(' | '), kbClaims: claim, treeHas: 'nothing at this path or its aliases', kbLocation,
            hint: sublevel > 0 ? `the tree is the stable update ${surface.release.full}: if ${release}.0 has it, a stable backport removed it` : undefined,
          });
        }
        continue;
      }
      let agreed = true;
      for (const f of found) {
        if (f.defs.length) continue;
        const other = lookup(f.p, true);
        agreed = false;
        disagreements.push({
          category: 'alias-missing', path: item.path, kind: item.kind, lookedUp: f.p,
          kbClaims: `\`${f.p}\` names it in ${release}`,
          treeHas: other.length ? describe(other[0]) : `nothing at \`${f.p}\` (the item is at \`${present[0].p}\`)`,
          treeLocation: other.length ? where(other[0]) : where(present[0].defs[0]), kbLocation,
        });
      }
      const era = status.signature;
      if (era && !['macro', 'attribute', 'derive', 'module', 'variant'].includes(item.kind)) {
        const kbShape = kbSignatureShape(parser, era.text, item.kind);
        const candidates = present.flatMap((f) => f.defs.map((d) => ({ d, p: f.p }))).filter((c) => c.d.shape);
        if (!kbShape || !candidates.length) signaturesNotComparable++;
        else {
          signaturesCompared++;
          const results = candidates
            .map((c) => ({ ...c, diffs: compareShapes(kbShape, c.d.shape!, { kb: [parentName(item.path), parentName(c.p)], tree: [c.d.selfName ?? '', c.d.name] }) }))
            .sort((a, b) => a.diffs.length - b.diffs.length || Number(a.d.viaTrait ?? false) - Number(b.d.viaTrait ?? false));
          const best = results[0];
          const eraText = `${era.since ?? item.since}–${era.until ?? item.until ?? ''}`;
          if (best.diffs.length) {
            agreed = false;
            if (uncertainAbout(item, 'signatures')) {
              uncertain.push({
                path: item.path, fact: 'signatures', kbClaims: `${shapeText(kbShape)} (era ${eraText}, uncertain)`, treeSays: shapeText(best.d.shape!),
                treeLocation: where(best.d), kbLocation,
                suggestion: exact ? `${release} has ${best.diffs.map((d) => `${d.aspect} ${d.tree}`).join('; ')}` : undefined,
              });
            } else {
              disagreements.push({
                category: 'signature', path: item.path, kind: item.kind, lookedUp: best.p,
                kbClaims: `${shapeText(kbShape)} (signature era ${eraText})`, treeHas: shapeText(best.d.shape!),
                treeLocation: where(best.d), kbLocation, differences: best.diffs,
              });
            }
          } else if (uncertainAbout(item, 'signatures')) {
            uncertain.push({
              path: item.path, fact: 'signatures', kbClaims: `${shapeText(kbShape)} (era ${eraText}, uncertain)`, treeSays: 'the same shape',
              treeLocation: where(best.d), kbLocation, suggestion: exact ? `the ${eraText} signature holds in ${release}` : undefined, consistent: true,
            });
          }
        }
      }
      if (uncertainAbout(item, 'since') && compareReleases(release, item.since) >= 0) {
        uncertain.push({
          path: item.path, fact: 'since', kbClaims: `since ${item.since} (uncertain${item.knownAbsentIn ? `, known absent in ${item.knownAbsentIn}` : ''})`,
          treeSays: `present in ${surface.release.full}`, treeLocation: where(present[0].defs[0]), kbLocation, consistent: true,
        });
      }
      if (agreed) agreements++;
      continue;
    }

    // The knowledge base says the release does not have it.
    const claim = status.state === 'not-yet' ? `not yet in ${release} (since ${item.since})` : `removed in ${status.until}${status.replacement ? ` (use \`${status.replacement}\`)` : ''}`;
    const hits = paths
      .filter((p) => !(claimedAvailable.get(p) ?? []).some((other) => other !== item && lookup(p, true, other.kind).some((d) => COMPATIBLE[other.kind].includes(d.kind))))
      .map((p) => ({ p, defs: matchesOf(p).filter((d) => d.kind !== 'external' || item.kind !== 'fn') }))
      .filter((f) => f.defs.length);
    if (!hits.length) {
      if (status.state === 'not-yet' && uncertainAbout(item, 'since') && !(item.knownAbsentIn && compareReleases(release, item.knownAbsentIn) <= 0)) {
        uncertain.push({
          path: item.path, fact: 'since', kbClaims: `since ${item.since} (uncertain${item.knownAbsentIn ? `, known absent in ${item.knownAbsentIn}` : ''})`,
          treeSays: `absent in ${surface.release.full}`, kbLocation,
          suggestion: item.knownAbsentIn && compareReleases(release, item.knownAbsentIn) <= 0 ? undefined : `knownAbsentIn: '${release}'`,
          consistent: true,
        });
      }
      agreements++;
      continue;
    }
    const first = hits[0];
    const d = first.defs[0];
    if (status.state === 'not-yet' && sublevel > 0 && item.backportedTo?.includes(release)) {
      backportTolerated.push({ path: item.path, treeLocation: where(d) ?? '' });
      agreements++;
      continue;
    }
    if (status.state === 'not-yet' && uncertainAbout(item, 'since') && !(item.knownAbsentIn && compareReleases(release, item.knownAbsentIn) <= 0)) {
      uncertain.push({
        path: item.path, fact: 'since', kbClaims: `since ${item.since} (uncertain${item.knownAbsentIn ? `, known absent in ${item.knownAbsentIn}` : ''})`,
        treeSays: `present in ${surface.release.full}`, treeLocation: where(d), kbLocation,
        suggestion: exact ? `since: '${release}' or earlier` : `since is at most ${release} unless it is a stable backport (then backportedTo: ['${release}'])`,
      });
      continue;
    }
    if (status.state === 'removed' && uncertainAbout(item, 'until') && !(item.knownRemovedBy && compareReleases(release, item.knownRemovedBy) >= 0)) {
      uncertain.push({
        path: item.path, fact: 'until', kbClaims: `until ${item.until} (uncertain)`, treeSays: `present in ${surface.release.full}`, treeLocation: where(d), kbLocation,
        suggestion: `until is later than ${release}`,
      });
      continue;
    }
    disagreements.push({
      category: 'present-but-kb-says-absent', path: item.path, kind: item.kind, lookedUp: first.p, kbClaims: claim,
      treeHas: describe(d), treeLocation: where(d), kbLocation,
      hint: status.state === 'not-yet' && sublevel > 0
        ? `the tree is the stable update ${surface.release.full}; if ${release}.0 lacks it, add backportedTo: ['${release}'], else move since to ${release} or earlier`
        : status.state === 'not-yet' ? `since should be ${release} or earlier` : `until should be later than ${release}`,
    });
  }

  const byCategory: Record<string, number> = {};
  for (const d of disagreements) byCategory[d.category] = (byCategory[d.category] ?? 0) + 1;
  return {
    tree: surface.root,
    release,
    makefileRelease: surface.release.full,
    exact,
    knownRelease: known,
    disagreements,
    uncertain,
    backportTolerated,
    counts: { entries: items.length, checked, agreements, notCheckable, signaturesCompared, signaturesNotComparable, disagreements: disagreements.length, byCategory },
    surface: { files: surface.stats.files, lines: surface.stats.lines, parseFailures: surface.stats.parseFailures, missingModuleFiles: surface.stats.missingModuleFiles },
    millis: Math.round(performance.now() - started),
  };
}
