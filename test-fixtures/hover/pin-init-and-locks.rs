//@ kernel: 6.14, 6.15, 6.18
// Hover over pin-init and lock APIs; markers give the expected text per target.
use kernel::prelude::*;
use kernel::sync::{new_mutex, Mutex as KMutex, SpinLock};
//                 ^ hover: `kernel::sync::new_mutex!`
//                            ^ hover: A sleeping mutual-exclusion lock
//                                     ^ hover: `kernel::sync::Mutex`
//                                             ^ hover: `kernel::sync::SpinLock`

#[pin_data]
//^ hover@6.14: `macros::#[pin_data]`
//^ hover@6.15: `pin_init::#[pin_data]`
struct Stats {
    #[pin]
//    ^ hover: `syntax::pin-field`
    hits: KMutex<u64>,
//        ^ hover: `kernel::sync::Mutex`
    label: &'static str,
}

impl Stats {
    fn new() -> impl PinInit<Self> {
//                   ^ hover@6.14: `kernel::init::PinInit`
//                   ^ hover@6.18: `pin_init::PinInit`
        pin_init!(Self {
//      ^ hover@6.14: `kernel::pin_init!`
//      ^ hover@6.15: `pin_init::pin_init!`
            hits <- new_mutex!(0),
//               ^ hover: `syntax::arrow-init`
//                  ^ hover: `kernel::sync::new_mutex!`
            label: "stats",
//                 ^ hover: none
        })
    }

    fn bump(&self) {
//  ^ hover: none
        let mut g = self.hits.lock();
//              ^ hover: none
//                            ^ hover: `kernel::sync::lock::Lock::lock`
        *g += 1;
    }
}

fn local_only(x: u32) -> u32 {
//  ^ hover: none
    x + 1
//  ^ hover: none
}
