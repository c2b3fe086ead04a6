/** packed-pin-data: pin-init used on a `#[repr(packed)]` struct (`#[pin_data]` on it, or `init!` building it). */
import type { Node } from 'web-tree-sitter';
import { knowledgeBase, surelyAvailable } from '../kb';
import { defineRule } from './engine';
import { attributeArguments, attributeName, structFor, type StructDef, type StructField } from '../syntax/macro-body';
import { pinInitFile } from '../semantics/pin-init-facts';

/** The knowledge-base entry for the pin-data that exists since pin-init arrived. */
const PIN_DATA = 'syntax::pin-field';
/** From this entry on `#[pin_data]` takes a reference to every field (its projection). */
const PROJECTION = 'syntax::pin-data-projection';
/** From this entry on the init macros bind a reference to each field they write. */
const FIELD_REFS = 'syntax::init-field-refs';

/** Types whose alignment is 1, so that a reference to them is never unaligned, as the text writes them. */
const ALIGN_ONE = /^(?:u8|i8|bool|\(\)|(?:(?:core|::core)::marker::)?(?:PhantomData\s*<.*>|PhantomPinned)|\[\s*(?:u8|i8|bool)\s*;[^\]]*\])$/s;

function alignOne(field: StructField): boolean {
  return ALIGN_ONE.test(field.type.text.trim());
}

/** The `#[repr(…)]` attribute asking for `packed` or `packed(N)`, when the struct has one. */
function packedRepr(s: StructDef): Node | undefined {
  return s.attributes.find((a) => attributeName(a) === 'repr' && /\bpacked\b/.test(attributeArguments(a)?.text ?? ''));
}

export default defineRule({
  id: 'packed-pin-data',
  since: knowledgeBase().lookup(PIN_DATA)[0]?.since,
  severity: 'error',
  docs: {
    what: 'Flags `#[pin_data]` on a struct that is also `#[repr(packed)]` (or `packed(N)`), and `init!`/`try_init!` building such a struct of the same file, when a field it touches needs an alignment above one.',
    why: 'The init macros write each field through a pointer to it, and pinned fields are handed out as `Pin<&mut Field>`; in a packed struct those pointers may be unaligned, which is undefined behaviour. From 6.18 the generated code takes references to the fields (the `project` method, and the bindings that let later fields use earlier ones), and the compiler rejects them with E0793.',
    example: '#[pin_data]\n#[repr(C, packed)]\nstruct Header {\n    len: u32,\n    #[pin]\n    lock: Mutex<u32>,\n}',
    useInstead: '#[pin_data]\n#[repr(C)]\nstruct Header {\n    len: u32,\n    #[pin]\n    lock: Mutex<u32>,\n}\n// or keep the packed layout in a plain struct built by value, without pin-init',
  },
  check(ctx) {
    if (!ctx.text.includes('packed')) return;
    const kb = knowledgeBase();
    if (!surelyAvailable(kb, PIN_DATA, ctx.target)) return;
    const refs = !!surelyAvailable(kb, PROJECTION, ctx.target);
    const { macros, structs } = pinInitFile(ctx);
    const consequence = refs
      ? 'its generated code takes references to the fields, which may be unaligned (E0793)'
      : 'its fields are written and pinned through pointers that may be unaligned, which is undefined behaviour (from 6.18 it does not build)';
    for (const defs of structs.values()) {
      for (const s of defs) {
        if (!s.pinData || s.tupleOrUnit) continue;
        const repr = packedRepr(s);
        if (!repr || s.fields.every(alignOne)) continue;
        ctx.report(s.nameNode, `\`#[pin_data]\` on \`${s.name}\`, a \`${repr.text.replace(/\s+/g, ' ')}\` struct: ${consequence}.`);
      }
    }
    const fieldRefs = !!surelyAvailable(kb, FIELD_REFS, ctx.target);
    for (const m of macros) {
      if (m.hasMetavariables || (m.name !== 'init' && m.name !== 'try_init') || !m.typeName) continue;
      const s = structFor(m, structs);
      // A `#[pin_data]` struct is reported at its attribute already.
      if (!s || s.pinData || s.tupleOrUnit || !packedRepr(s)) continue;
      const touched = m.fields.filter((f) => f.name).map((f) => s.fields.find((d) => d.name === f.name?.text));
      const unaligned = touched.find((d): d is StructField => !!d && !alignOne(d));
      if (!unaligned) continue;
      const why = fieldRefs
        ? `it takes a reference to field \`${unaligned.name}\`, which may be unaligned (E0793)`
        : `it writes field \`${unaligned.name}\` through a pointer that may be unaligned, which is undefined behaviour (from 6.18 it does not build)`;
      ctx.report(m.typeName, `\`${m.name}!\` builds the packed struct \`${s.name}\` in place: ${why}.`);
    }
  },
});
