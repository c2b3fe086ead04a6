/** unpinned-phantom-pinned: a `PhantomPinned` field of a `#[pin_data]` struct without `#[pin]`. */
import { knowledgeBase, surelyAvailable } from '../kb';
import { defineRule } from './engine';
import { insertAttributeBefore, pinInitFile } from '../semantics/pin-init-facts';

/** Up to 6.19 `#[pin_data]` stops the build on an unpinned `PhantomPinned`; from 7.0 it warns. */
const REJECTED = 'syntax::unpinned-phantom-pinned-error';
const WARNED = 'syntax::unpinned-phantom-pinned-warning';

/**
 * The spellings `#[pin_data]` itself recognises as `PhantomPinned` (it matches the tokens, not the resolved type):
 * the bare name, `marker::PhantomPinned`, and `core::`/`std::` paths with or without a leading `::`.
 */
const PHANTOM_PINNED = /^(?:(?:::\s*)?(?:core|std)\s*::\s*)?(?:marker\s*::\s*)?PhantomPinned$/;

export default defineRule({
  id: 'unpinned-phantom-pinned',
  since: knowledgeBase().lookup(REJECTED)[0]?.since,
  severity: 'warning',
  docs: {
    what: 'Flags a field of type `PhantomPinned` in a `#[pin_data]` struct that is not marked `#[pin]`.',
    why: 'A `PhantomPinned` field exists to make its struct `!Unpin`, but `#[pin_data]` decides `Unpin` from the `#[pin]` fields only, so an unpinned `PhantomPinned` does nothing and the struct can still be moved out of its `Pin`. Up to 6.19 `#[pin_data]` refuses such a field with a compile error; from 7.0 it only warns.',
    example: '#[pin_data]\nstruct Node {\n    next: *const Node,\n    _pin: PhantomPinned,\n}',
    useInstead: '#[pin_data]\nstruct Node {\n    next: *const Node,\n    #[pin]\n    _pin: PhantomPinned,\n}',
  },
  check(ctx) {
    if (!ctx.text.includes('PhantomPinned')) return;
    const kb = knowledgeBase();
    const rejected = !!surelyAvailable(kb, REJECTED, ctx.target);
    if (!rejected && !surelyAvailable(kb, WARNED, ctx.target)) return;
    const { structs } = pinInitFile(ctx);
    for (const defs of structs.values()) {
      for (const s of defs) {
        if (!s.pinData) continue;
        for (const f of s.fields) {
          if (f.pin || !PHANTOM_PINNED.test(f.type.text)) continue;
          const effect = rejected ? '`#[pin_data]` rejects it with a compile error' : 'it does not make the struct `!Unpin` (`#[pin_data]` warns)';
          ctx.report(f.nameNode, `Field \`${f.name}\` of \`#[pin_data]\` struct \`${s.name}\` is a \`PhantomPinned\` without \`#[pin]\`: ${effect}.`, [
            { title: `Add \`#[pin]\` to \`${f.name}\``, edits: [insertAttributeBefore(ctx.text, f.declaration, '#[pin]')] },
          ]);
        }
      }
    }
  },
});
