/** Name resolution for one file, from its own text only: `use` declarations, globs, local definitions. */
import type { Node, Tree } from 'web-tree-sitter';
import type { KnowledgeBase } from '../kb';
import type { KbItem } from '../kb/types';
import { isIdentChar, isSpace, PLAIN_PATH_SOURCE, plainWordEnd } from '../parsing/chars';
import { sourceText } from '../parsing/tree-session';

/** One name a `use` declaration brings in, with the node that spells its path. */
export interface UseLeaf {
  /** Full path, e.g. `kernel::sync::Mutex`; for globs the module path. */
  path: string;
  /** The name bound in this file (alias or last segment); undefined for globs and `self`-less groups. */
  local?: string;
  glob: boolean;
  /** The node to report at: the last path segment (or the glob's module path). */
  node: Node;
  /** One node per path segment as written, group prefixes included. */
  segments: readonly Segment[];
}

/** A path segment and the node that spells it. */
export interface Segment {
  text: string;
  /** Where the segment is spelled (string offsets into the file's text). */
  start: number;
  end: number;
  node: Node;
}

/** The segments of a plain path node (`a::b::C<T>`), or undefined when it is not a plain path. */
export function segmentsOf(node: Node): Segment[] | undefined {
  // Iterative, from the last segment back to the first: paths in real (and hostile) files can be very long.
  const reversed: Segment[] = [];
  for (let cur: Node = node; ; ) {
    switch (cur.type) {
      case 'identifier':
      case 'type_identifier':
      case 'crate':
      case 'self':
      case 'super':
        reversed.push({ text: cur.text, start: cur.startIndex, end: cur.endIndex, node: cur });
        return reversed.reverse();
      case 'scoped_identifier':
      case 'scoped_type_identifier': {
        const path = cur.childForFieldName('path');
        const name = cur.childForFieldName('name');
        if (!path || !name) return undefined;
        reversed.push({ text: name.text, start: name.startIndex, end: name.endIndex, node: name });
        cur = path;
        break;
      }
      case 'generic_type': {
        const t = cur.childForFieldName('type');
        if (!t) return undefined;
        cur = t;
        break;
      }
      default:
        return undefined;
    }
  }
}

const PLAIN_PATH = new RegExp(`^${PLAIN_PATH_SOURCE}$`);

/**
 * A path segment read from the text, whose node is looked up the first time it is asked for (most are never
 * reported at): the smallest named node there, or with `anyNode` the smallest node of any kind.
 */
class TextSegment implements Segment {
  private found: Node | undefined;

  constructor(
    private readonly root: Node,
    readonly text: string,
    readonly start: number,
    readonly end: number,
    private readonly anyNode = false,
  ) {}

  get node(): Node {
    this.found ??=
      (this.anyNode ? this.root.descendantForIndex(this.start, this.end) : this.root.namedDescendantForIndex(this.start, this.end)) ?? this.root;
    return this.found;
  }
}

/**
 * The segments of the path spelled by `text[start, end)` when it is plain (`a::b::C`, words and `::` with spaces at
 * most): the same as {@link segmentsOf} on its node, read from the text alone. Each segment's node is looked up in
 * `root` only when asked for; most paths are never reported at. Undefined for anything else (generics, comments,
 * raw identifiers, non-ASCII names): then the caller reads the tree.
 */
export function plainSegments(root: Node, text: string, start: number, end: number): Segment[] | undefined {
  if (!PLAIN_PATH.test(text.slice(start, end))) return undefined;
  const out: Segment[] = [];
  for (let i = start; i < end; ) {
    if (!isIdentChar(text.charCodeAt(i))) {
      i++;
      continue;
    }
    let j = i + 1;
    while (j < end && isIdentChar(text.charCodeAt(j))) j++;
    out.push(new TextSegment(root, text.slice(i, j), i, j));
    i = j;
  }
  return out;
}

/** What a file's names refer to. */
export interface Scope {
  /** Local name → full path. */
  readonly imports: ReadonlyMap<string, string>;
  /** Modules imported with `::*`. */
  readonly globs: readonly string[];
  /** Names the file defines itself (types, functions, macros, modules, consts). */
  readonly locals: ReadonlySet<string>;
  /** Every imported path. */
  readonly leaves: readonly UseLeaf[];
  /** What `crate::` means here (`kernel` inside rust/kernel), when known. */
  readonly crateName?: string;
}

