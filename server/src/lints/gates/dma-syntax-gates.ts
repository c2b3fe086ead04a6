/**
 * Version-gated DMA syntax that plain path resolution cannot see: the four spellings of `dma_read!`/`dma_write!`
 * (6.15–6.19 `a[i].f`, 7.0–7.1 `a, [i]?.f`, 7.2 `a, [try: i].f`, field-only `a, .f` from 7.0), the same index
 * steps in `kernel::ptr::project!`, and the 7.3 rename of `Coherent::dma_handle` to `dma_address`. Which spelling a
 * release accepts comes from the knowledge base (`syntax::dma-*` entries). Every check is silent when unsure: a macro
 * that does not resolve to the kernel's, a body it cannot read, ERROR nodes, macro templates.
 */
import type { Node } from 'web-tree-sitter';
import { knowledgeBase, sureStatusAt, sureStatusOf, type KnowledgeBase } from '../../kb';
import { type RuleContext } from '../engine';
import { delimiter, hasMetavariables, innerTokens, splitOnCommas } from '../../syntax/macro-body';
import { containsMatch, spansOutside, structureOf } from '../../syntax/structure';
import { resolveSegments } from '../../semantics/resolve';
import type { Fix, Range, TextEdit } from '../../core/types';
import { nodeRange } from '../../parsing/walk';
import { type Scope } from '../../semantics/scope';
import { segmentsOf } from '../../semantics/path-segments';

/** One use of DMA syntax the target release does not accept. */
export interface DmaSyntaxGate {
  range: Range;
  state: 'not-yet' | 'removed';
  message: string;
  fixes: Fix[];
}

const READ = 'kernel::dma_read!';
const WRITE = 'kernel::dma_write!';
const PROJECT = 'kernel::ptr::project!';
const INDEX_ACCESS = 'syntax::dma-index-access';
const PLAIN_INDEX = 'syntax::dma-projection-index';
const FLAVORED_INDEX = 'syntax::dma-projection-flavored-index';
const FIELD_ONLY = 'syntax::dma-projection-field';
const FLAVORS = new Set(['try', 'build', 'panic']);
/** Receiver types whose `dma_handle()` became `dma_address()` in 7.3, and their method entries. */
const HANDLE_TYPES = ['kernel::dma::Coherent', 'kernel::dma::CoherentHandle'];

/** One index step of a projection: `[i]?`, `[i]`, or `[try: i]`-style with its keyword. */
interface IndexStep {
  tree: Node;
  /** The `?` after a plain index, when written. */
  question?: Node;
  flavor?: string;
}

/** A projection read from tokens: its index steps, or undefined when the tokens are not a projection. */
function readProjection(tokens: readonly Node[]): IndexStep[] | undefined {
  if (tokens.length === 0) return undefined;
  const steps: IndexStep[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (t.type === '.') {
      const f = tokens[i + 1];
      if (!f || !(f.type === 'identifier' || f.type === 'integer_literal' || (f.type === 'float_literal' && /^\d+\.\d+$/.test(f.text)))) return undefined;
      i++;
    } else if (t.type === 'token_tree' && delimiter(t) === '[') {
      const inner = innerTokens(t);
      if (inner.length === 0) return undefined;
      const next = tokens[i + 1];
      const keyword = inner[0].type === 'identifier' && FLAVORS.has(inner[0].text) && inner[1]?.type === ':' && inner.length > 2 ? inner[0].text : undefined;
      if (next?.type === '?') {
        if (keyword) return undefined;
        steps.push({ tree: t, question: next });
        i++;
      } else steps.push({ tree: t, flavor: keyword });
    } else return undefined;
  }
  return steps;
}

/** The 6.15–6.19 body `a.b[i].f` (read) or `a.b[i].f = v` (write), split into its parts; undefined otherwise. */
interface IndexAccess {
  base: Node[];
  index: Node;
  fields: Node[];
  value: Node[];
}

