/** hrtimer-missing-has-hr-timer: a type implements `HrTimerCallback` but nothing links it to its `HrTimer` field. */
import type { Node } from 'web-tree-sitter';
import { namesKernelItem } from '../semantics/kernel-refs';
import type { Fix } from '../core/types';
import { knowledgeBase, surelyAvailable } from '../kb';
import { containsText, spansOutside, structureOf } from '../syntax/structure';
import { walk } from '../parsing/walk';
import { defineRule } from './engine';
import { plainTypeName, readHasHrTimer } from '../syntax/has-hr-timer-macro';
import { type Scope } from '../semantics/scope';

const CALLBACK = 'kernel::time::hrtimer::HrTimerCallback';
const HR_TIMER = 'kernel::time::hrtimer::HrTimer';
const MACRO = 'kernel::impl_has_hr_timer';
const BARE = 'syntax::impl-has-hr-timer-bare';
const NAMES = new Set(['HasHrTimer', 'impl_has_hr_timer']);

/** What the file says about `HasHrTimer`: the type names it is implemented for, or that it cannot tell. */
interface Coverage {
  types: Set<string>;
  /** A macro definition, a blanket impl or an unreadable invocation may implement it for any type. */
  anything: boolean;
}

function identifiersIn(node: Node): string[] {
  const out: string[] = [];
  walk(node, (n) => {
    if (n.type === 'identifier' || n.type === 'type_identifier') out.push(n.text);
    return true;
  });
  return out;
}

/** Can the node's text hold one of NAMES as an identifier? (A cheap test before walking its tokens.) */
function mentionsNames(text: string, start: number, end: number): boolean {
  const slice = text.slice(start, end);
  return slice.includes('HasHrTimer') || slice.includes('impl_has_hr_timer');
}

function coverage(root: Node): Coverage {
  const cov: Coverage = { types: new Set(), anything: false };
  const aliases: Node[] = [];
  const structure = structureOf(root);
  const text = structure.text;
  const mentionsTrait = containsText(structure, 'HasHrTimer');
  for (const { node, type, start, end } of spansOutside(structure, ['macro_definition', 'macro_invocation', 'impl_item', 'type_item'], ['macro_definition', 'macro_invocation'])) {
    if (type === 'macro_definition') {
      if (mentionsNames(text, start, end) && identifiersIn(node).some((t) => NAMES.has(t))) cov.anything = true;
      continue;
    }
    if (type === 'macro_invocation') {
      if (!mentionsNames(text, start, end)) continue;
      const read = readHasHrTimer(node);
      if (read) {
        if (read.selfName && !read.hasMetavariables) cov.types.add(read.selfName);
        else cov.anything = true;
        continue;
      }
      // Another macro mentioning the trait or the macro (a wrapper, `cfg_if!`…): every name in it may be covered.
      const ids = identifiersIn(node);
      if (ids.some((t) => NAMES.has(t))) ids.forEach((t) => cov.types.add(t));
      continue;
    }
    if (type === 'impl_item') {
      if (!mentionsTrait(start, end)) continue;
      const trait = node.childForFieldName('trait');
      const implType = node.childForFieldName('type');
      const segs = trait?.type === 'generic_type' ? trait.childForFieldName('type') : trait;
      const last = segs?.type === 'scoped_type_identifier' ? segs.childForFieldName('name') : segs;
      if (last?.text === 'HasHrTimer' && implType) {
        const name = plainTypeName(implType);
        const params = node.childForFieldName('type_parameters');
        const blanket = !name || !!params?.namedChildren.some((p) => p && identifiersIn(p)[0] === name);
        if (blanket) cov.anything = true;
        else cov.types.add(name);
      }
      continue;
    }
    aliases.push(node);
  }
  // `type Alias = Foo;` with the link written for `Alias` covers `Foo` as well.
  for (const alias of aliases) {
    const value = alias.childForFieldName('type');
    if (value && cov.types.has(alias.childForFieldName('name')?.text ?? '')) identifiersIn(value).forEach((t) => cov.types.add(t));
  }
  return cov;
}

function definedTypes(root: Node): Map<string, Node[]> {
  const out = new Map<string, Node[]>();
  for (const { node } of spansOutside(structureOf(root), ['struct_item', 'enum_item', 'union_item'], ['macro_definition', 'macro_invocation'])) {
    const name = node.childForFieldName('name')?.text;
    if (name) out.set(name, [...(out.get(name) ?? []), node]);
  }
  return out;
}