const ROOTS = new Set(['kernel', 'pin_init', 'macros', 'crate']);

const DEFINITIONS = new Set([
  'struct_item', 'enum_item', 'union_item', 'trait_item', 'function_item', 'type_item', 'mod_item',
  'const_item', 'static_item', 'macro_definition', 'function_signature_item',
]);

/** The crate a file belongs to, guessed from where it sits in a kernel tree. */
export function crateForPath(filePath: string | undefined): string | undefined {
  if (!filePath) return undefined;
  const p = filePath.replace(/\\/g, '/');
  if (p.includes('/rust/kernel/')) return 'kernel';
  if (p.includes('/rust/pin-init/src/')) return 'pin_init';
  return undefined;
}

function collectUse(node: Node, prefix: Segment[], leaves: UseLeaf[]): void {
  const leaf = (segs: Segment[], local: string | undefined, glob: boolean): void => {
    let full = [...prefix, ...segs];
    if (!glob && full.length > 1 && full[full.length - 1].text === 'self') full = full.slice(0, -1);
    if (full.length === 0) return;
    const last = full[full.length - 1];
    leaves.push({ path: full.map((x) => x.text).join('::'), local: glob ? undefined : (local ?? last.text), glob, node: last.node, segments: full });
  };
  switch (node.type) {
    case 'identifier':
    case 'scoped_identifier':
    case 'crate':
    case 'self':
    case 'super': {
      const segs = segmentsOf(node);
      if (segs) leaf(segs, undefined, false);
      return;
    }
    case 'use_as_clause': {
      const path = node.childForFieldName('path');
      const alias = node.childForFieldName('alias');
      const segs = path ? segmentsOf(path) : undefined;
      if (segs) leaf(segs, alias?.text === '_' ? '' : alias?.text, false);
      return;
    }
    case 'use_wildcard': {
      const path = node.namedChildren.find((c) => c !== null);
      const segs = path ? segmentsOf(path) : [];
      if (segs) leaf(segs, undefined, true);
      return;
    }
    case 'scoped_use_list': {
      const path = node.childForFieldName('path');
      const list = node.childForFieldName('list');
      const segs = path ? segmentsOf(path) : [];
      if (!segs || !list) return;
      collectUse(list, [...prefix, ...segs], leaves);
      return;
    }
    case 'use_list':
      for (const child of node.namedChildren) if (child) collectUse(child, prefix, leaves);
      return;
    default:
      return;
  }
}

/** The keywords a `use` path may start with; as any other segment they are left to the tree. */
const PATH_ROOTS = new Set(['crate', 'self', 'super']);

/**
 * The leaves of the `use` declaration spanning `text[start, end)`, read from its text when it is plain: paths of ASCII
 * words, groups, `*` and `as` renames, with spaces and line breaks only. The same as the tree-walking collectUse on
 * its argument; undefined for anything else (comments, leading `::`, raw or non-ASCII names, attributes…), which the
 * caller then reads from the tree.
 */
