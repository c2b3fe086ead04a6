/** api-unavailable: code names a kernel item the target release does not have yet. */
import { hrtimerSyntaxGates } from '../analysis/hrtimer-syntax-gates';
import { gatedReferences, fileScope } from '../analysis/kernel-refs';
import { initSyntaxGates } from '../analysis/init-syntax-gates';
import { defineRule } from './engine';

export default defineRule({
  id: 'api-unavailable',
  severity: 'error',
  docs: {
    what: 'Flags kernel modules, items and macros that the target kernel release does not have yet.',
    why: 'The code will not build against the target kernel; the compiler error ("unresolved import", "cannot find macro") does not say that the API is simply newer than the kernel you build for.',
    example: '// target: Linux 6.15\nuse kernel::time::Instant; // Instant arrived in 6.16',
    useInstead: 'Target the release that has the API (`kernelRust.targetVersion` or your kernel tree), or use what the older release offers (for time on 6.15: `kernel::time::Ktime`).',
  },
  check(ctx) {
    const scope = ctx.memo('scope', () => fileScope(ctx.root, ctx.filePath));
    const refs = ctx.memo('gated', () => gatedReferences(ctx.root, ctx.target, ctx.filePath, scope));
    for (const ref of refs) {
      if (ref.status.state !== 'not-yet') continue;
      ctx.report(ref.node, `\`${ref.path}\` is not in Linux ${ctx.target} (added in ${ref.status.since}).`);
    }
    for (const gate of ctx.memo('hrtimer-syntax-gates', () => hrtimerSyntaxGates(ctx.root, ctx.target, scope))) {
      if (gate.state === 'not-yet') ctx.report(gate.range, gate.message);
    }
    for (const g of initSyntaxGates(ctx)) if (g.state === 'not-yet') ctx.report(g.range, g.message, g.fixes);
  },
});