function readIndexAccess(tokens: readonly Node[], write: boolean): IndexAccess | undefined {
  let i = 0;
  const ident = (n: Node | undefined): boolean => !!n && (n.type === 'identifier' || n.type === 'self');
  if (!ident(tokens[0])) return undefined;
  i = 1;
  while (tokens[i]?.type === '.' && ident(tokens[i + 1])) i += 2;
  const index = tokens[i];
  if (!index || index.type !== 'token_tree' || delimiter(index) !== '[' || innerTokens(index).length === 0) return undefined;
  const base = tokens.slice(0, i);
  let j = i + 1;
  while (tokens[j]?.type === '.' && (tokens[j + 1]?.type === 'identifier' || tokens[j + 1]?.type === 'integer_literal')) j += 2;
  const fields = tokens.slice(i + 1, j);
  if (!write) return j === tokens.length ? { base, index, fields, value: [] } : undefined;
  if (tokens[j]?.type !== '=' || j + 1 >= tokens.length) return undefined;
  return { base, index, fields, value: tokens.slice(j + 1) };
}

function spelled(text: string, nodes: readonly Node[]): string {
  return nodes.length ? text.slice(nodes[0].startIndex, nodes[nodes.length - 1].endIndex) : '';
}

function insideError(node: Node): boolean {
  if (node.hasError) return true;
  for (let p = node.parent; p; p = p.parent) if (p.type === 'ERROR') return true;
  return false;
}

/** Which kernel macro a call names, among the three whose bodies are projections. */
function kernelMacro(call: Node, scope: Scope, kb: KnowledgeBase, target: string): string | undefined {
  const name = call.childForFieldName('macro');
  const segs = name && segmentsOf(name);
  if (!segs) return undefined;
  const resolved = resolveSegments(segs.map((s) => s.text), scope, kb, target, true);
  if (!resolved) return undefined;
  return [READ, WRITE, PROJECT].find((p) => kb.lookup(resolved).some((i) => i.path === p));
}

/** The macro's own name as the user wrote it, without the `!` (`kernel::dma_read`, `dma_read`). */
function macroName(text: string, call: Node): string {
  const name = call.childForFieldName('macro');
  return name ? text.slice(name.startIndex, name.endIndex) : '';
}

/** The `?` expression directly around a call, when the call is its whole operand. */
function tryAround(call: Node): Node | undefined {
  const p = call.parent;
  return p?.type === 'try_expression' && p.namedChildren.length === 1 && p.namedChildren[0]?.id === call.id ? p : undefined;
}

function edit(from: Node, to: Node, newText: string): TextEdit {
  return { range: { start: nodeRange(from).start, end: nodeRange(to).end }, newText };
}

