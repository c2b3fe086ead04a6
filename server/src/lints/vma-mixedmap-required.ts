/** vma-mixedmap-required: `vm_insert_page` called on a `VmaRef` or `VmaNew` instead of a `VmaMixedMap`. */
import type { Node } from 'web-tree-sitter';
import { namesKernelItem } from '../semantics/kernel-refs';
import type { Fix } from '../core/types';
import { knowledgeBase, lastSegment, surelyAvailable, sureStatusAt } from '../kb';
import { containsMatch, insideSkipped, structureOf } from '../syntax/structure';
import { occurrencesInRun } from '../parsing/tree-session';
import { ancestorsOf, walk, nodeRange } from '../parsing/walk';
import { defineRule } from './engine';
import { type Scope } from '../semantics/scope';

const VIRT = 'kernel::mm::virt';
const LET_WORD = /\blet\b/g;
const INSERT = `${VIRT}::VmaMixedMap::vm_insert_page`;
/** The VMA views without `vm_insert_page`, and how to get a `VmaMixedMap` from each (checked against the KB). */
const VIEWS = [
  { type: 'VmaNew', via: 'set_mixedmap' },
  { type: 'VmaRef', via: 'as_mixedmap_vma' },
] as const;

type View = (typeof VIEWS)[number];

/**
 * The calls `x.name(…)` and `a::name(…)` in the file, found from where `name` is written (a query over the whole tree
 * would cost a pass over every node; the name is rare), in document order of the name, within the run's ranges.
 */
function namedCalls(root: Node, text: string, name: string): { call: Node; ancestors: Node[] }[] {
  const out: { call: Node; ancestors: Node[] }[] = [];
  // In a focused run (the language server re-checking part of a file) only the focused text is searched.
  for (const at of occurrencesInRun(root, text, name)) {
    const token = root.descendantForIndex(at, at + name.length);
    if (!token || token.startIndex !== at || token.endIndex !== at + name.length) continue;
    const shape = token.type === 'field_identifier' ? 'field_expression' : token.type === 'identifier' ? 'scoped_identifier' : undefined;
    if (!shape) continue;
    // The token's ancestors, read once from the root down (a parent is itself a search from the root): the holder
    // and the call are the first two, and the rest are what bindingType walks up through.
    const chain = ancestorsOf(token);
    const [holder, call] = chain;
    if (!holder || !call || call.type !== 'call_expression') continue;
    if (holder.type !== shape || call.childForFieldName('function')?.id !== holder.id) continue;
    if (holder.childForFieldName(shape === 'field_expression' ? 'field' : 'name')?.id !== token.id) continue;
    out.push({ call, ancestors: chain.slice(2) });
  }
  return out;
}

/** The VMA view a type node names (`&VmaNew`, `&'a virt::VmaRef`), resolved through imports. */
function viewOfType(type: Node | null, scope: Scope, target: string): View | undefined {
  let t = type;
  while (t?.type === 'reference_type') t = t.childForFieldName('type');
  if (!t) return undefined;
  return VIEWS.find((v) => namesKernelItem(t, scope, target, `${VIRT}::${v.type}`));
}

function bindsName(pattern: Node | null, name: string): boolean {
  if (!pattern) return false;
  // A pattern whose text lacks the name binds nothing of that name; only the others are walked.
  const spelled = pattern.text;
  if (!spelled.includes(name)) return false;
  let found = false;
  walk(pattern, (n) => {
    if (n.type === 'identifier' && n.text === name) found = true;
    return !found;
  });
  return found;
}

/**
 * The declared type of the binding `name` visible at `use`: the nearest earlier `let` in an enclosing block, a
 * pattern binding it on the way up, or a parameter of the enclosing function or closure. `null` when the binding
 * exists but its type is not written (or is not a plain identifier pattern); undefined when none is found.
 */