export function useLeavesFromText(text: string, start: number, end: number): PartLeaf[] | undefined {
  const leaves: PartLeaf[] = [];
  let i = start;
  const skipSpace = (): void => {
    while (i < end && isSpace(text.charCodeAt(i))) i++;
  };
  const word = (): SegmentAt | undefined => {
    skipSpace();
    const to = plainWordEnd(text, i, end);
    if (to < 0) return undefined;
    const from = i;
    i = to;
    return { text: text.slice(from, to), start: from, end: to };
  };
  const eat = (token: string): boolean => {
    skipSpace();
    if (!text.startsWith(token, i)) return false;
    i += token.length;
    return true;
  };
  // Visibility, then the keyword.
  let head = word();
  if (head?.text === 'pub') {
    if (eat('(')) {
      while (i < end && text.charCodeAt(i) !== 41 /* ) */) {
        const c = text.charCodeAt(i);
        if (!isIdentChar(c) && !isSpace(c) && c !== 58 /* : */) return undefined;
        i++;
      }
      if (!eat(')')) return undefined;
    }
    head = word();
  } else if (head?.text === 'crate') head = word();
  if (head?.text !== 'use') return undefined;
  const leaf = (prefix: PartLeaf['segments'], segs: PartLeaf['segments'], local: string | undefined, glob: boolean): void => {
    let full = [...prefix, ...segs];
    if (!glob && full.length > 1 && full[full.length - 1].text === 'self') full = full.slice(0, -1);
    if (full.length === 0) return;
    const last = full[full.length - 1];
    leaves.push({ path: full.map((x) => x.text).join('::'), local: glob ? undefined : (local ?? last.text), glob, segments: full });
  };
  // One use tree (after `prefix`); false when the text is not plain. Groups nest; the depth is bounded so that
  // hostile nesting falls back to the tree (which handles it) instead of exhausting the stack here.
  const tree = (prefix: PartLeaf['segments'], depth: number): boolean => {
    if (depth > 64) return false;
    skipSpace();
    if (eat('{')) return list(prefix, depth);
    if (eat('*')) {
      leaf(prefix, [], undefined, true);
      return true;
    }
    const segs: SegmentAt[] = [];
    for (;;) {
      const w = word();
      if (!w) return false;
      // `crate`, `self` and `super` only lead a path (a lone `self` in a group names the group's prefix).
      if (PATH_ROOTS.has(w.text) && segs.length > 0) return false;
      segs.push(w);
      const save = i;
      if (!eat('::')) {
        i = save;
        break;
      }
      skipSpace();
      if (eat('{')) return list([...prefix, ...segs], depth);
      if (eat('*')) {
        leaf(prefix, segs, undefined, true);
        return true;
      }
    }
    const save = i;
    const as = word();
    if (as?.text === 'as') {
      const alias = word();
      if (!alias) return false;
      leaf(prefix, segs, alias.text === '_' ? '' : alias.text, false);
      return true;
    }
    i = save;
    leaf(prefix, segs, undefined, false);
    return true;
  };
  const list = (prefix: PartLeaf['segments'], depth: number): boolean => {
    for (;;) {
      skipSpace();
      if (eat('}')) return true;
      if (!tree(prefix, depth + 1)) return false;
      skipSpace();
      if (eat(',')) continue;
      return eat('}');
    }
  };
  if (!tree([], 0) || !eat(';')) return undefined;
  skipSpace();
  return i === end ? leaves : undefined;
}

/**
 * Definitions whose parts hold no `use`, definition or scope container (fields, variants, macro rules, signatures,
 * the parts of a type alias).
 */
const NOTHING_INSIDE = new Set(['struct_item', 'enum_item', 'union_item', 'macro_definition', 'function_signature_item', 'type_item']);

/** Containers in which only the body, always their last child, can hold what the scope reads. */
const BODY_LAST = new Set(['function_item', 'impl_item', 'trait_item', 'mod_item']);

/** The keyword before a definition's name, by node type. */
const DEFINITION_KEYWORD: Readonly<Record<string, string>> = {
  struct_item: 'struct',
  enum_item: 'enum',
  union_item: 'union',
  trait_item: 'trait',
  function_item: 'fn',
  function_signature_item: 'fn',
  type_item: 'type',
  mod_item: 'mod',
  const_item: 'const',
  static_item: 'static(?:\\s+mut)?',
  macro_definition: 'macro_rules!',
};

const DEFINITION_HEAD = new Map(
  Object.entries(DEFINITION_KEYWORD).map(([type, keyword]) => [
    type,
    // Visibility and modifiers (`pub(crate)`, `const`, `unsafe`, `extern "C"` …), the keyword, then the name, which
    // must end there (a raw `r#name` or a name with characters outside ASCII is left to the tree).
    new RegExp(
      `(?:[a-z]+(?:\\s*\\([^()]*\\))?\\s+|extern\\s+"[^"\\\\]*"\\s+)*?${keyword}${keyword.endsWith('!') ? '\\s*' : '\\s+'}([A-Za-z_][A-Za-z0-9_]*)(?![A-Za-z0-9_#\\u0080-\\uffff])`,
      'y',
    ),
  ]),
);

/**
 * The name a definition of `type` starting at `start` gives, read from the text, and where the name ends; undefined
 * when its head is not plain.
 */
function namedInText(text: string, start: number, type: string): { name: string; end: number } | undefined {
  const head = DEFINITION_HEAD.get(type);
  if (!head) return undefined;
  head.lastIndex = start;
  const name = head.exec(text)?.[1];
  return name === undefined ? undefined : { name, end: head.lastIndex };
}