/** Gates for one `dma_read!`/`dma_write!`/`ptr::project!` call. */
function checkCall(call: Node, which: string, target: string, kb: KnowledgeBase, text: string, out: DmaSyntaxGate[]): void {
  const tree = call.children.find((c) => c?.type === 'token_tree');
  if (!tree || delimiter(tree) !== '(' || hasMetavariables(tree) || insideError(call)) return;
  const macro = kb.resolve(which, target);
  if (!macro || sureStatusAt(macro, target)?.state !== 'available') return;
  const tokens = innerTokens(tree);
  const parts = splitOnCommas(tokens);
  const short = which === READ ? 'dma_read!' : which === WRITE ? 'dma_write!' : 'ptr::project!';
  const range = nodeRange(call);
  const flavored = sureStatusOf(kb, FLAVORED_INDEX, target);
  const plain = sureStatusOf(kb, PLAIN_INDEX, target);

  // 6.15–6.19: `dma_read!(a[i].f)` / `dma_write!(a[i].f = v)`.
  if (which !== PROJECT && parts.length === 1) {
    const access = readIndexAccess(tokens, which === WRITE);
    const old = sureStatusOf(kb, INDEX_ACCESS, target);
    if (!access || old?.state !== 'removed') return;
    const useFlavor = flavored?.state === 'available';
    const step = useFlavor ? '[try: i]' : '[i]?';
    const written = which === READ ? '`dma_read!(alloc[i].field)`' : '`dma_write!(alloc[i].field = value)`';
    const instead = which === READ ? `\`dma_read!(alloc, ${step}.field)\`` : `\`dma_write!(alloc, ${step}.field, value)\``;
    const fixes: Fix[] = [];
    const wrapped = tryAround(call);
    if (wrapped && (useFlavor || plain?.state === 'available')) {
      const idx = spelled(text, innerTokens(access.index));
      const newStep = useFlavor ? `[try: ${idx}]` : `[${idx}]?`;
      const body = `${spelled(text, access.base)}, ${newStep}${spelled(text, access.fields)}${which === WRITE ? `, ${spelled(text, access.value)}` : ''}`;
      fixes.push({
        title: `Rewrite as \`${short}(${body})\` (the bounds check now returns from the function itself)`,
        edits: [edit(wrapped, wrapped, `${macroName(text, call)}!(${body})`)],
      });
    }
    out.push({
      range,
      state: 'removed',
      message: `${written} syntax is not in Linux ${target} (removed in ${old.until}); use ${instead}.`,
      fixes,
    });
    return;
  }

  // 7.0+: `dma_read!(a, proj)`, `dma_write!(a, proj, v)`, `project!([mut] p, proj)`.
  const wantParts = which === WRITE ? parts.length >= 3 : parts.length === 2;
  if (!wantParts || parts[0].length === 0) return;
  const steps = readProjection(parts[1]);
  if (!steps) return;
  const plainSteps = steps.filter((s) => !s.flavor);
  const flavoredSteps = steps.filter((s) => s.flavor);
  if (plainSteps.length && flavoredSteps.length) return;
  const example = (step: string): string =>
    which === READ ? `\`dma_read!(alloc, ${step}.field)\`` : which === WRITE ? `\`dma_write!(alloc, ${step}.field, value)\`` : `\`ptr::project!(ptr, ${step})\``;

  if (plainSteps.length) {
    const step = plainSteps.some((s) => s.question) ? '[i]?' : '[i]';
    if (plain?.state === 'not-yet') {
      out.push({ range, state: 'not-yet', message: `${example(step)} syntax is not in Linux ${target} (added in ${plain.since}).`, fixes: [] });
    } else if (plain?.state === 'removed') {
      const edits = plainSteps.map((s) => {
        const idx = spelled(text, innerTokens(s.tree));
        return edit(s.tree, s.question ?? s.tree, s.question ? `[try: ${idx}]` : `[build: ${idx}]`);
      });
      const fixes: Fix[] = flavored?.state === 'available' ? [{ title: 'Use keyworded index steps (`[i]?` → `[try: i]`, `[i]` → `[build: i]`)', edits }] : [];
      const instead = step === '[i]?' ? '`[try: i]`' : '`[build: i]`';
      out.push({ range, state: 'removed', message: `${example(step)} syntax is not in Linux ${target} (removed in ${plain.until}); use ${instead}.`, fixes });
    }
    return;
  }

  if (flavoredSteps.length) {
    if (flavored?.state !== 'not-yet') return;
    const step = `[${flavoredSteps[0].flavor ?? 'try'}: i]`;
    const back = plain?.state === 'available' && !flavoredSteps.some((s) => s.flavor === 'panic');
    const edits = back
      ? flavoredSteps.map((s) => {
          const inner = innerTokens(s.tree);
          const idx = spelled(text, inner.slice(2));
          return edit(s.tree, s.tree, s.flavor === 'try' ? `[${idx}]?` : `[${idx}]`);
        })
      : [];
    const fixes: Fix[] = back ? [{ title: 'Use the 7.0 index steps (`[try: i]` → `[i]?`, `[build: i]` → `[i]`)', edits }] : [];
    out.push({ range, state: 'not-yet', message: `${example(step)} syntax is not in Linux ${target} (added in ${flavored.since}).`, fixes });
    return;
  }

  // Only field steps: needs the 7.0 comma form.
  if (which === PROJECT) return;
  const fieldOnly = sureStatusOf(kb, FIELD_ONLY, target);
  if (fieldOnly?.state !== 'not-yet') return;
  const written = which === READ ? '`dma_read!(obj, .field)`' : '`dma_write!(obj, .field, value)`';
  out.push({ range, state: 'not-yet', message: `${written} syntax is not in Linux ${target} (added in ${fieldOnly.since}).`, fixes: [] });
}

/** Strips `&`, `&mut`, `*const` and generic arguments off a type node, down to the path naming the type. */
function typePath(t: Node | null | undefined): Node | undefined {
  for (let n = t; n; ) {
    if (n.type === 'reference_type' || n.type === 'pointer_type') n = n.childForFieldName('type');
    else if (n.type === 'generic_type') n = n.childForFieldName('type');
    else return n;
  }
  return undefined;
}

