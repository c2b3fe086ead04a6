/**
 * The essential shape of a Rust item signature, read from a tree-sitter node, and the comparison between a
 * knowledge-base signature and a kernel tree's. Shapes keep what a caller depends on (kind, qualifiers, generic
 * parameter names, receiver, parameter names and types, return type, supertraits, variants) and drop what does
 * not matter (whitespace, comments, attributes, bounds in `where` clauses, path qualification, lifetimes inside
 * types, generic arguments nested deeper than two levels).
 */
import type { Node } from 'web-tree-sitter';

/** A function or method. `params` is undefined when the knowledge base elides the list with `(..)`. */
export interface FnShape {
  readonly kind: 'fn';
  readonly qualifiers: readonly string[];
  readonly generics: readonly string[];
  readonly receiver: string | undefined;
  readonly params: readonly { name: string; type: string }[] | undefined;
  readonly ret: string;
}

/** A struct, enum, union, trait, type alias or associated type. */
export interface TypeShape {
  readonly kind: 'struct' | 'enum' | 'union' | 'trait' | 'type-alias' | 'assoc-type';
  readonly unsafe: boolean;
  /** Type and const parameter names, then the lifetime parameters. */
  readonly generics: readonly string[];
  /** Trait supertraits or associated-type bounds, normalised and sorted. */
  readonly bounds?: readonly string[];
  /** Enum variant names, when the signature lists them all. */
  readonly variants?: readonly string[];
  /** Public named fields of a struct. */
  readonly pubFields?: readonly string[];
  /** The aliased type of a type alias. */
  readonly aliased?: string;
}

/** A constant or static (free or associated). */
export interface ConstShape {
  readonly kind: 'const';
  readonly type: string;
}

/** Any item's shape. */
export type Shape = FnShape | TypeShape | ConstShape;

/** How many levels of `<…>` survive in a normalised type: `Result<Pin<…>>`. */
const TYPE_DEPTH = 2;

