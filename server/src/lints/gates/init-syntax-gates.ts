/**
 * Version-gated syntax around the pin-init macros: the zero-fill tail's two spellings, `_: { … }` code blocks, the
 * 7.0 forms (`? E` on `pin_init!`/`init!`, `#[default_error(E)]`, attributes on fields), `#[derive(Zeroable)]` on a
 * union (6.16), the 7.3 merge of `__pinned_init` into `PinInit::__init`, and `use` lines that import a pin-init macro
 * or attribute by a path the target lacks. Every fact comes from the knowledge base's entries.
 */
import type { Node } from 'web-tree-sitter';
import { knowledgeBase, lastSegment, sureStatusAt, sureStatusOf, type ItemStatus } from '../../kb';
import type { KbItem } from '../../kb/types';
import { type RuleContext } from '../engine';
import { attributePath, attributeArguments, attributesBefore, innerTokens, spanOf, type InitMacro } from '../../syntax/macro-body';
import { offsetInRun, occurrencesInRun, sourceText } from '../../parsing/tree-session';
import { resolveSegments } from '../../semantics/resolve';
import type { Fix, Range } from '../../core/types';
import { nodeRange } from '../../parsing/walk';
import { type Scope, canonicalRoot } from '../../semantics/scope';
import { segmentsOf } from '../../semantics/path-segments';
import { type UseLeaf } from '../../semantics/use-trees';

/** One use of macro syntax the target release does not accept. */
export interface SyntaxGate {
  range: Range;
  state: 'not-yet' | 'removed';
  message: string;
  fixes: Fix[];
}

/** Does this call name the kernel's or the `pin_init` crate's macro (not a local macro of the same name)? */
function isKernelInitMacro(m: InitMacro, scope: Scope): boolean {
  const segs = m.path.map((p) => p.text);
  if (segs.length > 1) return ['kernel', 'pin_init'].includes(segs[0]) || (segs[0] === 'crate' && ['kernel', 'pin_init'].includes(scope.crateName ?? ''));
  if (scope.crateName === 'kernel' || scope.crateName === 'pin_init') return true;
  const imported = scope.imports.get(segs[0]);
  if (imported !== undefined) return /^(::)?(kernel|pin_init)::/.test(imported);
  if (scope.locals.has(`${segs[0]}!`)) return false;
  return scope.globs.some((g) => g === 'pin_init' || g === 'kernel::prelude');
}

/** The `#[default_error(…)]` attribute at the head of an init macro: its `#` and bracket tokens. */
function defaultErrorAttribute(m: InitMacro): Node[] | undefined {
  const [hash, bracket] = m.typeTokens;
  if (hash?.type !== '#' || bracket?.type !== 'token_tree') return undefined;
  const inner = innerTokens(bracket);
  return inner[0]?.text === 'default_error' ? [hash, bracket] : undefined;
}