function bindingType(
  use: Node,
  ancestors: readonly Node[],
  name: string,
  text: string,
  hasLet: (start: number, end: number) => boolean,
): Node | null | undefined {
  let child = use;
  // A `let` binding the name spells `let`, then the name before any `;`: a block whose text before the use has no
  // such run has no such statement, and its statements are not read.
  const letBinding = letBindingOf(name);
  for (const p of ancestors) {
    switch (p.type) {
      case 'block': {
        if (!hasLet(p.startIndex, child.startIndex)) break;
        const before = text.slice(p.startIndex, child.startIndex);
        if (!letBinding.test(before)) break;
        // The nearest earlier `let` statement of this block that binds the name: the block's own statements are
        // found from where `let` is written, nearest first (reading every statement would cost a call each).
        const lets = [...before.matchAll(LET_WORD)];
        for (let k = lets.length - 1; k >= 0; k--) {
          const at = p.startIndex + (lets[k].index ?? 0);
          const s = p.namedDescendantForIndex(at, at + 3);
          if (!s || s.type !== 'let_declaration' || s.startIndex !== at || p.childWithDescendant(s)?.id !== s.id) continue;
          const pattern = s.childForFieldName('pattern');
          if (!bindsName(pattern, name)) continue;
          return pattern?.type === 'identifier' ? (s.childForFieldName('type') ?? null) : null;
        }
        break;
      }
      case 'match_arm':
        if (p.childForFieldName('value')?.equals(child) && bindsName(p.childForFieldName('pattern'), name)) return null;
        break;
      case 'for_expression':
        if (p.childForFieldName('body')?.equals(child) && bindsName(p.childForFieldName('pattern'), name)) return null;
        break;
      case 'if_expression':
      case 'while_expression': {
        // `if let Some(vma) = … { vma… }` (and let chains): a pattern in the condition may bind the name.
        const cond = p.childForFieldName('condition');
        if (cond && bindsInLetChain(cond, name)) return null;
        break;
      }
      case 'closure_expression':
      case 'function_item': {
        const params = p.childForFieldName('parameters');
        for (const param of params?.namedChildren ?? []) {
          if (!param || !bindsName(param.childForFieldName('pattern') ?? (param.type === 'identifier' ? param : null), name)) continue;
          const pattern = param.childForFieldName('pattern') ?? param;
          return pattern.type === 'identifier' ? (param.childForFieldName('type') ?? null) : null;
        }
        if (p.type === 'function_item') return undefined;
        break;
      }
      default:
        break;
    }
    child = p;
  }
  return undefined;
}

/** A VMA view an expression surely has, under `wraps` layers of `Option`/`Result`. */
interface Inferred {
  view: View | 'mixed';
  wraps: number;
}

/** Names of the knowledge base's `kernel::mm` methods that return a VMA view (`vma_lookup`, `as_mixedmap_vma`, …). */
const VIEW_METHODS: readonly string[] = [
  ...new Set(
    knowledgeBase()
      .items.filter((i) => i.kind === 'method' && i.path.startsWith('kernel::mm::') && i.signatures?.some((g) => /->[^\n]*\bVma(?:Ref|New|MixedMap)\b/.test(g.text)))
      .map((i) => lastSegment(i.path)),
  ),
].sort();

/**
 * A file that defines a function named like one of them may mean its own when it calls it, so no receiver of the
 * file is typed from the signatures: a whole-file test (a `fn` in any unit decides for every call).
 */
const OWN_VIEW_METHOD_RE = VIEW_METHODS.length > 0 ? new RegExp(`\\bfn\\s+(?:${VIEW_METHODS.join('|')})\\b`) : undefined;

export const OWN_VIEW_METHOD = {
  source: 'a fn named like a kernel::mm method returning a VMA view',
  test: (text: string): boolean => !!OWN_VIEW_METHOD_RE && OWN_VIEW_METHOD_RE.test(text),
};

/** Methods that turn an `Option` into a `Result` of the same value. */
const OPTION_TO_RESULT = new Set(['ok_or', 'ok_or_else']);

/**
 * The VMA view of an expression with no written type, from the knowledge base's signatures of the methods it calls
 * at the target (`mm.vma_lookup(a)` is an `Option<&VmaRef>`, `?` and `.ok_or(E)?` unwrap it). Undefined unless
 * every step is sure: a method the knowledge base does not know stops it (and a file defining one of those names
 * itself is not read this way at all, see {@link OWN_VIEW_METHOD}).
 */
