/** api-removed: code names a kernel item, or uses macro syntax, that the target release no longer has. */
import { versionGates } from './gates/version-gates';
import { defineRule } from './engine';

export default defineRule({
  id: 'api-removed',
  severity: 'error',
  docs: {
    what: 'Flags kernel modules, items and macros that were removed or moved before the target kernel release, and names the replacement; also macro syntax the target no longer accepts (`..Zeroable::zeroed()` tails from 6.17, the bare `{ self.field }` form of `impl_has_hr_timer!` and the two-argument `HrTimer::new(mode, clock)` from 6.17).',
    why: 'Kernel Rust APIs move between releases (pin-init left the kernel crate in 6.15, hrtimer swapped `ClockId` for clock types in 6.17); the build then fails with an unresolved path that does not point to the new home.',
    example: '// target: Linux 6.15\nuse kernel::init::PinInit;',
    useInstead: 'use pin_init::PinInit;',
  },
  check(ctx) {
    for (const g of versionGates(ctx)) if (g.state === 'removed') ctx.report(g.at, g.message, g.fixes);
  },
});