/** Gates inside the four init macros. */
function macroGates(ctx: RuleContext, scope: Scope, out: SyntaxGate[]): void {
  const macros = ctx.initMacros;
  const zeroed = sureStatusOf(knowledgeBase(), 'syntax::zeroed-tail', ctx.target);
  const initZeroed = sureStatusOf(knowledgeBase(), 'syntax::init-zeroed-tail', ctx.target);
  const block = sureStatusOf(knowledgeBase(), 'syntax::init-code-block', ctx.target);
  const suffix = sureStatusOf(knowledgeBase(), 'syntax::init-error-suffix', ctx.target);
  const defaultError = sureStatusOf(knowledgeBase(), 'syntax::default-error-attr', ctx.target);
  const fieldAttrs = sureStatusOf(knowledgeBase(), 'syntax::init-field-attributes', ctx.target);
  const tailFix = (method: Node | undefined, name: string, available: ItemStatus | undefined): Fix[] =>
    method && available?.state === 'available'
      ? [{ title: `Use \`..Zeroable::${name}()\``, edits: [{ range: nodeRange(method), newText: name }] }]
      : [];
  for (const m of macros) {
    if (m.hasMetavariables) continue;
    const tail = m.tail;
    if (tail?.kind === 'zeroed' && zeroed && zeroed.state !== 'available') {
      const range = spanOf(tail.tokens);
      if (zeroed.state === 'removed') {
        out.push({
          range,
          state: 'removed',
          message: `The \`..Zeroable::zeroed()\` tail is not in Linux ${ctx.target} (removed in ${zeroed.until}); use \`..Zeroable::init_zeroed()\`.`,
          fixes: tailFix(tail.method, 'init_zeroed', initZeroed),
        });
      } else {
        out.push({ range, state: 'not-yet', message: `The \`..Zeroable::zeroed()\` tail is not in Linux ${ctx.target} (added in ${zeroed.since}).`, fixes: [] });
      }
    }
    if (tail?.kind === 'init_zeroed' && initZeroed?.state === 'not-yet') {
      out.push({
        range: spanOf(tail.tokens),
        state: 'not-yet',
        message: `The \`..Zeroable::init_zeroed()\` tail is not in Linux ${ctx.target} (added in ${initZeroed.since}); use \`..Zeroable::zeroed()\`.`,
        fixes: tailFix(tail.method, 'zeroed', zeroed),
      });
    }
    if (block?.state === 'not-yet') {
      for (const f of m.fields) {
        if (f.kind !== 'block') continue;
        out.push({
          range: { start: nodeRange(f.tokens[0]).start, end: nodeRange(f.operator[0]).end },
          state: 'not-yet',
          message: `\`_: { … }\` code blocks in \`${m.name}!\` are not in Linux ${ctx.target} (added in ${block.since}).`,
          fixes: [],
        });
      }
    }
    const kernelMacro = isKernelInitMacro(m, scope);
    if (!kernelMacro) continue;
    if (m.errorSuffix && (m.name === 'pin_init' || m.name === 'init') && suffix?.state === 'not-yet') {
      const fallible = `try_${m.name}`;
      out.push({
        range: spanOf([m.errorSuffix.question, ...m.errorSuffix.type]),
        state: 'not-yet',
        message: `A \`? Error\` suffix on \`${m.name}!\` is not in Linux ${ctx.target} (added in ${suffix.since}); use \`${fallible}!\`.`,
        fixes: tryRenameWorks(m, scope, ctx.target) ? [{ title: `Use \`${fallible}!\``, edits: [{ range: nodeRange(m.path[m.path.length - 1]), newText: fallible }] }] : [],
      });
    }
    const attr = defaultErrorAttribute(m);
    if (attr && defaultError?.state === 'not-yet') {
      out.push({
        range: spanOf(attr),
        state: 'not-yet',
        message: `\`#[default_error(…)]\` in \`${m.name}!\` is not in Linux ${ctx.target} (added in ${defaultError.since}).`,
        fixes: [],
      });
    }
    if (fieldAttrs?.state === 'not-yet') {
      for (const f of m.fields) {
        if (f.attributes.length === 0) continue;
        out.push({
          range: spanOf(f.attributes.flat()),
          state: 'not-yet',
          message: `Attributes on fields of \`${m.name}!\` are not in Linux ${ctx.target} (added in ${fieldAttrs.since}).`,
          fixes: [],
        });
      }
    }
  }
}

/** Would renaming `pin_init!` to `try_pin_init!` (same prefix) name a macro the target has that takes `? E`? */
function tryRenameWorks(m: InitMacro, scope: Scope, target: string): boolean {
  const segs = m.path.map((p) => p.text);
  const tryName = `try_${segs[segs.length - 1]}`;
  if (segs.length > 1) {
    const path = [...segs.slice(0, -1), tryName].join('::') + '!';
    return ['kernel', 'pin_init'].includes(segs[0]) && sureStatusOf(knowledgeBase(), path, target)?.state === 'available';
  }
  const imported = scope.imports.get(tryName);
  if (imported !== undefined) return imported.startsWith('kernel::');
  return scope.globs.includes('kernel::prelude') && !scope.globs.includes('pin_init');
}

/** Is `Zeroable` in this derive list the kernel's derive (prelude, `pin_init` or `macros`)? */
function kernelZeroable(spelled: string, scope: Scope): boolean {
  if (spelled.includes('::')) return /^(::)?(pin_init|kernel::prelude|macros)::Zeroable$/.test(spelled);
  if (scope.crateName === 'kernel' || scope.crateName === 'pin_init') return true;
  const imported = scope.imports.get('Zeroable');
  if (imported !== undefined) return /^(::)?(kernel|pin_init|macros)::/.test(imported);
  if (scope.locals.has('Zeroable')) return false;
  return scope.globs.some((g) => g === 'pin_init' || g === 'kernel::prelude');
}

