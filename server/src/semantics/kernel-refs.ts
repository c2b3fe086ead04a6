/** Every place a file names a kernel item, resolved to the knowledge base at the target release. */
import type { Node } from 'web-tree-sitter';
import { knowledgeBase, sureStatusAt, type ItemStatus, type KnowledgeBase } from '../kb';
import type { KbItem } from '../kb/types';
import type { TreeAvailability } from './file-facts';
import { structureOf, type PlainPath, type Structure } from '../syntax/structure';
import { PLAIN_PATH_SOURCE } from '../parsing/chars';
import { offsetInRun } from '../parsing/tree-session';
import { resolveSegments } from './resolve';
import { type Scope, crateForPath, scopeOf, canonicalRoot } from './scope';
import { type Segment, segmentsOf, plainSegments } from './path-segments';

/** A reference to a kernel item that the target release lacks. */
export interface GatedReference {
  /** The segment to report at. */
  node: Node;
  /** The whole path node as written (for replacement fixes). */
  pathNode: Node;
  /** Full path of the missing item. */
  path: string;
  /** The knowledge-base entry, when it has one (an item the user's tree lacks may be unknown to it). */
  item?: KbItem;
  status: Exclude<ItemStatus, { state: 'available' }>;
  /** The user's kernel tree decided it: the tree lacks the item (`status` is then `not-yet` unless the knowledge base
   *  knows it left). */
  byTree?: boolean;
}

/** A missing prefix of a path: its index, the knowledge-base entry for it when there is one, and the status. */
export type Missing = { index: number; item?: KbItem; status: Exclude<ItemStatus, { state: 'available' }>; byTree?: boolean };

/** Crates whose items a kernel tree's index answers for. */
const TREE_CRATES = new Set(['kernel', 'pin_init', 'macros']);

/**
 * {@link firstMissing}, with the user's kernel tree deciding when there is one: a prefix the tree surely lacks is
 * missing (with the knowledge base's entry and history, when it has one), a prefix the tree has is there whatever the
 * knowledge base says, and where the tree cannot tell the knowledge base answers. Disagreements are told to the tree.
 */
export function missingFrom(
  kb: KnowledgeBase,
  tree: TreeAvailability | undefined,
  full: readonly string[],
  target: string,
  macro: boolean,
  startAt: number,
): Missing | undefined {
  if (!tree || !TREE_CRATES.has(full[0])) return firstMissing(kb, full, target, macro, startAt);
  const absent = tree.firstAbsent(full, macro, startAt);
  if (absent !== undefined) {
    const last = absent === full.length - 1;
    const p = full.slice(0, absent + 1).join('::') + (last && macro ? '!' : '');
    const own = kb.resolve(p, target);
    // A `use` names a macro without its `!`: when the knowledge base's entry for the macro says the target lacks it,
    // the macro-import gates report it already (once).
    const asMacro = !own && last && !macro ? kb.resolve(`${p}!`, target) : undefined;
    const macroStatus = asMacro ? sureStatusAt(asMacro, target) : undefined;
    if (macroStatus && macroStatus.state !== 'available') return undefined;
    const item = own ?? asMacro;
    const status = item ? sureStatusAt(item, target) : undefined;
    if (item && status && status.state !== 'available') return { index: absent, item, status, byTree: true };
    if (item && status?.state === 'available') tree.disagreement?.(p, 'available', target);
    return { index: absent, item, status: { state: 'not-yet', since: item?.since ?? '' }, byTree: true };
  }
  const kbMiss = firstMissing(kb, full, target, macro, startAt);
  if (!kbMiss) return undefined;
  const last = kbMiss.index === full.length - 1;
  const p = full.slice(0, kbMiss.index + 1).join('::') + (last && macro ? '!' : '');
  if (tree.presence(p) !== 'present') return kbMiss;
  tree.disagreement?.(p, 'missing', target);
  return undefined;
}

/** The file's scope, computed once per tree (hover and completion reuse what the rules built). */
export function fileScope(root: Node, filePath: string | undefined): Scope {
  return scopeOf(root.tree, crateForPath(filePath));
}

const longest = new WeakMap<KnowledgeBase, number>();

/** The most segments any knowledge-base path or alias has. */
function longestPath(kb: KnowledgeBase): number {
  let n = longest.get(kb);
  if (n === undefined) {
    n = 0;
    for (const item of kb.items) for (const p of [item.path, ...(item.aliases ?? [])]) n = Math.max(n, p.split('::').length);
    longest.set(kb, n);
  }
  return n;
}

