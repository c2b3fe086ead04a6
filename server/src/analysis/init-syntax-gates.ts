/** Version-gated syntax inside the pin-init macros: the zero-fill tail's two spellings and `_: { … }` code blocks. */
import type { Node } from 'web-tree-sitter';
import { knowledgeBase, sureStatusAt, type ItemStatus } from '../kb';
import { nodeRange, type RuleContext } from '../lints/engine';
import { initMacros, spanOf } from '../lints/macro-body';
import type { Fix, Range } from './types';

/** One use of macro syntax the target release does not accept. */
export interface SyntaxGate {
  range: Range;
  state: 'not-yet' | 'removed';
  message: string;
  fixes: Fix[];
}

function statusOf(path: string, target: string): ItemStatus | undefined {
  const item = knowledgeBase().resolve(path, target);
  return item ? sureStatusAt(item, target) : undefined;
}

/** Finds pin-init macro syntax that the target release lacks or no longer has (facts from the `syntax::…` KB entries). */
export function initSyntaxGates(ctx: RuleContext): SyntaxGate[] {
  return ctx.memo('pin-init:syntax-gates', () => {
    const macros = ctx.memo('pin-init:macros', () => initMacros(ctx.root));
    const out: SyntaxGate[] = [];
    const zeroed = statusOf('syntax::zeroed-tail', ctx.target);
    const initZeroed = statusOf('syntax::init-zeroed-tail', ctx.target);
    const block = statusOf('syntax::init-code-block', ctx.target);
    const tailFix = (method: Node | undefined, name: string, available: ItemStatus | undefined): Fix[] =>
      method && available?.state === 'available'
        ? [{ title: `Use \`..Zeroable::${name}()\``, edits: [{ range: nodeRange(method), newText: name }] }]
        : [];
    for (const m of macros) {
      if (m.hasMetavariables) continue;
      const tail = m.tail;
      if (tail?.kind === 'zeroed' && zeroed && zeroed.state !== 'available') {
        const range = spanOf(tail.tokens);
        if (zeroed.state === 'removed') {
          out.push({
            range,
            state: 'removed',
            message: `The \`..Zeroable::zeroed()\` tail is not in Linux ${ctx.target} (removed in ${zeroed.until}); use \`..Zeroable::init_zeroed()\`.`,
            fixes: tailFix(tail.method, 'init_zeroed', initZeroed),
          });
        } else {
          out.push({ range, state: 'not-yet', message: `The \`..Zeroable::zeroed()\` tail is not in Linux ${ctx.target} (added in ${zeroed.since}).`, fixes: [] });
        }
      }
      if (tail?.kind === 'init_zeroed' && initZeroed?.state === 'not-yet') {
        out.push({
          range: spanOf(tail.tokens),
          state: 'not-yet',
          message: `The \`..Zeroable::init_zeroed()\` tail is not in Linux ${ctx.target} (added in ${initZeroed.since}); use \`..Zeroable::zeroed()\`.`,
          fixes: tailFix(tail.method, 'zeroed', zeroed),
        });
      }
      if (block?.state === 'not-yet') {
        for (const f of m.fields) {
          if (f.kind !== 'block') continue;
          out.push({
            range: { start: nodeRange(f.tokens[0]).start, end: nodeRange(f.operator[0]).end },
            state: 'not-yet',
            message: `\`_: { … }\` code blocks in \`${m.name}!\` are not in Linux ${ctx.target} (added in ${block.since}).`,
            fixes: [],
          });
        }
      }
    }
    return out;
  });
}
