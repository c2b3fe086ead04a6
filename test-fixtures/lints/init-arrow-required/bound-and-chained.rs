//@ kernel: 6.15, 6.19
// An initializer bound to a name first, or with `.chain(…)`/`.pin_chain(…)` after it, is still an initializer.
// `pin_init::zeroed()` is one up to 6.16 and returns the zeroed value from 6.17 (knowledge base), so it flips.
use kernel::prelude::*;
use kernel::sync::Mutex;
use kernel::types::Opaque;
use pin_init::zeroed;

#[pin_data]
struct Dev {
    #[pin]
    lock: Mutex<u32>,
    #[pin]
    raw: Opaque<u64>,
    words: [u32; 4],
}

impl Dev {
    fn new() -> impl PinInit<Self> {
        let lock = Mutex::new(0, c"Dev::lock", kernel::static_lock_class!());
        pin_init!(Self {
            lock: lock,
//          ^^^^^ error[init-arrow-required]: Field `lock` is given the initializer `Mutex::new` with `:`
            raw: Opaque::ffi_init(|_p| {}).pin_chain(|_| Ok(())),
//          ^^^^ error[init-arrow-required]: the initializer `Opaque::ffi_init`
            words: zeroed(),
//          ^^^^^^ error@6.15[init-arrow-required]: the initializer `zeroed`
        })
    }

    // Shadowed, mutable or re-bound by a closure: the name may hold anything.
    fn shadowed() -> impl PinInit<Self> {
        let lock = Mutex::new(0, c"Dev::lock", kernel::static_lock_class!());
        let lock = 5u32;
        let mut raw = Opaque::ffi_init(|_p| {});
        raw = Opaque::ffi_init(|_p| {});
        let words = [0u32; 4];
        pin_init!(Self { lock <- Mutex::new(lock, c"Dev::lock", kernel::static_lock_class!()), raw <- raw, words: words })
    }
}