/** A constructor call `Coherent::<T>::zeroed_slice(…)` (possibly under `?`): the type path before the method. */
function constructedType(value: Node | null | undefined): Node | undefined {
  let v = value;
  while (v && v.type === 'try_expression') v = v.namedChildren[0];
  if (v?.type !== 'call_expression') return undefined;
  const fn = v.childForFieldName('function');
  if (fn?.type === 'scoped_identifier') return fn.childForFieldName('path') ?? undefined;
  if (fn?.type === 'generic_function') {
    const inner = fn.childForFieldName('function');
    return inner?.type === 'scoped_identifier' ? (inner.childForFieldName('path') ?? undefined) : undefined;
  }
  return undefined;
}

/** A receiver as written: a plain name, or `self.field`. */
type Receiver = { name: string } | { selfField: string };

/** Type nodes a receiver is declared with nearby: parameters, annotated or constructor lets, and `self.field`. */
function receiverTypes(receiver: Receiver, anchor: Node, root: Node): Node[] {
  const out: Node[] = [];
  if ('name' in receiver) {
    const name = receiver.name;
    for (let n: Node | null = anchor.parent; n; n = n.parent) {
      if (n.type === 'function_item' || n.type === 'closure_expression') {
        for (const p of n.childForFieldName('parameters')?.namedChildren ?? []) {
          if (p?.type === 'parameter' && p.childForFieldName('pattern')?.text === name) {
            const t = typePath(p.childForFieldName('type'));
            if (t) out.push(t);
          }
        }
        if (n.type === 'function_item') break;
      }
      if (n.type === 'block') {
        for (const stmt of n.namedChildren) {
          if (!stmt || stmt.startIndex >= anchor.startIndex) break;
          if (stmt.type !== 'let_declaration' || stmt.childForFieldName('pattern')?.text !== name) continue;
          const t = typePath(stmt.childForFieldName('type')) ?? typePath(constructedType(stmt.childForFieldName('value')));
          if (t) out.push(t);
        }
      }
    }
    return out;
  }
  let impl: Node | null = anchor.parent;
  while (impl && impl.type !== 'impl_item') impl = impl.parent;
  const implType = typePath(impl?.childForFieldName('type'));
  const typeName = implType ? (segmentsOf(implType)?.pop()?.text ?? '') : '';
  for (const item of root.namedChildren) {
    if (item?.type !== 'struct_item' || item.childForFieldName('name')?.text !== typeName) continue;
    for (const f of item.childForFieldName('body')?.namedChildren ?? []) {
      if (f?.type === 'field_declaration' && f.childForFieldName('name')?.text === receiver.selfField) {
        const t = typePath(f.childForFieldName('type'));
        if (t) out.push(t);
      }
    }
  }
  return out;
}

/** The receiver of a parsed call's `value` expression, when it is a plain name or `self.field`. */
function receiverOf(value: Node): Receiver | undefined {
  if (value.type === 'identifier') return { name: value.text };
  if (value.type === 'field_expression' && value.childForFieldName('value')?.type === 'self') {
    const f = value.childForFieldName('field');
    return f ? { selfField: f.text } : undefined;
  }
  return undefined;
}

const HANDLE_CALL = /\.\s*dma_(?:handle|address)\s*\(\s*\)/g;

/** `x.dma_handle()` at 7.3+ and `x.dma_address()` before 7.3, on receivers declared as `Coherent`/`CoherentHandle`. */
function handleRenames(root: Node, target: string, scope: Scope, kb: KnowledgeBase, out: DmaSyntaxGate[]): void {
  const structure = structureOf(root);
  const text = structure.text;
  if (text.search(HANDLE_CALL) < 0) return;
  const has = containsMatch(structure, HANDLE_CALL);
  const stack: Node[] = [root];
  while (stack.length) {
    const n = stack.pop() as Node;
    if (!has(n.startIndex, n.endIndex) || n.type === 'macro_definition' || n.type === 'ERROR') continue;
    if (n.type === 'token_tree') {
      if (hasMetavariables(n)) continue;
      tokenHandleCalls(n, root, target, scope, kb, out);
    } else if (n.type === 'call_expression') {
      const fn = n.childForFieldName('function');
      const args = n.childForFieldName('arguments');
      const name = fn?.type === 'field_expression' ? fn.childForFieldName('field') : null;
      const value = fn?.childForFieldName('value');
      const receiver = value && receiverOf(value);
      if (name && receiver && args && args.namedChildren.length === 0 && !n.hasError && (name.text === 'dma_handle' || name.text === 'dma_address')) {
        handleRename(name, receiver, n, root, target, scope, kb, out);
      }
    }
    for (let i = n.childCount - 1; i >= 0; i--) {
      const c = n.child(i);
      if (c) stack.push(c);
    }
  }
}