/** A word that starts a `use` declaration or one of the definitions in DEFINITIONS. */
const SCOPE_KEYWORD = /\b(?:use|struct|enum|union|trait|fn|type|mod|const|static|macro_rules)\b/;

/** The nodes whose children the scope is read from (a walk descends only into these). */
const SCOPE_CONTAINERS = new Set(['source_file', 'mod_item', 'declaration_list', 'impl_item', 'block', ...DEFINITIONS]);

/**
 * What one top-level node contributes to its file's scope, as plain data: offsets are relative to the node's start,
 * so the same text anywhere in any version of the file gives the same part (the language server caches parts by
 * text and rebuilds a file's scope from them after an edit).
 */
export interface ScopePart {
  leaves: readonly PartLeaf[];
  locals: readonly string[];
}

/** A path segment as plain data: its text and where it is. */
interface SegmentAt {
  text: string;
  start: number;
  end: number;
}

/** A `use` leaf as plain data (offsets into the file while reading, relative to the node's start in a part). */
interface PartLeaf {
  path: string;
  local?: string;
  glob: boolean;
  segments: readonly SegmentAt[];
}

/** Reads the `use` declarations and definitions under `top` (itself included), walking only through scope containers. */
export function scopePart(top: Node, text?: string): ScopePart {
  // Leaves in document order, from the text when a declaration is plain and from the tree otherwise.
  const leaves: PartLeaf[] = [];
  const locals: string[] = [];
  // A cursor walk that only makes Node objects for what it keeps: reading a type at the cursor is far cheaper.
  const cursor = top.walk();
  let depth = 0; // counted here: the cursor's `currentDepth` costs time proportional to the depth
  try {
    for (;;) {
      const type = cursor.nodeType;
      let descend = false;
      const fromText = type === 'use_declaration' && text !== undefined ? useLeavesFromText(text, cursor.startIndex, cursor.endIndex) : undefined;
      if (fromText) {
        for (const l of fromText) leaves.push(l);
      } else if (type === 'use_declaration') {
        const arg = cursor.currentNode.childForFieldName('argument');
        if (arg) {
          // Pathologically nested groups (thousands of `{` levels) would exhaust the stack: such a
          // declaration is left out of the scope, which makes resolution silent for it, never wrong.
          const found: UseLeaf[] = [];
          try {
            collectUse(arg, [], found);
            for (const l of found) leaves.push(l);
          } catch (error) {
            if (!(error instanceof RangeError)) throw error;
          }
        }
      } else {
        let headEnd = -1;
        if (DEFINITIONS.has(type)) {
          // Read from the text after the keyword when the item's head is plain; otherwise ask the tree.
          const head = text !== undefined ? namedInText(text, cursor.startIndex, type) : undefined;
          const name = head ? head.name : cursor.currentNode.childForFieldName('name')?.text;
          if (head) headEnd = head.end;
          if (name) locals.push(type === 'macro_definition' ? `${name}!` : name);
        }
        descend = SCOPE_CONTAINERS.has(type) && !NOTHING_INSIDE.has(type);
        // A block (a function body, mostly) holds a `use` or a definition only if its text spells the keyword
        // that starts one: the others are not entered, which saves reading every statement of every body. A
        // function whose text after its name spells none is not entered either (its body is part of that text).
        if (descend && text !== undefined) {
          if (type === 'block') descend = SCOPE_KEYWORD.test(text.slice(cursor.startIndex, cursor.endIndex));
          else if (type === 'function_item' && headEnd >= 0) descend = SCOPE_KEYWORD.test(text.slice(headEnd, cursor.endIndex));
        }
      }
      if (descend && (BODY_LAST.has(type) ? cursor.gotoLastChild() : cursor.gotoFirstChild())) {
        depth++;
        continue;
      }
      while (depth > 0 && !cursor.gotoNextSibling()) {
        cursor.gotoParent();
        depth--;
      }
      if (depth === 0) break;
    }
  } finally {
    cursor.delete();
  }
  const base = top.startIndex;
  return {
    locals,
    leaves: leaves.map((l) => ({
      path: l.path,
      local: l.local,
      glob: l.glob,
      segments: l.segments.map((g) => ({ text: g.text, start: g.start - base, end: g.end - base })),
    })),
  };
}

