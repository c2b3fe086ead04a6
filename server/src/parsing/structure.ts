/**
 * The items and macro nodes of a whole file, found by one tree-sitter query instead of a JavaScript walk (a walk
 * crosses into wasm for every node; a query matches inside wasm and hands back only what it captured). Rules and
 * their helpers share the result: within an engine run (`withSession`) it is computed once per tree.
 */
import { Query, type Node, type Tree } from 'web-tree-sitter';
import { sessionCache, sessionFocus, sourceText } from './walk';

/** Node types the structure part of the query captures; each capture name equals its node type. */
const TYPES = [
  'macro_definition',
  'macro_invocation',
  'attribute_item',
  'inner_attribute_item',
  'use_declaration',
  'struct_item',
  'enum_item',
  'union_item',
  'impl_item',
  'type_item',
] as const;

/** A captured node type. */
export type StructureType = (typeof TYPES)[number];

/** A captured node with its extent read once (`endIndex` is a wasm call on every read). */
export interface Span {
  node: Node;
  type: StructureType;
  start: number;
  end: number;
}

/** One capture of the file query other than the structure nodes. */
export interface Capture {
  name: ExtraCapture;
  node: Node;
}

/**
 * Captures besides the structure nodes, for the rules that need them. `path` and `inner` are every path and every
 * path that is the `path` part of a longer one (the kernel-reference scan); `scoped_call` is a call of a path
 * (`a::b(…)`); `init_let` is `let x = <call or macro call>`.
 */
export type ExtraCapture = 'path' | 'inner' | 'scoped_call' | 'init_let';

/** Every captured node of a file in document order, and by type. */
export interface Structure {
  /** The structure nodes, in document order. */
  all: readonly Span[];
  byType: ReadonlyMap<StructureType, readonly Span[]>;
  /**
   * Every capture in the order tree-sitter returns them (by start; at one start, structure nodes, then paths):
   * structure nodes appear here with their type as the name.
   */
  ordered: readonly { name: StructureType | ExtraCapture; node: Node }[];
  /** The extra captures by name, in document order. */
  extra: ReadonlyMap<ExtraCapture, readonly Node[]>;
  /** The source text of the tree. */
  text: string;
}

/**
 * One query for everything the rules look for, so that the tree is traversed once: each separate query costs a
 * whole pass over the tree in wasm, about a third of the time the parse took. The order of the patterns matters:
 * at one start position, captures of lower patterns come first (a macro call before the path naming its macro).
 */
const SOURCE = [
  ...TYPES.map((t) => `(${t}) @${t}`),
  '[(scoped_identifier) (scoped_type_identifier)] @path',
  '(scoped_identifier path: [(scoped_identifier) (scoped_type_identifier)] @inner)',
  '(scoped_type_identifier path: [(scoped_identifier) (scoped_type_identifier)] @inner)',
  '(call_expression function: (scoped_identifier)) @scoped_call',
  '(let_declaration pattern: (identifier) value: [(macro_invocation) (call_expression)]) @init_let',
].join('\n');
const STRUCTURE_TYPES = new Set<string>(TYPES);
const queries = new WeakMap<Tree['language'], Query>();

function compute(root: Node): Structure {
  const language = root.tree.language;
  let query = queries.get(language);
  if (!query) {
    query = new Query(language, SOURCE);
    queries.set(language, query);
  }
  const all: Span[] = [];
  const byType = new Map<StructureType, Span[]>(TYPES.map((t) => [t, []]));
  const extra = new Map<ExtraCapture, Node[]>([['path', []], ['inner', []], ['scoped_call', []], ['init_let', []]]);
  const ordered: Structure['ordered'][number][] = [];
  const captures = [];
  // In a focused run only the focused top-level nodes are searched (in document order, so captures stay ordered).
  for (const top of sessionFocus(root.tree) ?? [root]) captures.push(...query.captures(top));
  for (const { name, node } of captures) {
    if (STRUCTURE_TYPES.has(name)) {
      const type = name as StructureType;
      const span = { node, type, start: node.startIndex, end: node.endIndex };
      all.push(span);
      byType.get(type)?.push(span);
      ordered.push({ name: type, node });
    } else {
      extra.get(name as ExtraCapture)?.push(node);
      ordered.push({ name: name as ExtraCapture, node });
    }
  }
  return { all, byType, ordered, extra, text: sourceText(root) };
}

/** The file's structure: cached per tree within an engine run, computed afresh outside one. */
export function structureOf(root: Node): Structure {
  const cache = sessionCache(root.tree);
  if (!cache) return compute(root);
  const key = `structure:${root.id}`;
  let s = cache.get(key) as Structure | undefined;
  if (!s) {
    s = compute(root);
    cache.set(key, s);
  }
  return s;
}

/**
 * The spans of `types` that lie outside every span of `skip` types (a span never counts as inside itself), in
 * document order: what a walk that does not descend into the `skip` nodes would visit.
 */
export function spansOutside(structure: Structure, types: readonly StructureType[], skip: readonly StructureType[]): Span[] {
  const want = new Set<StructureType>(types);
  const skipping = new Set<StructureType>(skip);
  const out: Span[] = [];
  // Captures arrive in document order (by start); a region holds everything that starts before its end.
  let regionEnd = -1;
  let regionNode: Node | undefined;
  for (const s of structure.all) {
    const inside = regionNode !== undefined && s.start < regionEnd && s.node.id !== regionNode.id;
    if (inside) continue;
    if (want.has(s.type)) out.push(s);
    if (skipping.has(s.type)) {
      regionEnd = s.end;
      regionNode = s.node;
    }
  }
  return out;
}

/**
 * A test for "does a node lie inside one of the `skip` nodes" (a node is not inside itself), for nodes found by other
 * queries: what a walk that does not descend into the `skip` nodes would never see.
 */
export function insideSkipped(structure: Structure, skip: readonly StructureType[]): (node: Node, start?: number) => boolean {
  const regions = spansOutside(structure, skip, skip);
  if (regions.length === 0) return () => false;
  return (node, start = node.startIndex) => {
    // The last region starting at or before `start`; the regions are disjoint and sorted.
    let lo = 0;
    let hi = regions.length - 1;
    let found = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (regions[mid].start <= start) {
        found = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    if (found < 0) return false;
    const r = regions[found];
    return start < r.end && r.node.id !== node.id;
  };
}

/**
 * A test for "does the text between `start` and `end` contain `needle`", answered from the positions of `needle`
 * in the whole text (found once per structure), so that nested nodes do not rescan the same text.
 */
export function containsText(structure: Structure, needle: string): (start: number, end: number) => boolean {
  let positions = occurrences.get(structure)?.get(needle);
  if (!positions) {
    positions = [];
    for (let i = structure.text.indexOf(needle); i >= 0; i = structure.text.indexOf(needle, i + 1)) positions.push(i);
    let byNeedle = occurrences.get(structure);
    if (!byNeedle) {
      byNeedle = new Map();
      occurrences.set(structure, byNeedle);
    }
    byNeedle.set(needle, positions);
  }
  const found = positions;
  return (start, end) => {
    // The first occurrence at or after `start`.
    let lo = 0;
    let hi = found.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (found[mid] < start) lo = mid + 1;
      else hi = mid;
    }
    return lo < found.length && found[lo] + needle.length <= end;
  };
}

const occurrences = new WeakMap<Structure, Map<string, number[]>>();