/** Collapses comments and whitespace and removes lifetimes, path qualification and deep generic arguments. */
export function normalizeType(text: string, depth: number = TYPE_DEPTH): string {
  let t = text
    .replace(/\/\*[\s\S]*?\*\//g, ' ')
    .replace(/\/\/[^\n]*/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  // Lifetimes: `&'a mut T` → `&mut T`, `<'a, T>` → `<T>`, `<'_>` → ``; `dyn Trait + 'static` → `dyn Trait`.
  t = t.replace(/'(?:[A-Za-z_]\w*)\s*\+\s*/g, '').replace(/\s*\+\s*'(?:[A-Za-z_]\w*)/g, '');
  t = t.replace(/'(?:[A-Za-z_]\w*)\s*,\s*/g, '').replace(/,\s*'(?:[A-Za-z_]\w*)(?=\s*>)/g, '').replace(/'(?:[A-Za-z_]\w*)\s*/g, '');
  t = t.replace(/<\s*>/g, '');
  // Path qualification: `kernel::alloc::Flags` → `Flags`, `$crate::x::Y` → `Y`, `::core::pin::Pin` → `Pin`.
  t = t.replace(/(?:(?:\$crate|[A-Za-z_]\w*)\s*::\s*)+(?=[A-Za-z_])/g, '').replace(/(^|[\s<(,&*\[])::(?=[A-Za-z_])/g, '$1');
  t = t.replace(/\s*([<>(),;\[\]&*])\s*/g, '$1').replace(/,(?=\S)/g, ', ').replace(/\bmut(?=[A-Za-z_(\[<&*])/g, 'mut ');
  t = t.replace(/\*(const|mut)(?=\S)/g, '*$1 ');
  t = kernelResultDefaults(t);
  return truncateGenerics(t, depth);
}

/** The kernel's `Result<T = (), E = Error>`: `Result<()>` is `Result`, `Result<T, Error>` is `Result<T>`. */
function kernelResultDefaults(t: string): string {
  return t.replace(/\bResult<([^<>]*(?:<[^<>]*(?:<[^<>]*>)*[^<>]*>)*[^<>]*), Error>/g, 'Result<$1>').replace(/\bResult<\(\)>/g, 'Result');
}

/** Replaces generic argument lists nested deeper than `depth` with `…`. Angle brackets after `->` are arrows. */
function truncateGenerics(t: string, depth: number): string {
  let out = '';
  let level = 0;
  for (let i = 0; i < t.length; i++) {
    const c = t[i];
    if (c === '<') {
      level++;
      if (level <= depth) out += c;
      else if (level === depth + 1) out += '<…';
      continue;
    }
    if (c === '>' && t[i - 1] !== '-') {
      if (level <= depth) out += c;
      else if (level === depth + 1) out += '>';
      level = Math.max(0, level - 1);
      continue;
    }
    if (level <= depth) out += c;
  }
  return out;
}

/** Replaces `Name<…>` and `Name` with `Self`, so `-> CoherentAllocation<T>` inside its own impl equals `-> Self`. */
function selfNormalized(type: string, selfNames: readonly string[]): string {
  let t = type;
  for (const name of selfNames) {
    if (!name || name === 'Self') continue;
    const re = new RegExp(`\\b${name.replace(/[$]/g, '\\$&')}\\b(?:<(?:[^<>]|<(?:[^<>]|<[^<>]*>)*>)*>)?`, 'g');
    t = t.replace(re, (m, offset: number, whole: string) => (whole[offset - 1] === ':' ? m : 'Self'));
  }
  return t;
}

function field(node: Node, name: string): Node | null {
  return node.childForFieldName(name);
}

function named(node: Node | null | undefined): Node[] {
  return (node?.namedChildren ?? []).filter((c): c is Node => c !== null);
}

/** Generic parameter names: type and const parameters, then lifetimes (kept only for types). */
function genericNames(params: Node | null, withLifetimes: boolean): string[] {
  const out: string[] = [];
  const lifetimes: string[] = [];
  for (const p of named(params)) {
    if (p.type === 'lifetime_parameter' || p.type === 'lifetime') lifetimes.push((field(p, 'name') ?? p).text);
    else if (p.type === 'type_parameter' || p.type === 'const_parameter' || p.type === 'constrained_type_parameter' || p.type === 'optional_type_parameter') {
      const n = field(p, 'name') ?? field(p, 'left') ?? p.namedChildren.find((c) => c?.type === 'type_identifier' || c?.type === 'identifier');
      if (n) out.push((p.type === 'const_parameter' ? 'const ' : '') + n.text.replace(/^const\s+/, ''));
    } else if (p.type === 'type_identifier') out.push(p.text);
  }
  return withLifetimes ? [...out, ...lifetimes] : out;
}

function qualifiersOf(fn: Node): string[] {
  const mods = fn.namedChildren.find((c) => c?.type === 'function_modifiers');
  const text = mods?.text ?? '';
  const out: string[] = [];
  if (/\bconst\b/.test(text)) out.push('const');
  if (/\bunsafe\b/.test(text)) out.push('unsafe');
  if (/\bextern\b/.test(text)) out.push('extern');
  return out;
}

function paramName(p: Node): string {
  const pat = field(p, 'pattern');
  if (!pat) return '_';
  const text = pat.text.replace(/^mut\s+/, '').replace(/^ref\s+/, '');
  return text === '_' ? '_' : text.replace(/^_+(?=\w)/, '');
}

/** The shape of a `function_item` or `function_signature_item`. */
function fnShape(fn: Node, elidedParams = false): FnShape {
  let receiver: string | undefined;
  const params: { name: string; type: string }[] = [];
  for (const p of named(field(fn, 'parameters'))) {
    if (p.type === 'self_parameter') {
      const t = p.text.replace(/'\w+\s*/g, '').replace(/\s+/g, ' ').trim();
      receiver = /^&\s*mut\b/.test(t) ? '&mut self' : t.startsWith('&') ? '&self' : 'self';
    } else if (p.type === 'parameter') {
      const pat = field(p, 'pattern');
      const ty = field(p, 'type');
      if (pat?.type === 'self') receiver = `self: ${normalizeType(ty?.text ?? '')}`;
      else params.push({ name: paramName(p), type: normalizeType(ty?.text ?? '') });
    } else if (p.type === 'variadic_parameter') params.push({ name: '...', type: '...' });
  }
  const ret = field(fn, 'return_type');
  return {
    kind: 'fn',
    qualifiers: qualifiersOf(fn),
    generics: genericNames(field(fn, 'type_parameters'), false),
    receiver,
    params: elidedParams ? undefined : params,
    ret: ret ? normalizeType(ret.text) : '',
  };
}

function boundList(bounds: Node | null): string[] {
  return named(bounds)
    .filter((b) => b.type !== 'lifetime')
    .map((b) => normalizeType(b.text, 1))
    .filter((b) => b !== '')
    .sort();
}

/** The shape of a type-level item node; undefined for node types it does not describe. */
function typeShape(node: Node): TypeShape | undefined {
  const unsafe = node.children.some((c) => c?.type === 'unsafe');
  switch (node.type) {
    case 'struct_item':
    case 'union_item': {
      const body = field(node, 'body');
      const pubFields = body?.type === 'field_declaration_list'
        ? named(body).filter((f) => f.type === 'field_declaration' && f.namedChildren.some((c) => c?.type === 'visibility_modifier' && c.text === 'pub')).map((f) => field(f, 'name')?.text ?? '').filter(Boolean)
        : [];
      return { kind: node.type === 'struct_item' ? 'struct' : 'union', unsafe, generics: genericNames(field(node, 'type_parameters'), true), pubFields };
    }
    case 'enum_item': {
      const body = field(node, 'body');
      const hasComment = named(body).some((c) => c.type === 'line_comment' || c.type === 'block_comment');
      const variants = named(body).filter((v) => v.type === 'enum_variant').map((v) => field(v, 'name')?.text ?? '');
      return { kind: 'enum', unsafe, generics: genericNames(field(node, 'type_parameters'), true), variants: hasComment ? undefined : variants };
    }
    case 'trait_item':
      return { kind: 'trait', unsafe, generics: genericNames(field(node, 'type_parameters'), true), bounds: boundList(field(node, 'bounds')) };
    case 'type_item':
      return { kind: 'type-alias', unsafe, generics: genericNames(field(node, 'type_parameters'), true), aliased: normalizeType(field(node, 'type')?.text ?? '') };
    case 'associated_type':
      return { kind: 'assoc-type', unsafe, generics: genericNames(field(node, 'type_parameters'), true), bounds: boundList(field(node, 'bounds')) };
    default:
      return undefined;
  }
}

/** The shape of any item node this module knows; undefined otherwise. */
export function shapeOf(node: Node, elidedParams = false): Shape | undefined {
  if (node.type === 'function_item' || node.type === 'function_signature_item') return fnShape(node, elidedParams);
  if (node.type === 'const_item' || node.type === 'static_item') return { kind: 'const', type: normalizeType(field(node, 'type')?.text ?? '') };
  return typeShape(node);
}

/** One way a tree's shape differs from the knowledge base's. */
export interface ShapeDifference {
  readonly aspect: string;
  readonly kb: string;
  readonly tree: string;
}

function list(xs: readonly string[] | undefined): string {
  return xs === undefined ? '(not stated)' : xs.length ? xs.join(', ') : '(none)';
}

function paramText(ps: readonly { name: string; type: string }[]): string {
  return `(${ps.map((p) => `${p.name}: ${p.type}`).join(', ')})`;
}

/**
 * Where `tree` differs from `kb` in what matters to a caller. `selfNames` are the names that mean `Self` on each
 * side (the knowledge base's parent segment, the tree's impl type). Empty when they agree.
 */
export function compareShapes(kb: Shape, tree: Shape, selfNames: { kb: readonly string[]; tree: readonly string[] }): ShapeDifference[] {
  const out: ShapeDifference[] = [];
  const same = (a: string, b: string): boolean => a === b || selfNormalized(a, selfNames.kb) === selfNormalized(b, selfNames.tree);
  if (kb.kind !== tree.kind) {
    // A knowledge-base struct may be a tree type alias of the same name and vice versa; the lookup judged kinds.
    return out;
  }
  if (kb.kind === 'fn' && tree.kind === 'fn') {
    const kq = [...kb.qualifiers].filter((q) => q !== 'extern' || tree.qualifiers.includes('extern')).join(' ');
    const tq = tree.qualifiers.filter((q) => q !== 'extern' || kb.qualifiers.includes('extern')).join(' ');
    if (kq !== tq) out.push({ aspect: 'qualifiers', kb: kq || '(none)', tree: tq || '(none)' });
    if (kb.generics.join(', ') !== tree.generics.join(', ')) out.push({ aspect: 'generic parameters', kb: list(kb.generics), tree: list(tree.generics) });
    const kr = kb.receiver === undefined ? undefined : selfNormalized(kb.receiver, selfNames.kb);
    const tr = tree.receiver === undefined ? undefined : selfNormalized(tree.receiver, selfNames.tree);
    if (kr !== tr) out.push({ aspect: 'receiver', kb: kb.receiver ?? '(none: associated function)', tree: tree.receiver ?? '(none: associated function)' });
    if (kb.params && tree.params) {
      const differs = kb.params.length !== tree.params.length
        || kb.params.some((p, i) => p.name !== tree.params![i].name || !same(p.type, tree.params![i].type));
      if (differs) out.push({ aspect: 'parameters', kb: paramText(kb.params), tree: paramText(tree.params) });
    }
    if (!same(kb.ret, tree.ret)) out.push({ aspect: 'return type', kb: kb.ret || '()', tree: tree.ret || '()' });
    return out;
  }
  if (kb.kind === 'const' && tree.kind === 'const') {
    if (kb.type && tree.type && !same(kb.type, tree.type)) out.push({ aspect: 'type', kb: kb.type, tree: tree.type });
    return out;
  }
  if (kb.kind !== 'fn' && kb.kind !== 'const' && tree.kind !== 'fn' && tree.kind !== 'const') {
    if (kb.unsafe !== tree.unsafe) out.push({ aspect: 'unsafe', kb: String(kb.unsafe), tree: String(tree.unsafe) });
    if (kb.generics.join(', ') !== tree.generics.join(', ')) out.push({ aspect: 'generic parameters', kb: list(kb.generics), tree: list(tree.generics) });
    if (kb.bounds && tree.bounds && kb.bounds.join(' + ') !== tree.bounds.join(' + ')) {
      out.push({ aspect: kb.kind === 'trait' ? 'supertraits' : 'bounds', kb: kb.bounds.join(' + ') || '(none)', tree: tree.bounds.join(' + ') || '(none)' });
    }
    if (kb.variants && kb.variants.length && tree.variants) {
      const k = [...kb.variants].sort().join(', ');
      const t = [...tree.variants].sort().join(', ');
      if (k !== t) out.push({ aspect: 'variants', kb: kb.variants.join(', '), tree: tree.variants.join(', ') });
    }
    if (kb.pubFields && tree.pubFields) {
      const missing = kb.pubFields.filter((f) => !tree.pubFields!.includes(f));
      if (missing.length) out.push({ aspect: 'public fields', kb: kb.pubFields.join(', '), tree: tree.pubFields.join(', ') || '(none)' });
    }
    if (kb.aliased !== undefined && tree.aliased !== undefined && kb.aliased && !same(kb.aliased, tree.aliased)) {
      out.push({ aspect: 'aliased type', kb: kb.aliased, tree: tree.aliased });
    }
  }
  return out;
}

/** Short text of a shape, for reports. */
export function shapeText(s: Shape): string {
  if (s.kind === 'fn') {
    const params = s.params === undefined ? '(..)' : paramText(s.params);
    const recv = s.receiver ? (s.params?.length ? `(${s.receiver}, ${params.slice(1)}` : `(${s.receiver})`) : params;
    return `${s.qualifiers.length ? s.qualifiers.join(' ') + ' ' : ''}fn${s.generics.length ? `<${s.generics.join(', ')}>` : ''}${recv}${s.ret ? ` -> ${s.ret}` : ''}`;
  }
  if (s.kind === 'const') return `const: ${s.type}`;
  const g = s.generics.length ? `<${s.generics.join(', ')}>` : '';
  return `${s.unsafe ? 'unsafe ' : ''}${s.kind}${g}${s.bounds?.length ? `: ${s.bounds.join(' + ')}` : ''}${s.aliased ? ` = ${s.aliased}` : ''}`;
}

/** An item's head on one line: what comes before its body (a struct's or enum's fields shown as `{ … }`). */
export function signatureOf(node: Node): string {
  const body = node.childForFieldName('body');
  const end = body && body.type !== 'field_declaration_list' && body.type !== 'ordered_field_declaration_list' ? body.startIndex : node.endIndex;
  let text = node.text.slice(0, end - node.startIndex);
  if (body && (body.type === 'field_declaration_list' || body.type === 'enum_variant_list')) text = node.text.slice(0, body.startIndex - node.startIndex) + '{ … }';
  // One line, without the trailing commas rustfmt leaves in argument lists and `where` clauses.
  return text
    .replace(/\s+/g, ' ')
    .replace(/\s*[{;]\s*$/, '')
    .replace(/\(\s+/g, '(')
    .replace(/,?\s+\)/g, ')')
    .replace(/,\s*$/, '')
    .trim();
}
