/**
 * Reads the bodies of the pin-init macros (`pin_init!`, `try_pin_init!`, `init!`, `try_init!`), which tree-sitter
 * leaves as flat token trees, and matches them with the struct definitions of the same file.
 */
import type { Node } from 'web-tree-sitter';
import type { Range } from '../core/types';
import { PLAIN_PATH_SOURCE } from '../parsing/chars';
import { containsMatch, spansOutside, structureOf, type Span } from './structure';
import { sessionText } from '../parsing/tree-session';
import { walk, nodeRange } from '../parsing/walk';

/** The four initializer macros. */
export type InitMacroName = 'pin_init' | 'try_pin_init' | 'init' | 'try_init';

/** The names of the four macros, for look-ups. */
const INIT_MACRO_NAMES = new Set<string>(['pin_init', 'try_pin_init', 'init', 'try_init']);
/** Matches any of the four macro names as a whole word. */
const INIT_WORD = /\b(?:try_)?(?:pin_)?init\b/;
const INIT_WORDS = new RegExp(INIT_WORD.source, 'g');

/** One entry of an init macro's field list. */
export interface InitField {
  /** `f <- e`, `f: e`, shorthand `f`, or an `_: { … }` code block; `other` for anything unrecognised. */
  kind: 'arrow' | 'colon' | 'shorthand' | 'block' | 'other';
  /** The field name token (absent for `_` blocks and unrecognised entries). */
  name?: Node;
  /** The operator tokens: `<` and `-` for arrows, `:` for colon fields and blocks. */
  operator: Node[];
  /** Tokens of the value expression (for blocks: the `{ … }` token tree). */
  value: Node[];
  /** `#[…]` attributes written before the entry (e.g. `#[cfg(…)]`), as `#` plus the bracket token tree. */
  attributes: Node[][];
  /** Every token of the entry, attributes included, comments excluded. */
  tokens: Node[];
  range: Range;
  /**
   * Set when the value runs into what reads as the next entry (`id: 1 len: 2`): the name token after which a comma
   * is missing. The entry then holds two fields, so a field list read from it is not to be trusted. Read on use.
   */
  readonly missingCommaBefore?: Node;
}

/** The `..Zeroable::zeroed()` / `..Zeroable::init_zeroed()` tail, or some other `..` tail. */
export interface InitTail {
  kind: 'zeroed' | 'init_zeroed' | 'other';
  /** The `..` token. */
  dots: Node;
  /** The method name token (`zeroed` / `init_zeroed`), when the tail has the usual shape. */
  method?: Node;
  tokens: Node[];
  range: Range;
}

/** A pin-init macro call and its parsed body. */
export interface InitMacro {
  name: InitMacroName;
  /** The macro path as written, one token per segment (`kernel`, `try_pin_init`). */
  path: Node[];
  /** The whole path including `::` tokens, for replacing the macro name. */
  nameNode: Node;
  /** The `macro_invocation` node when tree-sitter parsed one; undefined for calls nested in token trees. */
  invocation?: Node;
  /** The argument token tree `( … )`. */
  args: Node;
  /** `&this in`: the `this` token. */
  thisName?: Node;
  /** Tokens of the type path (`Self`, `Foo`, `Foo::<T>`, `a::Foo`). */
  typeTokens: Node[];
  /** The last path segment before generics, e.g. `Foo` for `a::Foo::<T>`, `Self` for `Self`. */
  typeName?: Node;
  /** The `{ … }` token tree holding the fields. */
  body?: Node;
  fields: InitField[];
  tail?: InitTail;
  /** The `? Error` suffix after the braces: the `?` token and the error type tokens. */
  errorSuffix?: { question: Node; type: Node[] };
  /** True when the call contains `$` tokens (it sits in a macro expansion template and cannot be judged). */
  hasMetavariables: boolean;
  /** Range of the whole call, path to closing delimiter. */
  range: Range;
}

const COMMENTS = new Set(['line_comment', 'block_comment']);

