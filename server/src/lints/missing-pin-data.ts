/** missing-pin-data: a struct that needs `#[pin_data]` (or `#[pin_data(PinnedDrop)]`) but lacks it. */
import type { Node } from 'web-tree-sitter';
import type { Fix } from '../core/types';
import { spansOutside, structureOf } from '../syntax/structure';
import { defineRule } from './engine';
import { attributeName, attributePath, attributesBefore, structFor, type StructDef } from '../syntax/macro-body';
import { insertAttributeBefore, pinInitFile, PIN_INIT_SINCE } from '../semantics/pin-init-facts';
import { nodeRange } from '../parsing/walk';

/** Type names with a `#[pinned_drop] impl PinnedDrop for T` block in the file. */
function pinnedDropImpls(root: Node): Map<string, Node> {
  const out = new Map<string, Node>();
  const structure = structureOf(root);
  // The attribute must be spelled `pinned_drop` somewhere for any impl to qualify.
  if (!structure.text.includes('pinned_drop')) return out;
  // Impls nested inside another impl are not looked at.
  for (const { node } of spansOutside(structure, ['impl_item'], ['macro_definition', 'macro_invocation', 'impl_item'])) {
    const trait = node.childForFieldName('trait');
    const traitName = trait ? trait.text.replace(/\s+/g, '').replace(/^.*::/, '') : '';
    if (traitName === 'PinnedDrop' && attributesBefore(node).some((a) => attributeName(a) === 'pinned_drop')) {
      let t = node.childForFieldName('type');
      if (t?.type === 'generic_type') t = t.childForFieldName('type');
      if (t?.type === 'type_identifier') out.set(t.text, t);
    }
  }
  return out;
}

export default defineRule({
  id: 'missing-pin-data',
  // pin-init arrived in 6.4; before it none of this syntax exists.
  since: PIN_INIT_SINCE,
  severity: 'error',
  docs: {
    what: 'Flags structs that use pin-init without `#[pin_data]`: a struct with `#[pin]` fields, a struct built with `pin_init!`/`try_pin_init!` in the same file, and a struct with a `#[pinned_drop]` impl whose attribute is not `#[pin_data(PinnedDrop)]`.',
    why: '`#[pin]` is only understood by `#[pin_data]`, and `pin_init!` needs the pin data the attribute generates, so the build fails with errors about an unknown attribute or a missing `__pin_data` function. A `#[pinned_drop]` impl without `#[pin_data(PinnedDrop)]` on the struct is never called or does not build.',
    example: 'struct Dev {\n    #[pin]\n    lock: Mutex<u32>,\n}\n\n#[pinned_drop]\nimpl PinnedDrop for Dev { fn drop(self: Pin<&mut Self>) {} }',
    useInstead: '#[pin_data(PinnedDrop)]\nstruct Dev {\n    #[pin]\n    lock: Mutex<u32>,\n}',
  },
  check(ctx) {
    const { macros, structs } = pinInitFile(ctx);
    const builtBy = new Map<StructDef, string>();
    for (const m of macros) {
      if (m.hasMetavariables || (m.name !== 'pin_init' && m.name !== 'try_pin_init')) continue;
      const s = structFor(m, structs);
      if (s && !builtBy.has(s)) builtBy.set(s, m.name);
    }
    const drops = pinnedDropImpls(ctx.root);
    // Pin data written by hand (`impl HasPinData`) makes any struct's missing attribute deliberate.
    const handWritten = /\bHasPinData\b/.test(ctx.text);
    for (const [name, defs] of structs) {
      if (defs.length !== 1) continue;
      const s = defs[0];
      if (s.tupleOrUnit) continue;
      const wantsDrop = drops.has(name);
      if (s.pinData) {
        if (!wantsDrop || s.pinnedDrop) continue;
        const path = attributePath(s.pinData) ?? 'pin_data';
        const fix: Fix = { title: `Use \`#[${path}(PinnedDrop)]\``, edits: [{ range: nodeRange(s.pinData), newText: `#[${path}(PinnedDrop)]` }] };
        ctx.report(s.nameNode, `Struct \`${name}\` has a \`#[pinned_drop]\` impl, so it needs \`#[pin_data(PinnedDrop)]\` instead of \`#[${path}]\`.`, [fix]);
        continue;
      }
      if (handWritten) continue;
      // A `#[pin]` field spells `pin` in the struct's text; the fields of the others are not read.
      const pinned = ctx.text.slice(s.node.startIndex, s.node.endIndex).includes('pin') ? s.fields.find((f) => f.pin) : undefined;
      const built = builtBy.get(s);
      const reason = pinned
        ? `has \`#[pin]\` fields`
        : built
          ? `is built with \`${built}!\``
          : wantsDrop
            ? 'has a `#[pinned_drop]` impl'
            : undefined;
      if (!reason) continue;
      const attr = wantsDrop ? '#[pin_data(PinnedDrop)]' : '#[pin_data]';
      const anchor = s.attributes[0] ?? s.node;
      ctx.report(s.nameNode, `Struct \`${name}\` ${reason} but lacks \`${attr}\`.`, [
        { title: `Add \`${attr}\` to \`${name}\``, edits: [insertAttributeBefore(ctx.text, anchor, attr)] },
      ]);
    }
  },
});