/** `#[derive(Zeroable)]` on unions before the release whose derive accepts them. */
function unionGates(ctx: RuleContext, scope: Scope, out: SyntaxGate[]): void {
  const status = sureStatusOf(knowledgeBase(), 'syntax::zeroable-union', ctx.target);
  if (status?.state !== 'not-yet' || !ctx.text.includes('Zeroable')) return;
  for (const at of occurrencesInRun(ctx.root, ctx.text, 'union')) {
    const kw = ctx.root.descendantForIndex(at, at + 5);
    const union = kw?.type === 'union' ? kw.parent : null;
    if (!union || union.type !== 'union_item') continue;
    for (const attr of attributesBefore(union)) {
      if (attributePath(attr) !== 'derive') continue;
      const args = attributeArguments(attr);
      if (!args) continue;
      const names = args.text.slice(1, -1).split(',').map((n) => n.replace(/\s+/g, ''));
      const hit = names.find((n) => lastSegment(n) === 'Zeroable' && kernelZeroable(n, scope));
      if (!hit) continue;
      out.push({
        range: nodeRange(attr),
        state: 'not-yet',
        message: `\`#[derive(Zeroable)]\` on a union is not in Linux ${ctx.target} (added in ${status.since}); implement \`Zeroable\` by hand.`,
        fixes: [],
      });
    }
  }
}

/** The 7.3 merge of `PinInit::__pinned_init` into `PinInit::__init`, and the now empty `Init`. */
function initMethodGates(ctx: RuleContext, scope: Scope, out: SyntaxGate[]): void {
  if (ctx.filePath?.replace(/\\/g, '/').includes('/rust/pin-init/')) return;
  const pinned = sureStatusOf(knowledgeBase(), 'pin_init::PinInit::__pinned_init', ctx.target);
  if (pinned?.state === 'removed' && ctx.text.includes('__pinned_init')) {
    const text = sourceText(ctx.root);
    for (const at of occurrencesInRun(ctx.root, ctx.text, '__pinned_init')) {
      const node = ctx.root.descendantForIndex(at, at + '__pinned_init'.length);
      if (!node || (node.type !== 'identifier' && node.type !== 'field_identifier')) continue;
      if (node.startIndex !== at || node.endIndex !== at + '__pinned_init'.length || /\w/.test(text[at + '__pinned_init'.length] ?? '')) continue;
      if (namedByKnownPath(node, scope, ctx.target)) continue; // the api-removed path gate reports it
      out.push({
        range: nodeRange(node),
        state: 'removed',
        message: `\`pin_init::PinInit::__pinned_init\` is not in Linux ${ctx.target} (removed in ${pinned.until}); the method is \`__init\` (call sites: \`pin_init::raw_try_init\`).`,
        fixes: [{ title: 'Rename to `__init`', edits: [{ range: nodeRange(node), newText: '__init' }] }],
      });
    }
  }
  const initInit = sureStatusOf(knowledgeBase(), 'pin_init::Init::__init', ctx.target);
  if (initInit?.state !== 'removed' || !ctx.text.includes('__init')) return;
  for (const at of occurrencesInRun(ctx.root, ctx.text, 'fn __init')) {
    const name = ctx.root.descendantForIndex(at + 3, at + 3 + '__init'.length);
    const fn = name?.type === 'identifier' && name.text === '__init' ? name.parent : null;
    const impl = fn?.type === 'function_item' ? fn.parent?.parent : null;
    if (!name || !impl || impl.type !== 'impl_item') continue;
    const trait = impl.childForFieldName('trait');
    const traitName = trait?.type === 'generic_type' ? trait.childForFieldName('type') : trait;
    const spelled = traitName?.text.replace(/\s+/g, '');
    if (!spelled || !/^((::)?(pin_init|kernel::prelude|kernel::init)::)?Init$/.test(spelled)) continue;
    out.push({
      range: nodeRange(name),
      state: 'removed',
      message: `\`pin_init::Init::__init\` is not in Linux ${ctx.target} (removed in ${initInit.until}): \`Init\` is a marker trait; move this body into \`unsafe impl PinInit\`'s \`__init\`.`,
      fixes: [],
    });
  }
}