/** The children of a token tree without its delimiters and comments. */
export function innerTokens(tree: Node): Node[] {
  // One call for all children: asking for each child by index costs a call into tree-sitter per child.
  const children = tree.children;
  const out: Node[] = [];
  for (let i = 1; i < children.length - 1; i++) {
    const c = children[i];
    if (c && !COMMENTS.has(c.type)) out.push(c);
  }
  return out;
}

/** The opening delimiter of a token tree: `(`, `[` or `{`. */
export function delimiter(tree: Node): string {
  return tree.firstChild?.type ?? '';
}

/**
 * Splits tokens on `,` at depth 0. Token trees are already nested; the one other bracket is a turbofish
 * (`::<_, E>`), whose angle brackets are plain tokens, so commas inside one are kept.
 */
export function splitOnCommas(tokens: readonly Node[]): Node[][] {
  const out: Node[][] = [[]];
  let angle = 0;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    const type = t.type;
    if (type === '<' && (angle > 0 || tokens[i - 1]?.type === '::')) angle++;
    else if (angle > 0 && type === '>') angle--;
    else if (angle > 0 && type === '>>') angle = Math.max(0, angle - 2);
    if (type === ',' && angle === 0) out.push([]);
    else out[out.length - 1].push(t);
  }
  if (out[out.length - 1].length === 0) out.pop();
  return out;
}

/** Range from the start of the first node to the end of the last. */
export function spanOf(nodes: readonly Node[]): Range {
  return { start: nodeRange(nodes[0]).start, end: nodeRange(nodes[nodes.length - 1]).end };
}

/**
 * True when a token tree holds `$` tokens or metavariables (it sits in a macro expansion template). Only a tree whose
 * text has a `$` somewhere is walked.
 */
export function hasMetavariables(tree: Node): boolean {
  const spelled = tree.text;
  if (!spelled.includes('$')) return false;
  let found = false;
  walk(tree, (n) => {
    if (n.type === '$' || n.type === 'metavariable') found = true;
    return !found;
  });
  return found;
}

/** Tokens that can end an expression: after one, `name:` or `name <-` starts the next entry. */
const EXPRESSION_END = new Set(['identifier', 'self', 'token_tree', 'integer_literal', 'float_literal', 'string_literal', 'raw_string_literal', 'char_literal', 'boolean_literal', '?']);

/** In a value's tokens, the name that starts another entry because a comma is missing before it. */
function nextEntryInside(value: readonly Node[]): Node | undefined {
  for (let k = 1; k + 1 < value.length; k++) {
    const t = value[k];
    if (t.type !== 'identifier' || !EXPRESSION_END.has(value[k - 1].type)) continue;
    // A macro call's name is followed by `!`: `x!(…)` never reaches here, as `!` is no expression end.
    const next = value[k + 1];
    const arrow = next.type === '<' && value[k + 2]?.type === '-' && next.endIndex === value[k + 2].startIndex;
    if (next.type === ':' || arrow) return t;
  }
  return undefined;
}

/** Is `n` a token that can be a path segment (an identifier, `self`, `super` or `crate`; spelling `text`, when given)? */
function isSegmentToken(n: Node | undefined, text?: string): boolean {
  return !!n && (n.type === 'identifier' || n.type === 'self' || n.type === 'super' || n.type === 'crate') && (text === undefined || n.text === text);
}

