//@ kernel: 7.3
// 7.3 merged `PinInit::__pinned_init` into `PinInit::__init` and made `Init` a marker trait.
use kernel::prelude::*;

struct Zeroer;

// SAFETY: writes a valid `u64` and never fails.
unsafe impl PinInit<u64> for Zeroer {
    unsafe fn __pinned_init(self, slot: *mut u64) -> Result<(), core::convert::Infallible> {
//            ^^^^^^^^^^^^^ error[api-removed]: `pin_init::PinInit::__pinned_init` is not in Linux
        unsafe { slot.write(0) };
        Ok(())
    }
}

// SAFETY: the value does not rely on its address.
unsafe impl Init<u64> for Zeroer {
    unsafe fn __init(self, slot: *mut u64) -> Result<(), core::convert::Infallible> {
//            ^^^^^^ error[api-removed]: `pin_init::Init::__init` is not in Linux
        unsafe { slot.write(0) };
        Ok(())
    }
}

fn run(slot: *mut u64) {
    let _ = unsafe { Zeroer.__pinned_init(slot) };
//                          ^^^^^^^^^^^^^ error[api-removed]: `pin_init::PinInit::__pinned_init` is not in Linux
}
