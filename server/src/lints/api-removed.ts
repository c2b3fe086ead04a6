/** api-removed: code names a kernel item the target release no longer has. */
import { hrtimerSyntaxGates } from '../analysis/hrtimer-syntax-gates';
import { gatedReferences, fileScope } from '../analysis/kernel-refs';
import { initSyntaxGates } from '../analysis/init-syntax-gates';
import { knowledgeBase, lastSegment } from '../kb';
import { defineRule, nodeRange } from './engine';

export default defineRule({
  id: 'api-removed',
  severity: 'error',
  docs: {
    what: 'Flags kernel modules, items and macros that were removed or moved before the target kernel release, and names the replacement.',
    why: 'Kernel Rust APIs move between releases (pin-init left the kernel crate in 6.15, hrtimer swapped `ClockId` for clock types in 6.17); the build then fails with an unresolved path that does not point to the new home.',
    example: '// target: Linux 6.15\nuse kernel::init::PinInit;',
    useInstead: 'use pin_init::PinInit;',
  },
  check(ctx) {
    const scope = ctx.memo('scope', () => fileScope(ctx.root, ctx.filePath));
    const refs = ctx.memo('gated', () => gatedReferences(ctx.root, ctx.target, ctx.filePath, scope));
    for (const ref of refs) {
      if (ref.status.state !== 'removed') continue;
      const replacement = ref.status.replacement;
      const tail = replacement ? `; use \`${replacement}\`` : '';
      // Only a pure move (same kind, same name, new path) is a mechanical fix; anything else needs a human.
      const moved = replacement ? knowledgeBase().lookup(replacement).find((i) => i.kind === ref.item.kind) : undefined;
      const fixable =
        replacement &&
        moved &&
        lastSegment(replacement) === lastSegment(ref.item.path) &&
        ref.path.replace(/!$/, '') === ref.pathNode.text.replace(/\s+/g, '') &&
        !replacement.includes('#[');
      const fixes = fixable
        ? [{ title: `Replace with \`${replacement}\``, edits: [{ range: nodeRange(ref.pathNode), newText: replacement.replace(/!$/, '') }] }]
        : [];
      ctx.report(ref.node, `\`${ref.path}\` is not in Linux ${ctx.target} (removed in ${ref.status.until})${tail}.`, fixes);
    }
    for (const gate of ctx.memo('hrtimer-syntax-gates', () => hrtimerSyntaxGates(ctx.root, ctx.target, scope))) {
      if (gate.state === 'removed') ctx.report(gate.range, gate.message);
    }
    for (const g of initSyntaxGates(ctx)) if (g.state === 'removed') ctx.report(g.range, g.message, g.fixes);
  },
});