function inferView(expr: Node, target: string, depth = 0): Inferred | undefined {
  if (depth > 8) return undefined;
  if (expr.type === 'try_expression') {
    const inner = expr.namedChildren.find((c) => c !== null);
    const r = inner ? inferView(inner, target, depth + 1) : undefined;
    return r && r.wraps > 0 ? { view: r.view, wraps: r.wraps - 1 } : undefined;
  }
  if (expr.type === 'parenthesized_expression') {
    const inner = expr.namedChildren.find((c) => c !== null);
    return inner ? inferView(inner, target, depth + 1) : undefined;
  }
  if (expr.type !== 'call_expression') return undefined;
  const fn = expr.childForFieldName('function');
  if (fn?.type !== 'field_expression') return undefined;
  const method = fn.childForFieldName('field')?.text ?? '';
  const receiver = fn.childForFieldName('value');
  if (!receiver) return undefined;
  if (OPTION_TO_RESULT.has(method)) return inferView(receiver, target, depth + 1);
  // Every kernel::mm method of that name the target surely has must return the same view.
  let found: Inferred | undefined;
  for (const item of knowledgeBase().named(method)) {
    if (item.kind !== 'method' || !item.path.startsWith('kernel::mm::')) continue;
    const status = sureStatusAt(item, target);
    if (status?.state !== 'available') continue;
    const ret = /->\s*(.+?)\s*(?:where\b.*)?$/.exec(status.signature?.text.split('\n')[0] ?? '')?.[1];
    if (!ret) return undefined;
    let t = ret.replace(/\s+/g, '');
    let wraps = 0;
    for (let m = /^(?:Option|Result)<(.*)>$/.exec(t); m; m = /^(?:Option|Result)<(.*)>$/.exec(t)) {
      t = m[1].replace(/,[^,<>]*$/, '');
      wraps++;
    }
    const name = /^&(?:'\w+)?(?:[\w]+::)*(\w+)$/.exec(t)?.[1];
    const view: Inferred['view'] | undefined = name === 'VmaMixedMap' ? 'mixed' : VIEWS.find((v) => v.type === name);
    if (!view) return undefined;
    if (found && (found.view !== view || found.wraps !== wraps)) return undefined;
    found = { view, wraps };
  }
  return found;
}

/**
 * The value an untyped binding of `name` holds at `use`: `let name = value;` (the value itself) or a match arm
 * `Some(name) =>`/`Ok(name) =>` (the scrutinee, one layer in). Undefined when the binding is anything else.
 */
function bindingValue(use: Node, ancestors: readonly Node[], name: string): { value: Node; unwrap: number } | undefined {
  let child = use;
  for (const p of ancestors) {
    if (p.type === 'block') {
      let found: Node | undefined;
      for (const c of p.namedChildren) {
        if (!c || c.startIndex >= child.startIndex) break;
        if (c.type === 'let_declaration' && bindsName(c.childForFieldName('pattern'), name)) found = c;
      }
      if (found) {
        const pattern = found.childForFieldName('pattern');
        const value = found.childForFieldName('value');
        if (pattern?.type !== 'identifier' || !value || found.childForFieldName('type') || found.childForFieldName('alternative')) return undefined;
        return { value, unwrap: 0 };
      }
    } else if (p.type === 'match_arm' && p.childForFieldName('value')?.equals(child)) {
      const pattern = p.childForFieldName('pattern');
      if (!bindsName(pattern, name)) {
        child = p;
        continue;
      }
      const m = /^(?:Some|Ok)\s*\(\s*(\w+)\s*\)$/.exec(pattern?.text ?? '');
      const scrutinee = p.parent?.parent?.type === 'match_expression' ? p.parent.parent.childForFieldName('value') : null;
      return m && m[1] === name && scrutinee ? { value: scrutinee, unwrap: 1 } : undefined;
    } else if (['closure_expression', 'function_item', 'for_expression', 'if_expression', 'while_expression'].includes(p.type)) {
      // A parameter, loop variable or `if let` may bind the name: that is bindingType's to read.
      return undefined;
    }
    child = p;
  }
  return undefined;
}

const letBindings = new Map<string, RegExp>();

/** `let`, then `name` before any `;` (kept per name: most files use one or two receiver names). */
function letBindingOf(name: string): RegExp {
  let re = letBindings.get(name);
  if (!re) {
    re = new RegExp(`\\blet\\b[^;]*\\b${name}\\b`);
    if (letBindings.size > 1000) letBindings.clear();
    letBindings.set(name, re);
  }
  return re;
}

function bindsInLetChain(cond: Node, name: string): boolean {
  let found = false;
  walk(cond, (n) => {
    if (n.type === 'let_condition' && bindsName(n.childForFieldName('pattern'), name)) found = true;
    return !found;
  });
  return found;
}

export default defineRule({
  id: 'vma-mixedmap-required',
  severity: 'error',
  since: knowledgeBase().lookup(INSERT)[0]?.since,
  docs: {
    what:
      'Flags `vm_insert_page` called on a `VmaRef` or `VmaNew` (as the declared type of a parameter or `let` binding shows, or, with no type written, the knowledge-base signatures of the calls that produce it: `guard.vma_lookup(a).ok_or(E)?.vm_insert_page(…)`, an untyped `let`, a `Some(vma) =>` arm), or written as `VmaRef::vm_insert_page` / `VmaNew::vm_insert_page`.',
    why:
      '`vm_insert_page` exists only on `VmaMixedMap`, the view of a VMA known to have VM_MIXEDMAP set; the kernel would otherwise refuse the insertion. ' +
      'The compiler only says "no method named `vm_insert_page`", which hides that the fix is one call away.',
    example: 'fn mmap(_dev: &Device, _file: &File, vma: &VmaNew) -> Result {\n    vma.vm_insert_page(vma.start(), &page)\n}',
    useInstead:
      '// in mmap, VM_MIXEDMAP can still be set:\nvma.set_mixedmap().vm_insert_page(vma.start(), &page)\n// later, e.g. on a VmaRef from vma_lookup():\nvma.as_mixedmap_vma().ok_or(EINVAL)?.vm_insert_page(addr, &page)',
  },
  check(ctx) {
    if (!ctx.text.includes('vm_insert_page')) return;
    const kb = knowledgeBase();
    if (!surelyAvailable(kb, INSERT, ctx.target)) return;
    const scope = ctx.scope;
    const hasVia = (v: View): boolean => !!surelyAvailable(kb, `${VIRT}::${v.type}::${v.via}`, ctx.target);
    const message = (v: View, what: string): string =>
      `\`${v.type}\` has no \`vm_insert_page\` in Linux ${ctx.target}, ${what}; call it on the \`VmaMixedMap\` from \`${v.via}()\`.`;
    const structure = structureOf(ctx.root);
    const skipped = insideSkipped(structure, ['macro_definition', 'macro_invocation']);
    // Whether a block holds any `let` before a call, from the places of `let` in the whole text (blocks nest, and
    // reading each one's text again would cost the square of the nesting).
    const hasLet = containsMatch(structure, LET_WORD);
    let ownMethods: boolean | undefined;
    const ownsViewMethod = (): boolean => (ownMethods ??= OWN_VIEW_METHOD.test(ctx.text));
    for (const { call: node, ancestors } of namedCalls(ctx.root, ctx.text, 'vm_insert_page')) {
      if (skipped(node)) continue;
      const fn = node.childForFieldName('function');
      if (fn?.type === 'field_expression') {
        const field = fn.childForFieldName('field');
        const receiver = fn.childForFieldName('value');
        if (field?.text !== 'vm_insert_page' || !receiver) continue;
        if (receiver.type !== 'identifier') {
          // A method chain (`mm.vma_lookup(a).ok_or(E)?.vm_insert_page(…)`): its type from the signatures.
          const got = ownsViewMethod() ? undefined : inferView(receiver, ctx.target);
          if (!got || got.wraps !== 0 || got.view === 'mixed' || !hasVia(got.view)) continue;
          ctx.report(field, message(got.view, `and the receiver is a \`&${got.view.type}\``));
          continue;
        }
        const type = bindingType(node, ancestors, receiver.text, ctx.text, hasLet);
        let view = type ? viewOfType(type, scope, ctx.target) : undefined;
        if (type === null) {
          // No type written: an untyped `let` or a `Some(vma) =>` arm, typed by what its value calls.
          const bound = bindingValue(node, ancestors, receiver.text);
          const got = bound && !ownsViewMethod() ? inferView(bound.value, ctx.target) : undefined;
          if (bound && got && got.wraps === bound.unwrap && got.view !== 'mixed') view = got.view;
        }
        if (!view || !hasVia(view)) continue;
        const fixes: Fix[] =
          view.type === 'VmaNew'
            ? [{ title: `Call \`${view.via}()\` first`, edits: [{ range: nodeRange(receiver), newText: `${receiver.text}.${view.via}()` }] }]
            : [];
        ctx.report(field, message(view, `and \`${receiver.text}\` is a \`&${view.type}\``), fixes);
      } else if (fn?.type === 'scoped_identifier' && fn.childForFieldName('name')?.text === 'vm_insert_page') {
        const path = fn.childForFieldName('path');
        const view = path ? viewOfType(path, scope, ctx.target) : undefined;
        if (view && hasVia(view)) ctx.report(fn.childForFieldName('name') ?? fn, message(view, 'only `VmaMixedMap` has it'));
      }
    }
  },
});
