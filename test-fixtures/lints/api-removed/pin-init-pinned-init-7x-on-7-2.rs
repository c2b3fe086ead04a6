//@ kernel: 6.19, 7.2
// Up to 7.2 a hand-written `PinInit` provides `__pinned_init` and `Init` provides `__init`.
use kernel::prelude::*;

struct Zeroer;

// SAFETY: writes a valid `u64` and never fails.
unsafe impl PinInit<u64> for Zeroer {
    unsafe fn __pinned_init(self, slot: *mut u64) -> Result<(), core::convert::Infallible> {
        unsafe { slot.write(0) };
        Ok(())
    }
}

// SAFETY: the value does not rely on its address.
unsafe impl Init<u64> for Zeroer {
    unsafe fn __init(self, slot: *mut u64) -> Result<(), core::convert::Infallible> {
        unsafe { slot.write(0) };
        Ok(())
    }
}

fn run(slot: *mut u64) {
    let _ = unsafe { Zeroer.__pinned_init(slot) };
}
