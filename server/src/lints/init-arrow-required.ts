/** init-arrow-required: `field: <initializer>` inside an init macro, which stores the initializer itself. */
import { defineRule } from './engine';
import { structFor } from '../syntax/macro-body';
import { classifyTokens, pinInitFile, PIN_INIT_SINCE } from '../semantics/pin-init-facts';
import { nodeRange } from '../parsing/walk';

export default defineRule({
  id: 'init-arrow-required',
  // pin-init arrived in 6.4; before it none of this syntax exists.
  since: PIN_INIT_SINCE,
  severity: 'error',
  docs: {
    what: 'Flags a field in `pin_init!`/`try_pin_init!`/`init!`/`try_init!` that is given an initializer (`new_mutex!(…)`, `Mutex::new(…)`, `HrTimer::new()`, a nested `pin_init!(…)` …) with `:` instead of `<-`.',
    why: '`field: expr` moves a finished value into the field, but these calls return an initializer (`impl PinInit<T>`), not a `T`; the build fails with a type mismatch. `field <- expr` runs the initializer directly in the field\'s memory.',
    example: 'pin_init!(Self { lock: new_mutex!(0) })',
    useInstead: 'pin_init!(Self { lock <- new_mutex!(0) })',
  },
  check(ctx) {
    const facts = pinInitFile(ctx);
    const { scope, macros, structs, initializers } = facts;
    for (const m of macros) {
      if (m.hasMetavariables) continue;
      const s = structFor(m, structs);
      for (const entry of m.fields) {
        if (entry.kind !== 'colon' || !entry.name) continue;
        const kind = classifyTokens(entry.value, scope, ctx.filePath, initializers, ctx.target, facts.hints);
        if (!kind) continue;
        // A field whose declared type is a bare generic parameter may legitimately hold an initializer.
        const declared = s?.fields.find((f) => f.name === entry.name?.text);
        const params = s?.node.childForFieldName('type_parameters')?.text ?? '';
        if (declared && declared.type.type === 'type_identifier' && new RegExp(`\\b${declared.type.text}\\b`).test(params)) continue;
        const colon = entry.operator[0];
        ctx.report(
          { start: nodeRange(entry.name).start, end: nodeRange(colon).end },
          `Field \`${entry.name.text}\` is given the initializer \`${kind.label}\` with \`:\`, which stores the initializer itself; write \`${entry.name.text} <- …\` to run it in place.`,
          [{ title: `Use \`${entry.name.text} <- …\``, edits: [{ range: nodeRange(colon), newText: ' <-' }] }],
        );
      }
    }
  },
});