/** `x.dma_handle()` / `self.f.dma_handle()` written as tokens inside a macro call (`pr_info!`, `dma_write!` values). */
function tokenHandleCalls(tree: Node, root: Node, target: string, scope: Scope, kb: KnowledgeBase, out: DmaSyntaxGate[]): void {
  const t = innerTokens(tree);
  for (let i = 2; i + 1 < t.length; i++) {
    const name = t[i];
    const args = t[i + 1];
    if (name.type !== 'identifier' || (name.text !== 'dma_handle' && name.text !== 'dma_address') || t[i - 1].type !== '.') continue;
    if (args.type !== 'token_tree' || delimiter(args) !== '(' || innerTokens(args).length !== 0 || t[i - 2].type !== 'identifier') continue;
    const before = t[i - 3];
    let receiver: Receiver | undefined;
    if (before?.type !== '.' && before?.type !== '::') receiver = { name: t[i - 2].text };
    else if (before.type === '.' && t[i - 4]?.type === 'self' && t[i - 5]?.type !== '.' && t[i - 5]?.type !== '::') receiver = { selfField: t[i - 2].text };
    if (receiver) handleRename(name, receiver, args, root, target, scope, kb, out);
  }
}

function handleRename(name: Node, receiver: Receiver, call: Node, root: Node, target: string, scope: Scope, kb: KnowledgeBase, out: DmaSyntaxGate[]): void {
  for (const t of receiverTypes(receiver, name, root)) {
    const segs = segmentsOf(t);
    const resolved = segs && resolveSegments(segs.map((s) => s.text), scope, kb, target);
    const type = resolved && HANDLE_TYPES.find((p) => kb.lookup(resolved).some((i) => i.path === p));
    if (!type) continue;
    const typeItem = kb.resolve(type, target);
    if (!typeItem || sureStatusAt(typeItem, target)?.state !== 'available') return;
    const short = type.slice(type.lastIndexOf(':') + 1);
    const old = sureStatusOf(kb, `${type}::dma_handle`, target);
    const now = sureStatusOf(kb, `${type}::dma_address`, target);
    const range = { start: nodeRange(name).start, end: nodeRange(call).end };
    if (name.text === 'dma_handle' && old?.state === 'removed' && now?.state === 'available') {
      out.push({
        range,
        state: 'removed',
        message: `\`${type}::dma_handle\` is not in Linux ${target} (removed in ${old.until}); use \`${short}::dma_address\`.`,
        fixes: [{ title: 'Rename to `dma_address()`', edits: [{ range: nodeRange(name), newText: 'dma_address' }] }],
      });
    } else if (name.text === 'dma_address' && now?.state === 'not-yet' && old?.state === 'available') {
      out.push({
        range,
        state: 'not-yet',
        message: `\`${type}::dma_address\` is not in Linux ${target} (added in ${now.since}); use \`${short}::dma_handle\`.`,
        fixes: [{ title: 'Rename to `dma_handle()`', edits: [{ range: nodeRange(name), newText: 'dma_handle' }] }],
      });
    }
    return;
  }
}

/** Finds the call spans of the projection macros. Only calls whose text names one of them are read further. */
const MACRO_WORD = /\b(?:dma_read|dma_write|project(?:_pointer)?)\s*!/g;

/** Every DMA syntax gate the target fails, for api-unavailable and api-removed to report. */
export function dmaSyntaxGates(ctx: RuleContext, scope: Scope): DmaSyntaxGate[] {
  return ctx.memo('dma:syntax-gates', () => {
    const out: DmaSyntaxGate[] = [];
    const structure = structureOf(ctx.root);
    const text = structure.text;
    if (!text.includes('dma_') && !text.includes('project')) return out;
    const kb = knowledgeBase();
    if (text.search(MACRO_WORD) >= 0) {
      const names = containsMatch(structure, MACRO_WORD);
      for (const { node, start, end } of spansOutside(structure, ['macro_invocation'], ['macro_definition', 'attribute_item', 'inner_attribute_item'])) {
        if (!names(start, end)) continue;
        const which = kernelMacro(node, scope, kb, ctx.target);
        if (which) checkCall(node, which, ctx.target, kb, text, out);
      }
    }
    handleRenames(ctx.root, ctx.target, scope, kb, out);
    return out;
  });
}
