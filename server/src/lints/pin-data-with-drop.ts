/** pin-data-with-drop: an `impl Drop` for a `#[pin_data]` struct of the same file. */
import { knowledgeBase, surelyAvailable } from '../kb';
import { defineRule } from './engine';
import { pinInitFile } from '../semantics/pin-init-facts';

/** The knowledge-base entry for what `#[pin_data]` generates against a `Drop` impl. */
const GUARD = 'syntax::pin-data-drop-guard';
/** Spellings of `core::ops::Drop` an impl may use. */
const DROP_PATHS = new Set(['Drop', 'ops::Drop', 'core::ops::Drop', '::core::ops::Drop', 'std::ops::Drop', '::std::ops::Drop']);

export default defineRule({
  id: 'pin-data-with-drop',
  since: knowledgeBase().lookup(GUARD)[0]?.since,
  severity: 'error',
  docs: {
    what: 'Flags `impl Drop for T` when `T` is a struct of the same file marked `#[pin_data]` or `#[pin_data(PinnedDrop)]`.',
    why: 'A pinned struct may only run drop code through `PinnedDrop`, which receives `Pin<&mut Self>`; a plain `Drop::drop` gets `&mut Self` and could move pinned fields out. `#[pin_data]` therefore makes a direct `Drop` impl collide with code it generates, and the build fails with "conflicting implementations" pointing at the attribute rather than at the impl.',
    example: '#[pin_data]\nstruct Dev {\n    #[pin]\n    lock: Mutex<u32>,\n}\n\nimpl Drop for Dev {\n    fn drop(&mut self) {}\n}',
    useInstead: '#[pin_data(PinnedDrop)]\nstruct Dev {\n    #[pin]\n    lock: Mutex<u32>,\n}\n\n#[pinned_drop]\nimpl PinnedDrop for Dev {\n    fn drop(self: Pin<&mut Self>) {}\n}',
  },
  check(ctx) {
    // Only a file that spells the attribute can have a `#[pin_data]` struct.
    if (!ctx.text.includes('pin_data')) return;
    if (!surelyAvailable(knowledgeBase(), GUARD, ctx.target)) return;
    const { scope, structs } = pinInitFile(ctx);
    // A `Drop` of the file's own, or imported from elsewhere, is not the core trait.
    const ownDrop = scope.locals.has('Drop') || (scope.imports.has('Drop') && !/^(::)?(core|std)::ops::Drop$/.test(scope.imports.get('Drop') ?? ''));
    for (const impl of ctx.traitImpls('Drop')) {
      if (impl.negative || !impl.typeName || !DROP_PATHS.has(impl.trait)) continue;
      if (impl.trait === 'Drop' && ownDrop) continue;
      // The type name must mean the one struct of that name the file defines (not an import of the same name).
      const defs = structs.get(impl.typeName);
      if (!defs || defs.length !== 1 || scope.imports.has(impl.typeName)) continue;
      const s = defs[0];
      if (!s.pinData) continue;
      const how = s.pinnedDrop
        ? '`#[pin_data(PinnedDrop)]` already implements `Drop` for it and calls its `PinnedDrop` impl'
        : 'a `#[pin_data]` struct must not implement `Drop`; use `#[pin_data(PinnedDrop)]` with a `#[pinned_drop] impl PinnedDrop`';
      ctx.report(impl.traitNode, `\`impl Drop for ${s.name}\` conflicts with \`#[pin_data]\`: ${how}.`);
    }
  },
});
