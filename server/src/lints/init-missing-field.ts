/** init-missing-field: an init macro that leaves fields of a struct in this file uninitialised. */
import { knowledgeBase, surelyAvailable } from '../kb';
import { defineRule } from './engine';
import { structFor } from '../syntax/macro-body';
import { pinInitFile, PIN_INIT_SINCE } from '../semantics/pin-init-facts';
import { nodeRange } from '../parsing/walk';

export default defineRule({
  id: 'init-missing-field',
  // pin-init arrived in 6.4; before it none of this syntax exists.
  since: PIN_INIT_SINCE,
  severity: 'error',
  docs: {
    what: 'Flags a `pin_init!`/`try_pin_init!`/`init!`/`try_init!` for a struct defined in the same file that does not mention every field and has no `..Zeroable::init_zeroed()` (before 6.17: `..Zeroable::zeroed()`) tail. A field list where a comma is missing between two entries (`id: 1 len: 2`) is reported as that, not as a missing field.',
    why: 'The init macros write each field in place and then check, with a struct expression the compiler type-checks, that every field was written exactly once. A forgotten field is a build error that points into the macro expansion rather than at the missing name.',
    example: '#[pin_data]\nstruct Dev { #[pin] lock: Mutex<u32>, irq: u32 }\n\npin_init!(Dev { lock <- new_mutex!(0) })',
    useInstead: 'pin_init!(Dev { lock <- new_mutex!(0), irq: 0 })\n// or, when the struct is Zeroable:\npin_init!(Dev { lock <- new_mutex!(0), ..Zeroable::init_zeroed() })',
  },
  check(ctx) {
    const { macros, structs } = pinInitFile(ctx);
    const tail = surelyAvailable(knowledgeBase(), 'syntax::init-zeroed-tail', ctx.target) ? '..Zeroable::init_zeroed()' : '..Zeroable::zeroed()';
    for (const m of macros) {
      if (m.hasMetavariables || !m.body || m.tail || !m.typeName) continue;
      // Anything the reader does not understand (or fields switched on by cfg) means silence.
      if (m.fields.some((f) => f.kind === 'other' || f.attributes.length > 0)) continue;
      const s = structFor(m, structs);
      if (!s || s.tupleOrUnit) continue;
      const listed = new Set(m.fields.filter((f) => f.name).map((f) => f.name?.text));
      const missing = s.fields.filter((f) => !f.cfg && !listed.has(f.name)).map((f) => `\`${f.name}\``);
      if (missing.length === 0) continue;
      // `id: 1 len: 2`: a missing comma, not a missing field; say that instead of listing `len` as missing.
      const glued = m.fields.find((f) => f.missingCommaBefore);
      const before = glued?.missingCommaBefore;
      if (glued && before) {
        const at = glued.value[glued.value.indexOf(before) - 1];
        const end = nodeRange(at).end;
        ctx.report(before, `A comma is missing before \`${before.text}\` in the field list of \`${m.name}!\`, so the macro reads two fields as one.`, [
          { title: 'Insert the missing `,`', edits: [{ range: { start: end, end }, newText: ',' }] },
        ]);
        continue;
      }
      const fields = missing.length === 1 ? `field ${missing[0]}` : `fields ${missing.slice(0, -1).join(', ')} and ${missing[missing.length - 1]}`;
      ctx.report(m.typeName, `\`${m.name}!\` for \`${s.name}\` does not initialise ${fields} and has no \`${tail}\` tail.`);
    }
  },
});