/** The single `HrTimer<Self>` / `HrTimer<Name>` field of a non-generic struct, when there is exactly one. */
function timerField(def: Node, name: string, scope: Scope, target: string): string | undefined {
  if (def.type !== 'struct_item' || def.childForFieldName('type_parameters')) return undefined;
  const body = def.childForFieldName('body');
  if (body?.type !== 'field_declaration_list') return undefined;
  const found: string[] = [];
  for (const f of body.namedChildren) {
    const type = f?.type === 'field_declaration' ? f.childForFieldName('type') : null;
    const base = type?.type === 'generic_type' ? type.childForFieldName('type') : null;
    if (!type || !base || !namesKernelItem(base, scope, target, HR_TIMER)) continue;
    const args = type.childForFieldName('type_arguments')?.namedChildren ?? [];
    const arg = args.length === 1 ? args[0]?.text : undefined;
    const fname = f?.childForFieldName('name')?.text;
    if (fname && (arg === 'Self' || arg === name)) found.push(fname);
    else return undefined;
  }
  return found.length === 1 ? found[0] : undefined;
}

/** How this file can name the macro: an import of it, `crate::` inside the kernel crate, else `kernel::`. */
function macroPath(scope: Scope): string {
  for (const [local, path] of scope.imports) if (path === MACRO && local) return local;
  return scope.crateName === 'kernel' ? 'crate::impl_has_hr_timer' : MACRO;
}

export default defineRule({
  id: 'hrtimer-missing-has-hr-timer',
  severity: 'warning',
  since: knowledgeBase().lookup(CALLBACK)[0]?.since,
  docs: {
    what:
      'Flags a struct defined in this file that implements `kernel::time::hrtimer::HrTimerCallback` while nothing in the file implements `HasHrTimer` for it (neither `impl_has_hr_timer!` nor a hand-written `unsafe impl HasHrTimer<…>`). ' +
      'Types defined in another file, and files whose own macros could generate the impl, are left alone.',
    why:
      'The callback alone does nothing: starting the timer, and from 6.17 even `HrTimer::new()`, needs `HasHrTimer<Self>` to find the timer field inside the struct. ' +
      'The compiler then reports an unsatisfied trait bound far away, at the `start` call or the pointer type.',
    example:
      'struct Blinker {\n    #[pin]\n    timer: HrTimer<Self>,\n}\n\nimpl HrTimerCallback for Blinker {\n    type Pointer<\'a> = Arc<Self>;\n    fn run(this: ArcBorrow<\'_, Self>) -> HrTimerRestart {\n        HrTimerRestart::NoRestart\n    }\n}',
    useInstead:
      '// 6.15–6.16\nkernel::impl_has_hr_timer! {\n    impl HasHrTimer<Self> for Blinker { self.timer }\n}\n// 6.17 and later\nkernel::impl_has_hr_timer! {\n    impl HasHrTimer<Self> for Blinker { mode: RelativeMode<Monotonic>, field: self.timer }\n}',
  },
  check(ctx) {
    // Every way of naming the trait spells it somewhere in the file (an import, an alias, or the use itself).
    if (!ctx.text.includes('HrTimerCallback')) return;
    const kb = knowledgeBase();
    if (!surelyAvailable(kb, CALLBACK, ctx.target)) return;
    const scope = ctx.scope;
    const impls = ctx.kernelTraitImpls(CALLBACK);
    if (impls.length === 0) return;
    const cov = coverage(ctx.root);
    if (cov.anything) return;
    const defined = definedTypes(ctx.root);
    const bareForm = !!surelyAvailable(kb, BARE, ctx.target);
    for (const impl of impls) {
      const name = impl.typeName;
      const defs = name ? defined.get(name) : undefined;
      if (!name || !defs || defs.length !== 1 || cov.types.has(name)) continue;
      const fixes: Fix[] = [];
      const field = bareForm && impl.type.type === 'type_identifier' ? timerField(defs[0], name, scope, ctx.target) : undefined;
      if (field) {
        const indent = ' '.repeat(impl.impl.startPosition.column);
        const end = { line: impl.impl.endPosition.row, character: impl.impl.endPosition.column };
        fixes.push({
          title: `Add \`impl_has_hr_timer!\` for \`${name}\``,
          edits: [
            {
              range: { start: end, end },
              newText: `\n\n${indent}${macroPath(scope)}! {\n${indent}    impl HasHrTimer<Self> for ${name} { self.${field} }\n${indent}}`,
            },
          ],
        });
      }
      ctx.report(
        impl.type,
        `\`${name}\` implements \`HrTimerCallback\` but nothing in this file implements \`HasHrTimer<${name}>\` for it; add \`impl_has_hr_timer!\` naming its \`HrTimer\` field.`,
        fixes,
      );
    }
  },
});