/** Parses one field-list entry. Each token's type is read once (every read is a call into tree-sitter). */
function readField(tokens: Node[]): InitField | InitTail {
  const attributes: Node[][] = [];
  let i = 0;
  while (tokens[i]?.type === '#' && tokens[i + 1]?.type === 'token_tree' && delimiter(tokens[i + 1]) === '[') {
    attributes.push([tokens[i], tokens[i + 1]]);
    i += 2;
  }
  const rest = i === 0 ? tokens : tokens.slice(i);
  // The range is worked out only when asked for (few entries are ever reported).
  const range = (): Range => spanOf(tokens);
  const first = rest[0];
  const firstType = first?.type;
  if (firstType === '..') {
    const [, zeroable, colons, method, call] = rest;
    const shaped =
      rest.length === 5 && isSegmentToken(zeroable, 'Zeroable') && colons.type === '::' && isSegmentToken(method) && call.type === 'token_tree' && innerTokens(call).length === 0;
    const kind = shaped && method.text === 'zeroed' ? 'zeroed' : shaped && method.text === 'init_zeroed' ? 'init_zeroed' : 'other';
    return { kind, dots: first, method: shaped ? method : undefined, tokens, get range() { return range(); } };
  }
  const second = rest[1];
  const secondType = second?.type;
  if (firstType === '_' && rest.length === 3 && secondType === ':' && rest[2].type === 'token_tree' && delimiter(rest[2]) === '{') {
    return { kind: 'block', operator: [second], value: [rest[2]], attributes, tokens, get range() { return range(); } };
  }
  if (firstType === 'identifier') {
    if (rest.length === 1) return { kind: 'shorthand', name: first, operator: [], value: [], attributes, tokens, get range() { return range(); } };
    if (secondType === '<' && rest[2]?.type === '-' && second.endIndex === rest[2].startIndex) {
      const value = rest.slice(3);
      return { kind: 'arrow', name: first, operator: [second, rest[2]], value, attributes, tokens, get missingCommaBefore() { return nextEntryInside(value); }, get range() { return range(); } };
    }
    if (secondType === ':') {
      const value = rest.slice(2);
      return { kind: 'colon', name: first, operator: [second], value, attributes, tokens, get missingCommaBefore() { return nextEntryInside(value); }, get range() { return range(); } };
    }
  }
  return { kind: 'other', operator: [], value: rest, attributes, tokens, get range() { return range(); } };
}

/** Reads an init macro call from its path tokens (one per segment) and argument token tree. */
function readInitMacro(path: Node[], nameNode: Node, args: Node, invocation?: Node): InitMacro | undefined {
  const last = path[path.length - 1];
  if (!last || !INIT_MACRO_NAMES.has(last.text)) return undefined;
  const tokens = innerTokens(args);
  const bodyAt = tokens.findIndex((t) => t.type === 'token_tree' && delimiter(t) === '{');
  const head = bodyAt < 0 ? tokens : tokens.slice(0, bodyAt);
  let typeStart = 0;
  let thisName: Node | undefined;
  if (head[0]?.type === '&' && isSegmentToken(head[1]) && isSegmentToken(head[2], 'in')) {
    thisName = head[1];
    typeStart = 3;
  }
  const typeTokens = head.slice(typeStart);
  let typeName: Node | undefined;
  for (const t of typeTokens) {
    if (t.type === '<') break;
    if (t.type === 'identifier' || t.type === 'self') typeName = t;
  }
  const result: InitMacro = {
    name: last.text as InitMacroName,
    path,
    nameNode,
    invocation,
    args,
    thisName,
    typeTokens,
    typeName,
    fields: [],
    hasMetavariables: hasMetavariables(args),
    get range(): Range {
      return { start: nodeRange(path[0]).start, end: nodeRange(args).end };
    },
  };
  if (bodyAt < 0) return result;
  const body = tokens[bodyAt];
  result.body = body;
  for (const entry of splitOnCommas(innerTokens(body))) {
    if (entry.length === 0) continue;
    const read = readField(entry);
    if ('dots' in read) result.tail = read;
    else result.fields.push(read);
  }
  const after = tokens.slice(bodyAt + 1);
  if (after[0]?.type === '?') result.errorSuffix = { question: after[0], type: after.slice(1) };
  return result;
}