/** Checks one resolved path prefix by prefix; returns the first missing prefix. */
export function firstMissing(
  kb: KnowledgeBase,
  full: readonly string[],
  target: string,
  macro: boolean,
  startAt: number,
): { index: number; item: KbItem; status: Exclude<ItemStatus, { state: 'available' }> } | undefined {
  // No prefix longer than the longest knowledge-base path can name an item; stopping there keeps absurdly long
  // paths linear.
  const stop = Math.min(full.length, longestPath(kb));
  const first = Math.max(2, startAt);
  let prefix = full.slice(0, first - 1).join('::');
  for (let k = first; k <= stop; k++) {
    const last = k === full.length;
    prefix = `${prefix}::${full[k - 1]}`;
    const item = kb.resolve(prefix + (last && macro ? '!' : ''), target);
    if (!item) continue;
    const status = sureStatusAt(item, target);
    if (status && status.state !== 'available') return { index: k - 1, item, status };
  }
  return undefined;
}

const missingByKb = new WeakMap<KnowledgeBase, Map<string, Missing | null>>();

/**
 * What of a resolved path the target lacks, if anything (through an import at `importOffset`, only members newer than
 * the imported item count: the import reports the rest). The answer depends on the path, the target and the flags
 * only, and a file spells the same paths again and again, so answers are kept (up to a bound).
 */
function missingAlong(
  kb: KnowledgeBase,
  tree: TreeAvailability | undefined,
  full: readonly string[],
  resolved: string,
  target: string,
  macro: boolean,
  importOffset: number,
): Missing | undefined {
  let missing = missingByKb.get(kb);
  if (!missing) {
    missing = new Map();
    missingByKb.set(kb, missing);
  }
  const key = `${target}\u0000${tree?.key ?? ''}\u0000${macro ? 1 : 0}\u0000${importOffset}\u0000${resolved}`;
  const known = missing.get(key);
  if (known !== undefined) return known ?? undefined;
  let miss: Missing | undefined;
  if (importOffset >= 0 && missingFrom(kb, tree, full.slice(0, importOffset + 1), target, false, 2)) miss = undefined;
  else miss = missingFrom(kb, tree, full, target, macro, importOffset >= 0 ? importOffset + 2 : 2);
  if (missing.size >= 20_000) missing.clear();
  missing.set(key, miss ?? null);
  return miss;
}

const PATH_NODES = new Set(['scoped_identifier', 'scoped_type_identifier']);

/** A macro call's name as plain text: words joined by `::`, then the `!`. */
const MACRO_NAME = new RegExp(`^${PLAIN_PATH_SOURCE}(?=\\s*!)`);

/**
 * What the code scan looks at, from the shared file structure: regions it never enters (`use` declarations are handled
 * through the scope, attributes and macro definitions are not code), macro calls, and paths. At one start a macro
 * call comes before the path that names its macro. Plain paths (`structure.plainPaths`) are merged in by start.
 */
const SCAN: Partial<Record<Structure['ordered'][number]['name'], 'skip' | 'macro' | 'path'>> = {
  use_declaration: 'skip',
  attribute_item: 'skip',
  inner_attribute_item: 'skip',
  macro_definition: 'skip',
  macro_invocation: 'macro',
  path: 'path',
};

