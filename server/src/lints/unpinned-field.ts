/** unpinned-field: a `#[pin_data]` struct field that must stay pinned but lacks `#[pin]`. */
import type { Node } from 'web-tree-sitter';
import { defineRule } from './engine';
import { structFor, type StructField } from '../syntax/macro-body';
import { addressSensitiveType, classifyTokens, insertAttributeBefore, pathSegments, pinInitFile, resolveKernelPath, PIN_INIT_SINCE } from '../semantics/pin-init-facts';

/** The type node that decides pinning: the type itself, or the element type of an array. */
function outerType(type: Node): Node {
  return type.type === 'array_type' ? (type.childForFieldName('element') ?? type) : type;
}

export default defineRule({
  id: 'unpinned-field',
  // pin-init arrived in 6.4; before it none of this syntax exists.
  since: PIN_INIT_SINCE,
  severity: 'error',
  docs: {
    what: 'Flags fields of a `#[pin_data]` struct that hold an address-sensitive kernel type (`Mutex`, `SpinLock`, `CondVar`, `Completion`, `HrTimer`, `Work`, list links, registrations …) or are initialised in place with a pin-initializer, but are not marked `#[pin]`.',
    why: 'Without `#[pin]` the field is not structurally pinned: `field <- new_mutex!(…)` then requires an `Init` and fails to build with an unsatisfied trait bound, and safe code could move the lock or timer out of the pinned struct while the C side still points at it.',
    example: '#[pin_data]\nstruct Counter {\n    value: Mutex<u64>,\n}',
    useInstead: '#[pin_data]\nstruct Counter {\n    #[pin]\n    value: Mutex<u64>,\n}',
  },
  check(ctx) {
    const facts = pinInitFile(ctx);
    const { scope, macros, structs, initializers } = facts;
    const reported = new Set<StructField>();
    const flag = (structName: string, field: StructField, why: string): void => {
      if (reported.has(field)) return;
      reported.add(field);
      ctx.report(field.nameNode, `Field \`${field.name}\` of \`#[pin_data]\` struct \`${structName}\` ${why} but is not marked \`#[pin]\`.`, [
        { title: `Add \`#[pin]\` to \`${field.name}\``, edits: [insertAttributeBefore(ctx.text, field.declaration, '#[pin]')] },
      ]);
    };
    for (const defs of structs.values()) {
      for (const s of defs) {
        if (!s.pinData) continue;
        for (const f of s.fields) {
          if (f.pin) continue;
          const segs = pathSegments(outerType(f.type));
          if (!segs) continue;
          const path = resolveKernelPath(segs, scope, ctx.filePath);
          if (path === 'local' || path === 'unknown') continue;
          const name = addressSensitiveType(path, ctx.target);
          if (name) flag(s.name, f, `holds \`${name}\`, which must not move once initialised,`);
        }
      }
    }
    for (const m of macros) {
      if (m.hasMetavariables || (m.name !== 'pin_init' && m.name !== 'try_pin_init')) continue;
      const s = structFor(m, structs);
      if (!s || !s.pinData) continue;
      for (const entry of m.fields) {
        if (entry.kind !== 'arrow' || !entry.name) continue;
        const field = s.fields.find((f) => f.name === entry.name?.text);
        if (!field || field.pin) continue;
        const kind = classifyTokens(entry.value, scope, ctx.filePath, initializers, ctx.target, facts.hints);
        if (kind?.pinned) flag(s.name, field, `is initialised in place with \`${kind.label}\` (a pin-initializer)`);
      }
    }
  },
});