/** A run of top-level nodes with its text (parsing/units.ts), for building a scope from cached parts. */
export interface ScopeUnit {
  start: number;
  text: string;
  readonly nodes: readonly Node[];
}

/** One part for several nodes, each part's offsets moved by the node's distance from the first. */
function joinParts(parts: readonly { part: ScopePart; offset: number }[]): ScopePart {
  if (parts.length === 1 && parts[0].offset === 0) return parts[0].part;
  return {
    locals: parts.flatMap((p) => p.part.locals),
    leaves: parts.flatMap(({ part, offset }) =>
      part.leaves.map((l) => ({ ...l, segments: l.segments.map((g) => ({ text: g.text, start: g.start + offset, end: g.end + offset })) })),
    ),
  };
}

/** A leaf of a scope built from parts: its node is its last segment's, looked up when asked for. */
class PartUseLeaf implements UseLeaf {
  constructor(
    readonly path: string,
    readonly local: string | undefined,
    readonly glob: boolean,
    readonly segments: readonly TextSegment[],
  ) {}

  get node(): Node {
    return this.segments[this.segments.length - 1].node;
  }
}

/**
 * Builds the scope of a file from its (and its nested modules', functions' and impls') `use` declarations and
 * definitions. With `units` (parsing/units.ts) it goes unit by unit: `parts[i]`, when given, is what unit `i` is
 * already known to contribute (the language server keeps parts by unit text between versions); the parts it has to
 * read are written back into `parts`. Without units it reads every top-level node afresh.
 */
export function buildScope(root: Node, crateName?: string, units?: readonly ScopeUnit[], parts?: (ScopePart | undefined)[]): Scope {
  const text = sourceText(root);
  const leaves: UseLeaf[] = [];
  const locals = new Set<string>();
  const add = (part: ScopePart, start: number): void => {
    // Indexed loops: the language server rebuilds a scope from its parts on every keystroke.
    for (let i = 0; i < part.locals.length; i++) locals.add(part.locals[i]);
    for (let i = 0; i < part.leaves.length; i++) {
      const l = part.leaves[i];
      const segments = l.segments.map((g) => new TextSegment(root, g.text, g.start + start, g.end + start, true));
      leaves.push(new PartUseLeaf(l.path, l.local, l.glob, segments));
    }
  };
  if (units) {
    units.forEach((unit, i) => {
      let part = parts?.[i];
      if (!part) {
        part = joinParts(unit.nodes.map((n) => ({ part: scopePart(n, text), offset: n.startIndex - unit.start })));
        if (parts) parts[i] = part;
      }
      add(part, unit.start);
    });
  } else {
    // One walk from the root (a source file is itself a scope container): the same as a part per top-level node.
    add(scopePart(root, text), root.startIndex);
  }
  const imports = new Map<string, string>();
  const globs: string[] = [];
  for (const leaf of leaves) {
    const canonical = canonicalRoot(leaf.path, crateName);
    if (leaf.glob) globs.push(canonical);
    else if (leaf.local) imports.set(leaf.local, canonical);
  }
  return { imports, globs, locals, leaves, crateName };
}

const scopes = new WeakMap<Tree, Map<string, Scope>>();

/** The scope of a parsed tree, computed once per tree (trees are replaced, never mutated after parsing). */
export function scopeOf(tree: Tree, crateName?: string): Scope {
  let byCrate = scopes.get(tree);
  if (!byCrate) {
    byCrate = new Map();
    scopes.set(tree, byCrate);
  }
  const key = crateName ?? '';
  let scope = byCrate.get(key);
  if (!scope) {
    scope = buildScope(tree.rootNode, crateName);
    byCrate.set(key, scope);
  }
  return scope;
}

/** Records a scope built elsewhere (from cached parts) as the scope of `tree`, so every later reader shares it. */
export function setScopeOf(tree: Tree, crateName: string | undefined, scope: Scope): void {
  let byCrate = scopes.get(tree);
  if (!byCrate) {
    byCrate = new Map();
    scopes.set(tree, byCrate);
  }
  byCrate.set(crateName ?? '', scope);
}

/** Rewrites `crate::…` to the crate's own name when it is known. */
export function canonicalRoot(path: string, crateName: string | undefined): string {
  if (path === 'crate' || path.startsWith('crate::')) return crateName ? crateName + path.slice('crate'.length) : path;
  if (path.startsWith('::')) return path.slice(2);
  return path;
}

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