/** Finds references to items the target lacks: in `use` declarations, written-out paths and macro calls. */
export function gatedReferences(
  root: Node,
  target: string,
  filePath: string | undefined,
  scope = fileScope(root, filePath),
  tree?: TreeAvailability,
): GatedReference[] {
  const kb = knowledgeBase();
  const out: GatedReference[] = [];
  // use declarations: report each missing prefix once, at the segment that names it
  const reported = new Set<number>();
  for (const leaf of scope.leaves) {
    // A focused run reports only inside its focus: the imports elsewhere keep their earlier findings.
    if (leaf.segments.length === 0 || !offsetInRun(root, leaf.segments[0].start)) continue;
    const full = canonicalRoot(leaf.path, scope.crateName).split('::');
    if (!['kernel', 'pin_init', 'macros'].includes(full[0])) continue;
    const miss = missingFrom(kb, tree, full, target, false, 2);
    if (!miss) continue;
    // `crate::x` canonicalises to `kernel::x` with the same number of segments.
    const seg = leaf.segments[miss.index] ?? leaf.segments[leaf.segments.length - 1];
    if (reported.has(seg.node.id)) continue;
    reported.add(seg.node.id);
    const whole = leaf.node.parent && PATH_NODES.has(leaf.node.parent.type) && miss.index === full.length - 1 && leaf.segments.length === full.length;
    out.push({
      node: seg.node,
      pathNode: whole && leaf.node.parent ? leaf.node.parent : seg.node,
      path: full.slice(0, miss.index + 1).join('::'),
      item: miss.item,
      status: miss.status,
      byTree: miss.byTree,
    });
  }
  // Paths and macro calls in code, in document order, skipped regions before what they contain: the structure's
  // nodes (macro calls, regions to skip, paths that are not plain text) merged with its plain paths by start.
  const structure = structureOf(root);
  const text = structure.text;
  const plain = structure.plainPaths;
  // Paths that are the `path` part of a longer path (asking each node for its parent would cost its depth).
  const inner = new Set(structure.extra.get('inner')?.map((n) => n.id));
  let skipEnd = -1;
  let next = 0;
  /** Reports the path if the target lacks what it names; false when it names nothing missing (wherever it is). */
  const check = (segs: Segment[] | undefined, macro: boolean, pathNode: () => Node | undefined): boolean => {
    if (!segs || segs.length === 0) return false;
    if (!macro && segs.length < 2) return false;
    const texts = segs.map((s) => s.text);
    const resolved = resolveSegments(texts, scope, kb, target, macro);
    if (!resolved) return false;
    const full = resolved.replace(/!$/, '').split('::');
    // Segments already covered by an import are reported at the import, not at every use.
    const viaImport = scope.imports.has(texts[0]) || (!['kernel', 'pin_init', 'crate'].includes(texts[0]) && texts.length < full.length);
    const offset = full.length - segs.length;
    const miss = missingAlong(kb, tree, full, resolved, target, macro, viaImport ? offset : -1);
    if (!miss) return false;
    // Only now is the tree asked which node spells the path (a plain path in a comment or a string has none).
    const node = pathNode();
    if (!node) return true;
    const seg = segs[Math.max(0, miss.index - offset)];
    out.push({
      node: seg.node,
      pathNode: node,
      path: full.slice(0, miss.index + 1).join('::') + (macro && miss.index === full.length - 1 ? '!' : ''),
      item: miss.item,
      status: miss.status,
      byTree: miss.byTree,
    });
    return true;
  };
  // Plain paths spelled the same way resolve the same way: a spelling that gave nothing to report is not read again
  // (code repeats its paths, `Error::EINVAL`, `Self::new`, `bindings::…`, many times over).
  const quiet = new Set<string>();
  const checkPlain = (p: PlainPath): void => {
    if (p.start < skipEnd) return;
    const spelled = text.slice(p.start, p.end);
    if (quiet.has(spelled)) return;
    const missing = check(plainSegments(root, text, p.start, p.end), false, () => {
      const node = root.namedDescendantForIndex(p.start, p.end);
      return node && PATH_NODES.has(node.type) && node.startIndex === p.start && node.endIndex === p.end ? node : undefined;
    });
    if (!missing) quiet.add(spelled);
  };
  for (const { name: captured, node, end } of structure.ordered) {
    const name = SCAN[captured];
    if (!name) continue;
    const start = node.startIndex;
    // Plain paths before this node (at one start, the node first: a macro call holds the path naming its macro).
    while (next < plain.length && plain[next].start < start) checkPlain(plain[next++]);
    if (start < skipEnd) continue;
    if (name === 'skip') {
      skipEnd = end ?? node.endIndex;
      continue;
    }
    if (name === 'macro') {
      // Macro bodies are flat token trees: nothing inside is a path, so the whole call is done after its name.
      skipEnd = end ?? node.endIndex;
      // The macro's name is what the call starts with, up to its `!`.
      const spelled = MACRO_NAME.exec(text.slice(start, skipEnd))?.[0];
      let segs = spelled !== undefined ? plainSegments(root, text, start, start + spelled.length) : undefined;
      let macroName: Node | null | undefined;
      if (!segs) {
        macroName = node.childForFieldName('macro');
        if (!macroName) continue;
        segs = segmentsOf(macroName);
      }
      check(segs, true, () => (macroName ??= node.childForFieldName('macro')) ?? node);
    } else {
      // An inner path is part of the outer one (a macro's name lies inside its call, skipped above).
      if (inner.has(node.id)) continue;
      check(segmentsOf(node), false, () => node);
    }
  }
  while (next < plain.length) checkPlain(plain[next++]);
  return out;
}

/** Is `resolved` (a resolved path) the knowledge-base item `path`, under any of its names? */
export function resolvedNames(kb: KnowledgeBase, resolved: string | undefined, path: string): boolean {
  return !!resolved && kb.lookup(resolved).some((i) => i.path === path);
}

/** Does this path or type node, resolved through the file's imports, name the kernel item `path`? */
export function namesKernelItem(node: Node, scope: Scope, target: string, path: string): boolean {
  const kb = knowledgeBase();
  const segs = segmentsOf(node);
  return !!segs && resolvedNames(kb, resolveSegments(segs.map((s) => s.text), scope, kb, target), path);
}