/** The path segments of a macro name node (`a::b::c` → the three identifier nodes), or undefined. */
function macroPathSegments(node: Node): Node[] | undefined {
  if (node.type === 'identifier') return [node];
  if (node.type === 'scoped_identifier') {
    const name = node.childForFieldName('name');
    const path = node.childForFieldName('path');
    if (!name) return undefined;
    if (!path) return [name]; // `::pin_init::…` written absolute: keep the name only
    const head = macroPathSegments(path);
    return head ? [...head, name] : undefined;
  }
  if (node.type === 'crate' || node.type === 'self' || node.type === 'super') return [node];
  return undefined;
}

/** A macro call spelled as tokens: `a :: b ! ( … )` ending at index `bang + 1`. */
export interface TokenMacroCall {
  path: Node[];
  bang: Node;
  args: Node;
}

/** Macro calls written as plain tokens in a token sequence (`kernel::new_mutex!(…)` inside another macro). */
export function tokenMacroCalls(tokens: readonly Node[]): TokenMacroCall[] {
  const out: TokenMacroCall[] = [];
  for (let i = 1; i + 1 < tokens.length; i++) {
    if (tokens[i].type !== '!' || tokens[i + 1].type !== 'token_tree' || !isSegmentToken(tokens[i - 1])) continue;
    const path = [tokens[i - 1]];
    let j = i - 2;
    while (j >= 1 && tokens[j].type === '::' && isSegmentToken(tokens[j - 1])) {
      path.unshift(tokens[j - 1]);
      j -= 2;
    }
    out.push({ path, bang: tokens[i], args: tokens[i + 1] });
  }
  return out;
}

/**
 * Every init macro call in the file: parsed `macro_invocation`s and calls nested as tokens inside other macros'
 * token trees (e.g. `inner <- pin_init!(…)` in an outer `pin_init!`). Macro definitions are skipped.
 */
export function initMacros(root: Node): InitMacro[] {
  const out: InitMacro[] = [];
  const structure = structureOf(root);
  const text = structure.text;
  // Looked up among the words' places in the whole text: nested token trees ask at every level.
  const namesInit = containsMatch(structure, INIT_WORDS);
  const scanTokens = (tree: Node): void => {
    // Iterative over nested token trees; a tree whose text names no init macro holds no call of one.
    const stack = [tree];
    while (stack.length) {
      const t = stack.pop() as Node;
      if (!namesInit(t.startIndex, t.endIndex)) continue;
      const toks = innerTokens(t);
      for (const call of tokenMacroCalls(toks)) {
        const m = readInitMacro(call.path, call.path[call.path.length - 1], call.args);
        if (m) out.push(m);
      }
      for (const c of toks) if (c.type === 'token_tree') stack.push(c);
    }
  };
  // Every init macro's name is one of these words; an invocation whose text has none of them holds no init macro.
  if (!INIT_WORD.test(text)) return out;
  for (const { node, start, end } of spansOutside(structure, ['macro_invocation'], ['macro_definition', 'macro_invocation'])) {
    if (!INIT_WORD.test(text.slice(start, end))) continue;
    const macro = node.childForFieldName('macro');
    const args = node.children.find((c) => c?.type === 'token_tree') ?? null;
    if (macro && args) {
      const path = macroPathSegments(macro);
      const m = path ? readInitMacro(path, macro, args, node) : undefined;
      if (m) out.push(m);
      scanTokens(args);
    }
  }
  out.sort((a, b) => a.path[0].startIndex - b.path[0].startIndex);
  return out;
}

/** One field of a struct definition. */
export interface StructField {
  name: string;
  nameNode: Node;
  /** The field's type node. */
  type: Node;
  declaration: Node;
  /** Attribute items written before the field. */
  attributes: Node[];
  /** The `#[pin]` attribute, when present. */
  pin?: Node;
  /** True when the field carries a `#[cfg…]` attribute (it may not exist in every build). */
  cfg: boolean;
}

