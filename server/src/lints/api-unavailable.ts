/** api-unavailable: code names a kernel item, or uses macro syntax, that the target release does not have yet. */
import { versionGates } from './gates/version-gates';
import { defineRule } from './engine';

export default defineRule({
  id: 'api-unavailable',
  severity: 'error',
  docs: {
    what: 'Flags kernel modules, items and macros that the target kernel release does not have yet, and macro syntax it does not accept yet (`..Zeroable::init_zeroed()` before 6.17, `_: { … }` init blocks before 6.18, the `mode:`/`field:` form of `impl_has_hr_timer!` and the argument-less `HrTimer::new()` before 6.17). When your kernel tree of the target release is indexed, the tree decides: any `kernel::`, `pin_init::` or `macros::` path it surely lacks is flagged ("your kernel tree has no such item"), and nothing it has is, whatever the knowledge base says.',
    why: 'The code will not build against the target kernel; the compiler error ("unresolved import", "cannot find macro", "no rules expected this token") does not say that the API is simply newer than the kernel you build for.',
    example: '// target: Linux 6.15\nuse kernel::time::Instant; // Instant arrived in 6.16',
    useInstead: 'Target the release that has the API (`kernelRust.targetVersion` or your kernel tree), or use what the older release offers (for time on 6.15: `kernel::time::Ktime`).',
  },
  check(ctx) {
    for (const g of versionGates(ctx)) if (g.state === 'not-yet') ctx.report(g.at, g.message, g.fixes);
  },
});
