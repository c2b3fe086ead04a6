/**
 * The items, macro calls, attributes, `use` declarations, paths, path calls and `let` bindings of a file, found from
 * its text: each token where one can start is looked up in the tree, and nothing else is (why the text is read first:
 * README, Performance). Rules
 * and their helpers share the result: within an engine run (`withSession`) it is computed once per tree. Tests
 * compare it with a query over every node (server/test/structure.test.ts).
 */
import { Query, type Node, type Tree } from 'web-tree-sitter';
import { isIdentChar, isIdentStart, isSpace, plainWordEnd } from '../parsing/chars';
import { sessionCache, sessionFocus, sourceText } from '../parsing/tree-session';

/** Node types the structure holds; each capture name equals its node type. */
export const STRUCTURE_NODE_TYPES = [
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
export type StructureType = (typeof STRUCTURE_NODE_TYPES)[number];

/** A captured node with its extent read once (`endIndex` is a wasm call on every read). */
export interface Span {
  node: Node;
  type: StructureType;
  start: number;
  end: number;
}

/**
 * Captures besides the structure nodes, for the rules that need them. `path` and `inner` are the paths that are not
 * plain text and those of them that are the `path` part of a longer one (the kernel-reference scan reads plain paths
 * from `plainPaths`); `constructor_call` is a call of a path to a constructor, `new` or `try_new` (`a::B::new(…)`: the
 * only calls the rules look at, so no other call costs a lookup); `init_let` is `let x = <call or macro call>`.
 */
export type ExtraCapture = 'path' | 'inner' | 'constructor_call' | 'init_let';

/** Every captured node of a file in document order, and by type. */
export interface Structure {
  /** The structure nodes, in document order. */
  all: readonly Span[];
  byType: ReadonlyMap<StructureType, readonly Span[]>;
  /**
   * Every capture in the order a tree-sitter query would return them (by start; at one start, structure nodes,
   * then paths): structure nodes appear here with their type as the name.
   */
  ordered: readonly { name: StructureType | ExtraCapture; node: Node; /** Structure nodes' end, read once. */ end?: number }[];
  /**
   * The extra captures by name, in document order. `path` and `inner` hold only the paths that are not plain text
   * (see `plainPaths`).
   */
  extra: ReadonlyMap<ExtraCapture, readonly Node[]>;
  /**
   * Every run of words joined by `::` (spaces allowed, nothing else) in the searched text, longest runs only, in
   * document order, with no tree lookup: most are paths in code, whose segments the text spells exactly; some sit in
   * comments, strings or macro bodies, so a user asks the tree before reporting at one.
   */
  plainPaths: readonly PlainPath[];
  /** The source text of the tree. */
  text: string;
}

/** A plain path in the text (see {@link Structure.plainPaths}). */
export interface PlainPath {
  start: number;
  end: number;
}

/**
 * Where a capture can start in the text: every node the structure holds begins with (or, for items with a
 * visibility, contains) one of these tokens, and a token's smallest enclosing named node is the node it belongs to.
 * `::` belongs to a path, `#`/`#!` followed by `[` to an attribute, `!` (not `!=`) to a macro call, and each keyword
 * to its item; the same text in a comment, a string or a macro's token tree has some other node around it and is
 * dropped. Searching the text and asking tree-sitter only about these spots touches a small part of the tree, where
 * a query (or a walk) visits every node: on kernel code it is about a third of the cost.
 */
const TOKENS = /(::)|(#!?\s*\[)|(!)(?!=)|\b(struct|enum|union|impl|type|use|macro_rules|let)\b|(\/[/*])/g;

/**
 * The same tokens plus the quotes that open string and character literals, for a file without syntax errors: there
 * the text is read as Rust's lexer reads it, so comments and literals are stepped over whole and nothing inside one
 * is looked up (tree-sitter lexes them the same way when the parse has no errors).
 */
const LEXED_TOKENS = /(::)|(#!?\s*\[)|(!)(?!=)|\b(struct|enum|union|impl|type|use|macro_rules|let)\b|(\/[/*])|(["'])/g;

/** The rest of a string literal after its opening quote: anything but `"` and `\`, or an escape. */
const STRING_REST = /(?:[^"\\]|\\[\s\S])*"/y;

/** A character literal at a `'` (the grammar's: an escape or any one code point, or nothing, between quotes). */
const CHAR_LITERAL = /'(?:\\(?:u\{[0-9a-fA-F]+\}|u[0-9a-fA-F]{4}|x[0-9a-fA-F]{2}|[^xu])|[^\\'])?'/uy;

/** Comment delimiters inside a block comment, which nest. */
const BLOCK_DELIMITERS = /\/\*|\*\//g;

/** What a token hit of the search is: the alternatives of TOKENS and LEXED_TOKENS, in order. */
const PATH_HIT = 1;
const ATTRIBUTE_HIT = 2;
const BANG_HIT = 3;
const KEYWORD_HIT = 4;
const COMMENT_HIT = 5;
const QUOTE_HIT = 6;

/** A token the text search found where an interesting node may start: where, which kind, and its keyword or comment opener. */
class TokenHit {
  at = -1;
  kind = 0;
  word = '';

  copy(from: TokenHit): void {
    this.at = from.at;
    this.kind = from.kind;
    this.word = from.word;
  }
}

/** The keywords TOKENS finds, by length and first letter (which tell them apart). */
function keywordEndingAt(text: string, end: number): string {
  let start = end - 1;
  while (start > 0 && isIdentChar(text.charCodeAt(start - 1))) start--;
  switch (end - start) {
    case 3:
      return text.charCodeAt(start) === 117 /* u */ ? 'use' : 'let';
    case 4:
      return text.charCodeAt(start) === 101 /* e */ ? 'enum' : text.charCodeAt(start) === 105 /* i */ ? 'impl' : 'type';
    case 5:
      return 'union';
    case 6:
      return 'struct';
    default:
      return 'macro_rules';
  }
}

/**
 * Finds the next token hit from `re.lastIndex` into `hit`; false when there is none. `test` makes no match array (a
 * file has tens of thousands of hits), so what the hit is and where it starts are read back from where it ends: every
 * alternative ends in a character of its own.
 */
function nextHit(re: RegExp, text: string, hit: TokenHit): boolean {
  if (!re.test(text)) return false;
  const end = re.lastIndex;
  const c = text.charCodeAt(end - 1);
  if (c === 58 /* : */) {
    hit.at = end - 2;
    hit.kind = PATH_HIT;
  } else if (c === 91 /* [ */) {
    // `#`, an optional `!`, spaces, then `[`.
    let i = end - 2;
    while (isSpace(text.charCodeAt(i))) i--;
    if (text.charCodeAt(i) === 33 /* ! */) i--;
    hit.at = i;
    hit.kind = ATTRIBUTE_HIT;
  } else if (c === 33 /* ! */) {
    hit.at = end - 1;
    hit.kind = BANG_HIT;
  } else if (c === 47 /* / */ || c === 42 /* * */) {
    hit.at = end - 2;
    hit.kind = COMMENT_HIT;
    hit.word = c === 47 ? '//' : '/*';
  } else if (c === 34 /* " */ || c === 39 /* ' */) {
    hit.at = end - 1;
    hit.kind = QUOTE_HIT;
  } else {
    hit.word = keywordEndingAt(text, end);
    hit.at = end - hit.word.length;
    hit.kind = KEYWORD_HIT;
  }
  return true;
}

/** The node type each keyword starts. */
const KEYWORD_TYPES: Readonly<Record<string, StructureType | 'let_declaration'>> = {
  struct: 'struct_item',
  enum: 'enum_item',
  union: 'union_item',
  impl: 'impl_item',
  type: 'type_item',
  use: 'use_declaration',
  macro_rules: 'macro_definition',
  let: 'let_declaration',
};

const PATHS = new Set(['scoped_identifier', 'scoped_type_identifier']);

/**
 * The capture order, as a query over the tree gives it (rules rely on it: at one start a macro call comes before the
 * path naming its macro): by start; at one start, an outer node before what it contains, so a structure node first,
 * then paths longest first; one node's captures in this rank order, and the call of a path right after that path.
 */
const RANK: Readonly<Record<string, number>> = {
  ...Object.fromEntries(STRUCTURE_NODE_TYPES.map((t, i) => [t, i])),
  path: STRUCTURE_NODE_TYPES.length,
  inner: STRUCTURE_NODE_TYPES.length + 1,
  constructor_call: STRUCTURE_NODE_TYPES.length + 2,
  init_let: STRUCTURE_NODE_TYPES.length + 3,
};

interface Found {
  name: StructureType | ExtraCapture;
  node: Node;
  start: number;
  /** The node's end, when it was read already. */
  end?: number;
  /**
   * Orders captures that start together, outer ones first: structure nodes hold everything starting with them;
   * of two paths, the longer has the later `::` (so `-at`); a call sorts with the path it calls.
   */
  sameStartOrder: number;
}

/** What the search of one top-level node shares with the readers of each kind of token hit. */
interface NodeSearch {
  readonly text: string;
  readonly top: Node;
  /** Where the node's text ends for the search (the next top-level node's start, or the node's end). */
  readonly to: number;
  /** The tree has no syntax error: the text can be read as a lexer would. */
  readonly clean: boolean;
  readonly re: RegExp;
  readonly found: Found[];
  readonly plainPaths: PlainPath[];
}

function add(search: NodeSearch, name: Found['name'], node: Node, sameStartOrder = -Infinity, end?: number): void {
  search.found.push({ name, node, start: node.startIndex, sameStartOrder, end });
}

/** A `::`: a plain path is kept from the text alone; others (and calls of constructors) are looked up. */
function readPathHit(search: NodeSearch, at: number): void {
  const { text, top, re } = search;
  const run = plainRun(text, at, top.startIndex, search.to);
  if (run) {
    search.plainPaths.push(run);
    re.lastIndex = run.end;
    // A plain path to a constructor followed by `(` may be a called function: only then is the tree asked.
    const next = nextCode(text, run.end);
    if (next > 32 && next < 128 && next !== 40 && next !== 47) return;
    if (!CONSTRUCTOR.test(text.slice(run.start, run.end))) return;
    const node = top.namedDescendantForIndex(run.start, run.end);
    if (!node || node.type !== 'scoped_identifier' || node.startIndex !== run.start || node.endIndex !== run.end) return;
    const parent = node.parent;
    if (parent?.type === 'call_expression') add(search, 'constructor_call', parent, -run.lastColons);
    return;
  }
  const node = top.namedDescendantForIndex(at, at + 2);
  const type = node?.type;
  if (!node || !type || !PATHS.has(type)) return;
  // The longer of two paths starting together has the later `::`.
  add(search, 'path', node, -at);
  // Only a path followed by `::` (it is part of a longer one) or `(` (it may be called) needs its parent, which
  // costs a search from the root; a comment or a character outside ASCII after it is asked about too.
  const next = nextCode(text, node.endIndex);
  if (next > 32 && next < 128 && next !== 58 && next !== 40 && next !== 47) return;
  const parent = node.parent;
  const around = parent?.type;
  // A path inside a path is always its `path` part (the `name` part is a plain identifier); a path directly
  // inside a call is always the called function (the arguments sit in their own node).
  if (around && PATHS.has(around)) add(search, 'inner', node, -at);
  else if (parent && around === 'call_expression' && type === 'scoped_identifier' && CONSTRUCTOR.test(text.slice(node.startIndex, node.endIndex))) {
    add(search, 'constructor_call', parent, -at);
  }
}

/** A `#[` or `#![`: the attribute the top-level node starts with, or one looked up inside it. */
function readAttributeHit(search: NodeSearch, at: number): void {
  const { text, top } = search;
  // An attribute at the start of a top-level node is that node (in a tree without errors only attributes start
  // with `#`); others are looked up.
  if (search.clean && at === top.startIndex) {
    add(search, text.charCodeAt(at + 1) === 33 /* ! */ ? 'inner_attribute_item' : 'attribute_item', top);
    return;
  }
  const node = top.namedDescendantForIndex(at, at + 1);
  const type = node?.type;
  if (node && (type === 'attribute_item' || type === 'inner_attribute_item')) add(search, type, node);
}

/** A `!`: a macro call when a delimiter follows; the search then goes on after the call. */
function readBangHit(search: NodeSearch, at: number): void {
  // A macro's `!` is followed by its delimiter (or a comment before it); `!x` and `!(…)` of negation are not both
  // ruled out here, but every `!` before a name is.
  const next = nextCode(search.text, at + 1);
  if (next > 32 && next < 128 && next !== 40 && next !== 91 && next !== 123 && next !== 47) return;
  const node = search.top.namedDescendantForIndex(at, at + 1);
  if (node?.type === 'macro_invocation') {
    // A macro call's token tree holds no node the structure captures (tree-sitter leaves it flat), so the search
    // goes on after the call. Plain paths inside it are not kept either: they name nothing.
    const end = node.endIndex;
    add(search, 'macro_invocation', node, -Infinity, end);
    search.re.lastIndex = end;
  }
}

/** An item keyword (or `let`): the item the top-level node is, one looked up inside it, or a `let` bound to a call. */
function readKeywordHit(search: NodeSearch, at: number, keyword: string): void {
  const { text, top, clean } = search;
  // A `let` whose statement (up to its first `;`) has no bracket, `!` or comment binds no call's result; nor does
  // one whose pattern the text shows is not a plain name.
  let pattern: LetPattern | undefined;
  if (keyword === 'let') {
    if (!mayBindCall(text, at)) return;
    pattern = clean ? letPattern(text, at + 3) : undefined;
    if (pattern === 'other') return;
  }
  // A top-level node that starts with the keyword (after a visibility, or `unsafe` before `impl`) is that item
  // itself: in a tree without errors nothing else at item level starts that way. Others are looked up.
  const own = clean && keyword !== 'let' && keyword !== 'union' && startsItem(text, top.startIndex, at, keyword);
  const node = own ? top : top.namedDescendantForIndex(at, at + keyword.length);
  const want = KEYWORD_TYPES[keyword];
  if (!node || (!own && node.type !== want)) return;
  if (want === 'macro_definition') {
    // Macro rules are token trees too: nothing inside is captured.
    const end = node.endIndex;
    add(search, want, node, -Infinity, end);
    search.re.lastIndex = end;
  } else if (want !== 'let_declaration') add(search, want, node);
  else if (isInitLet(node, pattern === 'name')) add(search, 'init_let', node, 0);
}

/** What reading a possible comment start decided: go on, take the hit read ahead next, or stop the node's search. */
const COMMENT_CONTINUE = 0;
const COMMENT_PENDING = 1;
const COMMENT_STOP = 2;

// A `//` or `/*` in a tree with syntax errors: a comment start, or one inside a string or another comment. The
// stretch it would begin is its line (for a block comment, up to the next `*/`). Within the stretch the search goes on
// as usual when it finds at most one hit there (one lookup either way); with more, the tree tells whether this is a
// comment, and the stretch is skipped in one go. The hit after the comment start is read into `next` (and
// `afterNext`). (In a tree without errors comments are stepped over whole as the lexer would, see searchNode.)
function readCommentHit(search: NodeSearch, hit: TokenHit, next: TokenHit, afterNext: TokenHit): number {
  const { text, top, re, to } = search;
  const at = hit.at;
  const line = hit.word === '//';
  const stop = text.indexOf(line ? '\n' : '*/', at + 2);
  const limit = stop >= 0 && stop < to ? stop : to;
  // The `!` of `//!` is never a macro's: after `//` it sits in a comment or a literal, or (`*//!`) is a negation.
  if (line && text.charCodeAt(at + 2) === 33) re.lastIndex = at + 3;
  if (!nextHit(re, text, next) || next.at >= to) return COMMENT_STOP;
  if (next.at >= limit) return COMMENT_PENDING;
  if (!nextHit(re, text, afterNext) || afterNext.at >= limit) {
    re.lastIndex = next.at;
    return COMMENT_CONTINUE;
  }
  const node = top.namedDescendantForIndex(at, at + 2);
  const type = node?.type;
  re.lastIndex = node && (type === 'line_comment' || type === 'block_comment') ? node.endIndex : at + 2;
  return COMMENT_CONTINUE;
}

/**
 * Searches one top-level node's text for its token hits and reads each; false when the search ran out of its
 * budget (then the caller asks the query instead).
 */
function searchNode(search: NodeSearch, hit: TokenHit, next: TokenHit, afterNext: TokenHit): boolean {
  const { text, re, to, clean } = search;
  const began = performance.now();
  let hits = 0;
  re.lastIndex = search.top.startIndex;
  // A hit the comment reader has already found waits in `next` (then `pending` is set).
  let pending = false;
  for (;;) {
    if (pending) {
      hit.copy(next);
      pending = false;
    } else if (!nextHit(re, text, hit)) return true;
    if (hit.at >= to) return true;
    // Each lookup descends from the top node, so in absurdly deep code (thousands of nested brackets or operators)
    // the hits cost the square of the depth: past a budget, the node is handed to the query instead, which is
    // linear. Both give the same captures.
    if ((++hits & 31) === 0 && performance.now() - began > searchBudget.ms) return false;
    const kind = hit.kind;
    if (kind === PATH_HIT) readPathHit(search, hit.at);
    else if (kind === ATTRIBUTE_HIT) readAttributeHit(search, hit.at);
    else if (kind === BANG_HIT) readBangHit(search, hit.at);
    else if (kind === QUOTE_HIT || (kind === COMMENT_HIT && clean)) {
      // (A file without syntax errors.) A comment or a literal: stepped over whole.
      re.lastIndex = kind === QUOTE_HIT ? literalEnd(text, hit.at) : commentEnd(text, hit.at, hit.word === '//');
    } else if (kind === COMMENT_HIT) {
      const then = readCommentHit(search, hit, next, afterNext);
      if (then === COMMENT_STOP) return true;
      pending = then === COMMENT_PENDING;
    } else readKeywordHit(search, hit.at, hit.word);
  }
}

function compute(root: Node): Structure {
  const text = sourceText(root);
  const found: Found[] = [];
  // Each top-level node's text is searched (in a focused run, only the focused ones), and tree-sitter is asked from
  // that node down: asked from the root, it would first scan the file's top-level nodes for every hit.
  const focus = sessionFocus(root.tree);
  // In a tree without errors the text is read as a lexer would (see readCommentHit).
  const clean = !root.hasError;
  const re = clean ? LEXED_TOKENS : TOKENS;
  const tops = focus ?? root.children.filter((n): n is Node => n !== null);
  const plainPaths: PlainPath[] = [];
  const hit = new TokenHit();
  const next = new TokenHit();
  const afterNext = new TokenHit();
  for (let t = 0; t < tops.length; t++) {
    const top = tops[t];
    // Between two top-level nodes lies only whitespace, so the next one's start (known without asking the tree)
    // bounds this one's text as well as its end does.
    const to = !focus && t + 1 < tops.length ? tops[t + 1].startIndex : top.endIndex;
    const foundBefore = found.length;
    const plainBefore = plainPaths.length;
    const search: NodeSearch = { text, top, to, clean, re, found, plainPaths };
    if (!searchNode(search, hit, next, afterNext)) {
      found.length = foundBefore;
      plainPaths.length = plainBefore;
      // In the query's own order: an order equal to the capture's place keeps it within one start.
      queryOf(root.tree).captures(top).forEach(({ name, node }, i) => {
        if (name in RANK) add(search, name as Found['name'], node, i);
      });
    }
  }
  found.sort((a, b) => a.start - b.start || a.sameStartOrder - b.sameStartOrder || RANK[a.name] - RANK[b.name]);
  const all: Span[] = [];
  const byType = new Map<StructureType, Span[]>(STRUCTURE_NODE_TYPES.map((t) => [t, []]));
  const extra = new Map<ExtraCapture, Node[]>([['path', []], ['inner', []], ['constructor_call', []], ['init_let', []]]);
  const ordered: Structure['ordered'][number][] = [];
  for (const { name, node, start, end } of found) {
    if (STRUCTURE_TYPES.has(name)) {
      const type = name as StructureType;
      const span = { node, type, start, end: end ?? node.endIndex };
      ordered.push({ name, node, end: span.end });
      all.push(span);
      byType.get(type)?.push(span);
    } else {
      ordered.push({ name, node });
      extra.get(name as ExtraCapture)?.push(node);
    }
  }
  return { all, byType, ordered, extra, plainPaths, text };
}

/**
 * How long the text search may spend on one top-level node before the query takes over (see `compute`). Tests set it
 * to zero to run everything through the query and compare.
 */
export const searchBudget = { ms: 25 };

/**
 * Everything the structure holds, as one tree-sitter query: it visits every node (about a third of a parse), so it
 * only serves for nodes nested too deeply for the text search, and as the reference the tests compare with. At one
 * start, captures of lower patterns come first (a macro call before the path naming its macro).
 */
export const STRUCTURE_QUERY = [
  ...STRUCTURE_NODE_TYPES.map((t) => `(${t}) @${t}`),
  '[(scoped_identifier) (scoped_type_identifier)] @path',
  '(scoped_identifier path: [(scoped_identifier) (scoped_type_identifier)] @inner)',
  '(scoped_type_identifier path: [(scoped_identifier) (scoped_type_identifier)] @inner)',
  '((call_expression function: (scoped_identifier name: (identifier) @_name)) @constructor_call (#match? @_name "^(try_)?new$"))',
  '(let_declaration pattern: (identifier) value: [(macro_invocation) (call_expression)]) @init_let',
].join('\n');

const queries = new WeakMap<Tree['language'], Query>();

function queryOf(tree: Tree): Query {
  let query = queries.get(tree.language);
  if (!query) {
    query = new Query(tree.language, STRUCTURE_QUERY);
    queries.set(tree.language, query);
  }
  return query;
}

/**
 * What the text of a `let` statement up to its first `;` spells when the statement holds a call or a macro call: a
 * bracket or `!`, or else a comment or a quote (the `;` found may sit inside one, and the statement go on).
 */
const CALL_LIKE = /[([{!/"']/;

/**
 * Can the `let` at `at` bind a call? Only its text up to the first `;` is read, and at most a few thousand
 * characters of it (a longer statement counts as a yes), so that a file of `let`s without `;` stays linear.
 */
function mayBindCall(text: string, at: number): boolean {
  const window = text.slice(at, at + 4096);
  const end = window.indexOf(';');
  return end < 0 || CALL_LIKE.test(window.slice(0, end));
}

/** A path whose last segment names a constructor (`new`, `try_new`), as `constructor_call` holds. */
const CONSTRUCTOR = /(?:^|[^A-Za-z0-9_#])(?:try_)?new$/;

/**
 * The longest plain path through the `::` at `at`: ASCII words joined by `::`, spaces allowed, within [lo, hi).
 * Undefined when anything else touches it (a `::` with no word on one side, generics, comments, raw identifiers,
 * `$` metavariables, characters outside ASCII): then the tree is asked about that `::` instead.
 */
function plainRun(text: string, at: number, lo: number, hi: number): (PlainPath & { lastColons: number }) | undefined {
  // Backwards: one word before this `::` (an earlier `::` of the same run would have been met first).
  let i = at;
  while (i > lo && isSpace(text.charCodeAt(i - 1))) i--;
  const wordEnd = i;
  while (i > lo && isIdentChar(text.charCodeAt(i - 1))) i--;
  if (i === wordEnd || !isIdentStart(text.charCodeAt(i)) || touchesOdd(text.charCodeAt(i - 1))) return undefined;
  const start = i;
  // `a ::b` preceded by another `::` with no word before it, as in `>::a::b`, is not plain.
  let j = start;
  while (j > lo && isSpace(text.charCodeAt(j - 1))) j--;
  if (j > lo && text.charCodeAt(j - 1) === 58 && j - 1 > lo && text.charCodeAt(j - 2) === 58) return undefined;
  // Forwards: words joined by `::` for as long as they go.
  let end = at;
  let lastColons = at;
  for (let k = at; ; ) {
    // `k` is at a `::`.
    let w = k + 2;
    while (w < hi && isSpace(text.charCodeAt(w))) w++;
    const from = w;
    while (w < hi && isIdentChar(text.charCodeAt(w))) w++;
    if (w === from || !isIdentStart(text.charCodeAt(from)) || (w < hi && touchesOdd(text.charCodeAt(w)))) return undefined;
    end = w;
    lastColons = k;
    let n = w;
    while (n < hi && isSpace(text.charCodeAt(n))) n++;
    if (n + 1 < hi && text.charCodeAt(n) === 58 && text.charCodeAt(n + 1) === 58) {
      k = n;
      continue;
    }
    break;
  }
  return { start, end, lastColons };
}

/** Where the comment starting at `at` ends (a line comment at its line's end; block comments nest). */
function commentEnd(text: string, at: number, line: boolean): number {
  if (line) {
    const end = text.indexOf('\n', at);
    return end < 0 ? text.length : end;
  }
  let depth = 1;
  BLOCK_DELIMITERS.lastIndex = at + 2;
  for (let d = BLOCK_DELIMITERS.exec(text); d; d = BLOCK_DELIMITERS.exec(text)) {
    depth += d[0] === '/*' ? 1 : -1;
    if (depth === 0) return BLOCK_DELIMITERS.lastIndex;
  }
  return text.length;
}

/**
 * Where the literal whose quote is at `at` ends: a character literal, a string (`b"…"`, `c"…"` alike), or a raw string
 * (`r#"…"#`, `br"…"`, `cr"…"`) whose closing quote is followed by as many `#` as opened it. A `'` that starts no
 * character literal is a lifetime's or a label's: the search goes on right after it.
 */
function literalEnd(text: string, at: number): number {
  if (text.charCodeAt(at) === 39 /* ' */) {
    CHAR_LITERAL.lastIndex = at;
    return CHAR_LITERAL.test(text) ? CHAR_LITERAL.lastIndex : at + 1;
  }
  // A raw string's quote follows `r`, `br` or `cr` and any number of `#`, with no word character before the prefix.
  let j = at;
  while (j > 0 && text.charCodeAt(j - 1) === 35 /* # */) j--;
  const hashes = at - j;
  let k = j - 1;
  if (k >= 0 && text.charCodeAt(k) === 114 /* r */) {
    const p = k > 0 ? text.charCodeAt(k - 1) : -1;
    if (p === 98 /* b */ || p === 99 /* c */) k--;
    if (k === 0 || !isIdentChar(text.charCodeAt(k - 1))) {
      const end = text.indexOf(`"${'#'.repeat(hashes)}`, at + 1);
      return end < 0 ? text.length : end + 1 + hashes;
    }
  }
  STRING_REST.lastIndex = at + 1;
  return STRING_REST.test(text) ? STRING_REST.lastIndex : text.length;
}

/** A visibility before an item keyword (`pub`, `pub(crate)`, `pub(in a::b)`, the old `crate`). */
const VISIBILITY_PREFIX = /^(?:pub(?:\s*\([^()]*\))?|crate)\s+$/;
/** What may come before `impl` in an impl item. */
const UNSAFE_PREFIX = /^unsafe\s+$/;

/** Does the item keyword at `at` begin the item that starts at `start`: nothing, a visibility or `unsafe` between? */
function startsItem(text: string, start: number, at: number, keyword: string): boolean {
  if (start === at) return true;
  if (at - start > 40) return false;
  return (keyword === 'impl' ? UNSAFE_PREFIX : VISIBILITY_PREFIX).test(text.slice(start, at));
}

/** What the text shows of a `let`'s pattern: a plain name, or certainly something else. */
type LetPattern = 'name' | 'other';

/** Rust's keywords, strict, reserved and weak: a word after `let` that is one of them is left to the tree. */
const RUST_KEYWORDS = new Set([
  'as', 'break', 'const', 'continue', 'crate', 'else', 'enum', 'extern', 'false', 'fn', 'for', 'if', 'impl', 'in', 'let',
  'loop', 'match', 'mod', 'move', 'mut', 'pub', 'ref', 'return', 'self', 'Self', 'static', 'struct', 'super', 'trait',
  'true', 'type', 'unsafe', 'use', 'where', 'while', 'async', 'await', 'dyn', 'abstract', 'become', 'box', 'do',
  'final', 'macro', 'override', 'priv', 'typeof', 'unsized', 'virtual', 'yield', 'try', 'gen', 'union', 'default',
  'macro_rules', 'raw', 'safe',
]);

/**
 * The pattern of the `let` whose keyword ends at `from`, as the text of a file without syntax errors shows it: a
 * plain name (`let x`, `let mut x`, then `:` or `=`), something else for certain (`_`, a tuple, a struct or path
 * pattern, no value), or undefined when only the tree can tell (comments, raw or non-ASCII names, keywords).
 */
function letPattern(text: string, from: number): LetPattern | undefined {
  let i = from;
  const word = (): string | undefined => {
    while (isSpace(text.charCodeAt(i))) i++;
    const end = plainWordEnd(text, i, text.length);
    if (end < 0) return undefined;
    const start = i;
    i = end;
    return text.slice(start, end);
  };
  let name = word();
  if (name === 'mut') name = word();
  if (name === undefined) {
    const c = text.charCodeAt(i);
    // A bracket, `&` or the like starts a pattern that is not a name; a comment or anything unusual goes to the tree.
    return c === 40 /* ( */ || c === 91 /* [ */ || c === 38 /* & */ ? 'other' : undefined;
  }
  if (name === '_') return 'other';
  if (RUST_KEYWORDS.has(name)) return undefined;
  while (isSpace(text.charCodeAt(i))) i++;
  const c = text.charCodeAt(i);
  if (c === 47 /* / */ || c >= 128) return undefined;
  if (c === 58 /* : */) return text.charCodeAt(i + 1) === 58 ? 'other' : 'name';
  return c === 61 /* = */ ? 'name' : 'other';
}

/** Characters that make a word next to them something other than a plain identifier. */
function touchesOdd(c: number): boolean {
  return c === 35 /* # */ || c === 36 /* $ */ || c === 39 /* ' */ || c >= 128;
}

/** The first character code at or after `from` that is not whitespace (-1 at the end). */
function nextCode(text: string, from: number): number {
  for (let i = from; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (!isSpace(c)) return c;
  }
  return -1;
}

/** `let x = <call or macro call>`: a plain name bound to what a call returns (`named`: the text showed the name). */
function isInitLet(node: Node, named: boolean): boolean {
  if (!named && node.childForFieldName('pattern')?.type !== 'identifier') return false;
  const value = node.childForFieldName('value')?.type;
  return value === 'macro_invocation' || value === 'call_expression';
}

const STRUCTURE_TYPES = new Set<string>(STRUCTURE_NODE_TYPES);

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
  return within(structure, needle, () => {
    const found: Places = { starts: [], ends: [] };
    for (let i = structure.text.indexOf(needle); i >= 0; i = structure.text.indexOf(needle, i + 1)) {
      found.starts.push(i);
      found.ends.push(i + needle.length);
    }
    return found;
  });
}

/**
 * A test for "does a match of `pattern` (a global regex) lie within `start`..`end`", answered the same way. Nested
 * token trees ask it at every level; searching each level's text again would cost the square of the nesting.
 */
export function containsMatch(structure: Structure, pattern: RegExp): (start: number, end: number) => boolean {
  return within(structure, pattern, () => {
    const found: Places = { starts: [], ends: [] };
    for (const m of structure.text.matchAll(pattern)) {
      found.starts.push(m.index ?? 0);
      found.ends.push((m.index ?? 0) + m[0].length);
    }
    return found;
  });
}

/** Where something occurs in a structure's text, in order (starts and ends both ascending). */
interface Places {
  starts: number[];
  ends: number[];
}

const places = new WeakMap<Structure, Map<string | RegExp, Places>>();

/** The test behind containsText and containsMatch: the places are found on the first question and kept per structure. */
function within(structure: Structure, key: string | RegExp, find: () => Places): (start: number, end: number) => boolean {
  let found: Places | undefined;
  return (start, end) => {
    if (!found) {
      let byKey = places.get(structure);
      if (!byKey) {
        byKey = new Map();
        places.set(structure, byKey);
      }
      found = byKey.get(key);
      if (!found) {
        found = find();
        byKey.set(key, found);
      }
    }
    const { starts, ends } = found;
    // The first place starting at or after `start`: it ends soonest of those that do.
    let lo = 0;
    let hi = starts.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (starts[mid] < start) lo = mid + 1;
      else hi = mid;
    }
    return lo < starts.length && ends[lo] <= end;
  };
}