/** A struct defined in the file, with what pin-init cares about. */
export interface StructDef {
  name: string;
  nameNode: Node;
  node: Node;
  /** Attribute items before the struct (doc comments skipped). */
  attributes: Node[];
  /** The `#[pin_data]` / `#[pin_data(PinnedDrop)]` attribute, when present. */
  pinData?: Node;
  /** True for `#[pin_data(PinnedDrop)]`. */
  pinnedDrop: boolean;
  /** True for tuple and unit structs (no named fields). */
  tupleOrUnit: boolean;
  /** The named fields (read when first asked for). */
  readonly fields: StructField[];
}

/** An attribute's path as plain text: words joined by `::`, then its arguments, value or closing bracket. */
const ATTRIBUTE_PATH = new RegExp(`^#!?\\s*\\[\\s*(${PLAIN_PATH_SOURCE})\\s*[(\\[{=\\]]`);

/** The path text of an attribute item (`#[pin_data(X)]` → `pin_data`, `#[pin_init::pin_data]` → `pin_init::pin_data`). */
export function attributePath(item: Node): string | undefined {
  // Read from the text when it is plain; comments or unusual names inside the brackets go to the tree.
  const plain = ATTRIBUTE_PATH.exec(sessionText(item.tree)?.slice(item.startIndex, item.endIndex) ?? item.text)?.[1];
  if (plain !== undefined) return plain.replace(/\s+/g, '');
  const attr = item.namedChildren.find((c) => c?.type === 'attribute');
  const path = attr?.namedChildren[0];
  return path ? path.text.replace(/\s+/g, '') : undefined;
}

/** The last segment of an attribute's path. */
export function attributeName(item: Node): string | undefined {
  const p = attributePath(item);
  return p === undefined ? undefined : p.slice(p.lastIndexOf(':') + 1);
}

/** The argument token tree of an attribute (`(PinnedDrop)`), when present. */
export function attributeArguments(item: Node): Node | undefined {
  const attr = item.namedChildren.find((c) => c?.type === 'attribute');
  return attr?.childForFieldName('arguments') ?? undefined;
}

/**
 * Attribute items written directly before an item, skipping comments. They come from the file's structure: an
 * attribute belongs to the item when only spaces and comments lie between them (asking the tree for previous
 * siblings costs a scan of the parent's children for each).
 */
export function attributesBefore(node: Node): Node[] {
  const structure = structureOf(node.tree.rootNode);
  const attributes = structure.byType.get('attribute_item') ?? [];
  // The last attribute starting before the node (attributes never nest, so they are ordered by start and end).
  let lo = 0;
  let hi = attributes.length;
  const start = node.startIndex;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (attributes[mid].start < start) lo = mid + 1;
    else hi = mid;
  }
  const out: Node[] = [];
  let at = start;
  for (let i = lo - 1; i >= 0 && attributes[i].end <= at && onlyTrivia(structure.text, attributes[i].end, at); i--) {
    out.unshift(attributes[i].node);
    at = attributes[i].start;
  }
  return out;
}

/** True when `text[from, to)` holds nothing but whitespace and comments. */
function onlyTrivia(text: string, from: number, to: number): boolean {
  let i = from;
  while (i < to) {
    const c = text.charCodeAt(i);
    if (c <= 32 || (c > 127 && /\s/.test(text[i]))) {
      i++;
    } else if (c === 47 && text.charCodeAt(i + 1) === 47) {
      const nl = text.indexOf('\n', i);
      i = nl < 0 || nl >= to ? to : nl + 1;
    } else if (c === 47 && text.charCodeAt(i + 1) === 42) {
      // Block comments nest.
      let depth = 1;
      i += 2;
      while (i < to && depth > 0) {
        if (text.charCodeAt(i) === 47 && text.charCodeAt(i + 1) === 42) {
          depth++;
          i += 2;
        } else if (text.charCodeAt(i) === 42 && text.charCodeAt(i + 1) === 47) {
          depth--;
          i += 2;
        } else i++;
      }
      if (depth > 0) return false;
    } else {
      return false;
    }
  }
  return true;
}

