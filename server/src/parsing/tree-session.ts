/**
 * The per-tree session cache: one engine run's values computed once per tree (the shared file structure, the
 * scope, ...), and the top-level nodes the run is limited to when the incremental analyser re-checks part of a file.
 */
import type { Node } from 'web-tree-sitter';

/** One engine run: values cached per tree, and the top-level nodes the run is limited to, if it is. */
interface Session {
  cache: Map<Node['tree'], Map<string, unknown>>;
  /** The tree being analysed, its whole text, and the top-level nodes the run is limited to (if it is). */
  of?: SessionTree;
}

/** What a session knows about the tree it analyses. */
export interface SessionTree {
  tree: Node['tree'];
  text: string;
  focus?: readonly Node[];
}

let session: Session | undefined;

/** The current session's cache for `tree`, or undefined outside a session (then nothing may be cached). */
export function sessionCache(tree: Node['tree']): Map<string, unknown> | undefined {
  if (!session) return undefined;
  let perTree = session.cache.get(tree);
  if (!perTree) {
    perTree = new Map();
    session.cache.set(tree, perTree);
  }
  return perTree;
}

/**
 * The top-level nodes of `tree` the current run looks at, or undefined when it looks at the whole file. The
 * language server re-checks only the parts of a file an edit can have changed (analysis/incremental.ts).
 */
export function sessionFocus(tree: Node['tree']): readonly Node[] | undefined {
  const of = session?.of;
  return of && of.tree === tree && of.focus && of.focus.length > 0 ? of.focus : undefined;
}

/**
 * The text ranges (string offsets, end exclusive) the current run looks at in `tree`: the focused top-level nodes,
 * or the whole text. Rules that search the text for a word search only these.
 */
function sessionRanges(root: Node): readonly (readonly [number, number])[] {
  const focus = sessionFocus(root.tree);
  if (!focus) return [[0, sourceText(root).length]];
  const cache = sessionCache(root.tree);
  let ranges = cache?.get('ranges') as [number, number][] | undefined;
  if (!ranges) {
    ranges = focus.map((n) => [n.startIndex, n.endIndex]);
    cache?.set('ranges', ranges);
  }
  return ranges;
}

/** Does the current run look at the text at `offset` (see {@link sessionRanges})? */
export function offsetInRun(root: Node, offset: number): boolean {
  if (!sessionFocus(root.tree)) return true;
  const ranges = sessionRanges(root);
  let lo = 0;
  let hi = ranges.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const [start, end] = ranges[mid];
    if (offset < start) hi = mid - 1;
    else if (offset >= end) lo = mid + 1;
    else return true;
  }
  return false;
}

/** Where `needle` occurs in `text` within the current run's ranges (see {@link sessionRanges}), in order. */
export function* occurrencesInRun(root: Node, text: string, needle: string): Generator<number> {
  for (const [start, end] of sessionRanges(root)) {
    for (let at = text.indexOf(needle, start); at >= 0 && at + needle.length <= end; at = text.indexOf(needle, at + 1)) yield at;
  }
}

/** The whole text of `tree` when the current run analyses it (no call into tree-sitter), else undefined. */
export function sessionText(tree: Node['tree']): string | undefined {
  const of = session?.of;
  return of && of.tree === tree ? of.text : undefined;
}

/**
 * The whole source text of `root`'s tree, indexable by node offsets. `root.text` alone is not: the root node starts
 * at the first token, so a file that begins with blank lines would shift every offset.
 */
export function sourceText(root: Node): string {
  const known = sessionText(root.tree);
  if (known !== undefined) return known;
  const start = root.startIndex;
  return start > 0 ? ' '.repeat(start) + root.text : root.text;
}

/**
 * Runs `fn` as one session: per-tree results (the shared file structure of `structure.ts`) are cached until `fn`
 * returns, so no node outlives the run that made it (trees are edited and freed between runs). With `focus`, the
 * shared structure is searched for only inside those top-level nodes.
 */
export function withSession<T>(fn: () => T, of?: SessionTree): T {
  if (session) return fn();
  session = { cache: new Map(), of };
  try {
    return fn();
  } finally {
    session = undefined;
  }
}
