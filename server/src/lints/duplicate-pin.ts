/** duplicate-pin: a field of a `#[pin_data]` struct marked `#[pin]` more than once. */
import type { Node } from 'web-tree-sitter';
import type { Fix, TextEdit } from '../core/types';
import { knowledgeBase, surelyAvailable } from '../kb';
import { defineRule } from './engine';
import { attributePath } from '../syntax/macro-body';
import { lineIndent, pinInitFile } from '../semantics/pin-init-facts';
import { nodeRange } from '../parsing/walk';

/** `#[pin]` exists since pin-init arrived; a repeated one is an error from the release of this entry. */
const PIN_FIELD = 'syntax::pin-field';
const REJECTED = 'syntax::duplicate-pin-error';

export default defineRule({
  id: 'duplicate-pin',
  since: knowledgeBase().lookup(PIN_FIELD)[0]?.since,
  severity: 'warning',
  docs: {
    what: 'Flags a field of a `#[pin_data]` struct that carries `#[pin]` more than once.',
    why: 'One `#[pin]` already makes the field structurally pinned; a second says nothing more. Up to 7.2 `#[pin_data]` silently accepts the repetition, which usually hides a copy-paste slip (the attribute meant for the next field); from 7.3 it rejects it with "#[pin] attribute specified more than once".',
    example: '#[pin_data]\nstruct Dev {\n    #[pin]\n    #[pin]\n    lock: Mutex<u32>,\n}',
    useInstead: '#[pin_data]\nstruct Dev {\n    #[pin]\n    lock: Mutex<u32>,\n}',
  },
  check(ctx) {
    if (!/#\[pin\]/.test(ctx.text)) return;
    const kb = knowledgeBase();
    if (!surelyAvailable(kb, PIN_FIELD, ctx.target)) return;
    const rejected = !!surelyAvailable(kb, REJECTED, ctx.target);
    const { structs } = pinInitFile(ctx);
    for (const defs of structs.values()) {
      for (const s of defs) {
        if (!s.pinData) continue;
        for (const f of s.fields) {
          const pins = f.attributes.filter((a) => attributePath(a) === 'pin');
          if (pins.length < 2) continue;
          const fixes: Fix[] = [{ title: 'Remove the repeated `#[pin]`', edits: pins.slice(1).map((a) => removalOf(ctx.text, a)) }];
          const effect = rejected ? '`#[pin_data]` rejects a repeated `#[pin]`' : 'the repetition has no effect (from 7.3 `#[pin_data]` rejects it)';
          ctx.report(pins[1], `Field \`${f.name}\` of \`${s.name}\` is marked \`#[pin]\` ${pins.length} times: ${effect}.`, fixes);
        }
      }
    }
  },
});

/** An edit deleting an attribute: its whole line when it stands alone on it, else just its text and a space after. */
function removalOf(text: string, attr: Node): TextEdit {
  const { first } = lineIndent(text, attr);
  const r = nodeRange(attr);
  const lineEnd = text.indexOf('\n', attr.endIndex);
  const restBlank = /^[ \t]*$/.test(text.slice(attr.endIndex, lineEnd < 0 ? text.length : lineEnd));
  if (first && restBlank && lineEnd >= 0) return { range: { start: { line: r.start.line, character: 0 }, end: { line: r.end.line + 1, character: 0 } }, newText: '' };
  const spaces = /^[ \t]*/.exec(text.slice(attr.endIndex))?.[0].length ?? 0;
  return { range: { start: r.start, end: { line: r.end.line, character: r.end.character + spaces } }, newText: '' };
}