function readStruct(node: Node): StructDef | undefined {
  const nameNode = node.childForFieldName('name');
  if (!nameNode) return undefined;
  const attributes = attributesBefore(node);
  const pinData = attributes.find((a) => attributeName(a) === 'pin_data');
  const args = pinData ? attributeArguments(pinData) : undefined;
  const body = node.childForFieldName('body');
  let fields: StructField[] | undefined;
  return {
    name: nameNode.text,
    nameNode,
    node,
    attributes,
    pinData,
    pinnedDrop: !!args && /\bPinnedDrop\b/.test(args.text),
    tupleOrUnit: body?.type !== 'field_declaration_list',
    // Most structs are never asked for their fields: they are read on first use.
    get fields(): StructField[] {
      fields ??= body?.type === 'field_declaration_list' ? readFields(body) : [];
      return fields;
    },
  };
}

/** The named fields of a struct body, each with the attributes written before it. */
function readFields(body: Node): StructField[] {
  const fields: StructField[] = [];
  let pending: Node[] = [];
  for (const c of body.namedChildren) {
    if (!c) continue;
    if (c.type === 'attribute_item') pending.push(c);
    else if (c.type === 'field_declaration') {
      const fname = c.childForFieldName('name');
      const ftype = c.childForFieldName('type');
      if (fname && ftype) {
        fields.push({
          name: fname.text,
          nameNode: fname,
          type: ftype,
          declaration: c,
          attributes: pending,
          pin: pending.find((a) => attributePath(a) === 'pin'),
          cfg: pending.some((a) => (attributeName(a) ?? '').startsWith('cfg')),
        });
      }
      pending = [];
    }
  }
  return fields;
}

/** Every struct defined in the file (at any depth, outside macro definitions), by name. */
export function structDefinitions(root: Node): Map<string, StructDef[]> {
  const out = new Map<string, StructDef[]>();
  for (const { node } of spansOutside(structureOf(root), ['struct_item'], ['macro_definition', 'macro_invocation'])) {
    const s = readStruct(node);
    if (s) out.set(s.name, [...(out.get(s.name) ?? []), s]);
  }
  return out;
}

/** The name of the type an `impl` block around `node` is for (`impl<T> Foo<T>` → `Foo`), when inside one. */
export function enclosingImplType(node: Node): string | undefined {
  // The innermost `impl` holding the node, from the file's structure: walking up node by node would cost a search
  // from the root for every step.
  const start = node.startIndex;
  let impl: Span | undefined;
  for (const s of structureOf(node.tree.rootNode).byType.get('impl_item') ?? []) {
    if (s.start > start) break;
    if (start < s.end && s.node.id !== node.id) impl = s;
  }
  if (!impl) return undefined;
  let t = impl.node.childForFieldName('type');
  if (t?.type === 'generic_type') t = t.childForFieldName('type');
  if (t?.type === 'scoped_type_identifier') t = t.childForFieldName('name');
  return t?.type === 'type_identifier' ? t.text : undefined;
}

/**
 * The struct an init macro builds, when it is defined exactly once in this file (`Self` resolves to the
 * enclosing impl's type). Paths with more than one segment (`a::Foo`) are not matched.
 */
export function structFor(m: InitMacro, structs: ReadonlyMap<string, StructDef[]>): StructDef | undefined {
  if (!m.typeName) return undefined;
  const segments = m.typeTokens.filter((t) => t.type === 'identifier' || t.type === 'self');
  const beforeGenerics = m.typeTokens.findIndex((t) => t.type === '<');
  const pathIds = (beforeGenerics < 0 ? m.typeTokens : m.typeTokens.slice(0, beforeGenerics)).filter((t) => t.type !== '::');
  if (pathIds.length !== 1 || segments.length === 0) return undefined;
  let name = m.typeName.text;
  if (name === 'Self') {
    const anchor = m.invocation ?? m.args;
    const implType = enclosingImplType(anchor);
    if (!implType) return undefined;
    name = implType;
  }
  const defs = structs.get(name);
  return defs && defs.length === 1 ? defs[0] : undefined;
}
