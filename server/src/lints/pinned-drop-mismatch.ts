/**
 * pinned-drop-mismatch: `#[pin_data(PinnedDrop)]` with no `PinnedDrop` impl for the struct, and an
 * `impl PinnedDrop` written without `#[pinned_drop]`.
 */
import type { Fix } from '../core/types';
import { knowledgeBase, surelyAvailable } from '../kb';
import { defineRule } from './engine';
import { attributeArguments, attributePath } from '../syntax/macro-body';
import { insertAttributeBefore, pinInitFile } from '../semantics/pin-init-facts';
import { hasPinnedDropAttribute } from '../semantics/trait-impls';
import { nodeRange } from '../parsing/walk';

/** The knowledge-base entry for the `PinnedDrop` argument of `#[pin_data]`. */
const PINNED_DROP = 'syntax::pin-data-pinned-drop';
/** The paths `#[pinned_drop]` accepts for the trait (it checks them). */
const TRAIT_PATHS = new Set(['PinnedDrop', 'pin_init::PinnedDrop', '::pin_init::PinnedDrop', 'kernel::init::PinnedDrop', 'kernel::prelude::PinnedDrop']);
/**
 * An out-of-line module declaration (`mod x;`): the module's own file may hold the impl. A whole-file test (see
 * FILE_WIDE_TESTS): a line anywhere in the file can silence the rule for a struct in another unit.
 */
export const OUT_OF_LINE_MODULE = /(?:^|\n)[ \t]*(?:pub(?:\([^)\n]*\))?[ \t]+)?mod[ \t]+[A-Za-z_][A-Za-z0-9_]*[ \t]*;/;

/**
 * Whether a macro call or definition anywhere in the text spells `PinnedDrop` (and may so generate the impl): a
 * whole-file test too, as the rule reads it from the whole text, broken parts included.
 */
export const MACRO_SPELLS_PINNED_DROP = {
  source: 'a macro body spelling PinnedDrop',
  test: (text: string): boolean => text.includes('PinnedDrop') && macroSpells(text, 'PinnedDrop'),
};

export default defineRule({
  id: 'pinned-drop-mismatch',
  since: knowledgeBase().lookup(PINNED_DROP)[0]?.since,
  severity: 'error',
  docs: {
    what: 'Flags a struct declared `#[pin_data(PinnedDrop)]` when the file has no `PinnedDrop` impl for it (and no out-of-line module or macro that could supply one), and an `impl PinnedDrop for T` block that lacks the `#[pinned_drop]` attribute. (A `#[pinned_drop]` impl for a struct whose `#[pin_data]` lacks `PinnedDrop` is `missing-pin-data`.)',
    why: 'With `PinnedDrop` in its arguments, `#[pin_data]` writes a `Drop` impl that calls `PinnedDrop::drop`, so the struct must implement `PinnedDrop` or the build fails with an unsatisfied trait bound. The trait itself is `unsafe` and its `drop` takes a hidden token argument; `#[pinned_drop]` supplies both, so an impl written without it does not match the trait.',
    example: '#[pin_data(PinnedDrop)]\nstruct Dev {\n    #[pin]\n    lock: Mutex<u32>,\n}\n\nimpl PinnedDrop for Dev {\n    fn drop(self: Pin<&mut Self>) {}\n}',
    useInstead: '#[pin_data(PinnedDrop)]\nstruct Dev {\n    #[pin]\n    lock: Mutex<u32>,\n}\n\n#[pinned_drop]\nimpl PinnedDrop for Dev {\n    fn drop(self: Pin<&mut Self>) {}\n}',
  },
  check(ctx) {
    // Both halves need the trait's name in the file.
    if (!ctx.text.includes('PinnedDrop')) return;
    if (!surelyAvailable(knowledgeBase(), PINNED_DROP, ctx.target)) return;
    const { scope, structs } = pinInitFile(ctx);
    // Inside the pin-init crate (or a file with its own `PinnedDrop`) the trait is not necessarily the one meant.
    if (scope.locals.has('PinnedDrop') || scope.crateName === 'pin_init') return;
    const impls = ctx.traitImpls('PinnedDrop');
    const implemented = new Set<string>();
    let unreadable = false;
    for (const impl of impls) {
      if (impl.typeName) implemented.add(impl.typeName);
      else unreadable = true;
      if (impl.negative || hasPinnedDropAttribute(impl) || !TRAIT_PATHS.has(impl.trait)) continue;
      // A `drop` that takes the token argument itself was written for the trait as it is, by hand.
      const drop = impl.node.childForFieldName('body')?.namedChildren.find((c) => c?.type === 'function_item' && c.childForFieldName('name')?.text === 'drop');
      const params = drop?.childForFieldName('parameters')?.namedChildren.filter((p) => p?.type !== 'attribute_item') ?? [];
      if (params.length !== 1) continue;
      const fixes: Fix[] = impl.unsafe ? [] : [{ title: 'Add `#[pinned_drop]`', edits: [insertAttributeBefore(ctx.text, impl.attributes[0] ?? impl.node, '#[pinned_drop]')] }];
      ctx.report(
        impl.traitNode,
        `\`impl PinnedDrop for ${impl.typeName ?? impl.typeNode?.text ?? 'this type'}\` needs the \`#[pinned_drop]\` attribute, which makes the impl \`unsafe\` and adds the hidden token argument to \`drop\`.`,
        fixes,
      );
    }
    if (unreadable || OUT_OF_LINE_MODULE.test(ctx.text)) return;
    // A macro call or definition that spells the trait may generate the impl. Read from the whole text, broken code
    // included: a macro being edited may still generate it, and the answer must not depend on which parts parse.
    if (macroSpells(ctx.text, 'PinnedDrop')) return;
    for (const [name, defs] of structs) {
      if (defs.length !== 1 || scope.imports.has(name)) continue;
      const s = defs[0];
      if (!s.pinData || !s.pinnedDrop || implemented.has(name)) continue;
      const path = attributePath(s.pinData) ?? 'pin_data';
      const args = attributeArguments(s.pinData);
      const fixes: Fix[] = args && /^\(\s*PinnedDrop\s*\)$/.test(args.text)
        ? [{ title: `Use \`#[${path}]\``, edits: [{ range: nodeRange(s.pinData), newText: `#[${path}]` }] }]
        : [];
      ctx.report(
        s.nameNode,
        `Struct \`${name}\` is declared \`#[${path}(PinnedDrop)]\` but this file has no \`#[pinned_drop] impl PinnedDrop for ${name}\`.`,
        fixes,
      );
    }
  },
});

/** A macro call (`name!(…)`, `name! {…}`) or `macro_rules!` definition whose bracketed body spells `word`. */
function macroSpells(text: string, word: string): boolean {
  const opener = /\b[A-Za-z_]\w*!\s*(?:[A-Za-z_]\w*\s*)?([({[])/g;
  for (let m = opener.exec(text); m; m = opener.exec(text)) {
    const open = m.index + m[0].length - 1;
    const end = closingBracket(text, open);
    if (text.slice(open, end).includes(word)) return true;
    // Macros nested in this body lie inside the span just read: one pass over the text, however deep the nesting.
    opener.lastIndex = end;
  }
  return false;
}

/** The offset after the bracket that closes the one at `open` (or the end of the text when it never closes). */
function closingBracket(text: string, open: number): number {
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    const c = text[i];
    if (c === '(' || c === '[' || c === '{') depth++;
    else if (c === ')' || c === ']' || c === '}') {
      depth--;
      if (depth === 0) return i + 1;
    }
  }
  return text.length;
}
