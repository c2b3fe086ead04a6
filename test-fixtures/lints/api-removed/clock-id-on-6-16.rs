//@ kernel: 6.15, 6.16
// Before 6.17 the same code is correct.
use kernel::time::ClockId;

fn clock() -> kernel::time::ClockId {
    kernel::time::ClockId::Monotonic
}