/** Is this name the last segment of a path (`PinInit::__pinned_init`) that resolves to a knowledge-base entry? */
function namedByKnownPath(name: Node, scope: Scope, target: string): boolean {
  const path = name.parent;
  if (path?.type !== 'scoped_identifier') return false;
  const segs = segmentsOf(path);
  const kb = knowledgeBase();
  const resolved = segs ? resolveSegments(segs.map((s) => s.text), scope, kb, target) : undefined;
  return resolved !== undefined && kb.lookup(resolved).length > 0;
}

/** The forms a `use` of a name can import besides the plain path: the macro and the attribute or derive of that name. */
function importedForms(path: string): string[] {
  const i = path.lastIndexOf('::');
  const head = path.slice(0, i);
  const name = path.slice(i + 2);
  return [`${path}!`, `${head}::#[${name}]`, `${head}::#[derive(${name})]`];
}

/** The kernel entry a `use` of this path imports at the target, when all of its namespaces are surely missing. */
function missingImport(path: string, target: string): { item: KbItem; status: Exclude<ItemStatus, { state: 'available' }>; form: string } | undefined {
  const kb = knowledgeBase();
  if (kb.lookup(path).length > 0) return undefined; // the plain path is the version gate's business
  let found: { item: KbItem; status: Exclude<ItemStatus, { state: 'available' }>; form: string } | undefined;
  for (const form of importedForms(path)) {
    const item = kb.resolve(form, target);
    if (!item) continue;
    const status = sureStatusAt(item, target);
    if (!status || status.state === 'available') return undefined;
    found ??= { item, status, form };
  }
  return found;
}

/** The path a replacement entry is imported by (`pin_init::#[pin_data]` → `pin_init::pin_data`). */
function importSpelling(path: string): string {
  return path.replace(/!$/, '').replace(/::#\[(?:derive\()?([A-Za-z_][A-Za-z0-9_]*)\)?\]$/, '::$1');
}

/** `use` lines naming a pin-init macro or attribute the target lacks (`use pin_init::pin_data;` before 6.15). */
function importGates(ctx: RuleContext, scope: Scope, out: SyntaxGate[]): void {
  for (const leaf of scope.leaves) {
    if (leaf.glob || leaf.segments.length < 2 || !offsetInRun(ctx.root, leaf.segments[0].start)) continue;
    const full = canonicalRoot(leaf.path, scope.crateName);
    if (!/^(kernel|pin_init|macros)::/.test(full)) continue;
    const miss = missingImport(full, ctx.target);
    if (!miss) continue;
    const shown = importSpelling(miss.form) === full ? miss.form : full;
    if (miss.status.state === 'not-yet') {
      out.push({ range: nodeRange(leaf.node), state: 'not-yet', message: `\`${shown}\` is not in Linux ${ctx.target} (added in ${miss.status.since}).`, fixes: [] });
      continue;
    }
    const replacement = miss.status.replacement;
    out.push({
      range: nodeRange(leaf.node),
      state: 'removed',
      message: `\`${shown}\` is not in Linux ${ctx.target} (removed in ${miss.status.until})${replacement ? `; use \`${replacement}\`` : ''}.`,
      fixes: replacement ? importFix(leaf, replacement) : [],
    });
  }
}

/** Rewrites a whole, ungrouped `use` path to the replacement's import spelling (a pure move keeps its name). */
function importFix(leaf: UseLeaf, replacement: string): Fix[] {
  const whole = leaf.node.parent;
  const newPath = importSpelling(replacement);
  if (!whole || whole.type !== 'scoped_identifier' || whole.text.replace(/\s+/g, '') !== leaf.path) return [];
  if (lastSegment(newPath) !== lastSegment(leaf.path)) return [];
  return [{ title: `Replace with \`${newPath}\``, edits: [{ range: nodeRange(whole), newText: newPath }] }];
}

/** Finds pin-init syntax that the target release lacks or no longer has (facts from the knowledge base). */
export function initSyntaxGates(ctx: RuleContext): SyntaxGate[] {
  return ctx.memo('pin-init:syntax-gates', () => {
    const scope = ctx.scope;
    const out: SyntaxGate[] = [];
    macroGates(ctx, scope, out);
    unionGates(ctx, scope, out);
    initMethodGates(ctx, scope, out);
    importGates(ctx, scope, out);
    return out;
  });
}
