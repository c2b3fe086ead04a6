/** A file's scope: what its names refer to, from its own text only (`use` declarations, globs, local definitions). */
import type { Node, Tree } from 'web-tree-sitter';
import { sourceText } from '../parsing/tree-session';
import { TextSegment } from './path-segments';
import { collectUse, useLeavesFromText, type PartLeaf, type UseLeaf } from './use-trees';

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
