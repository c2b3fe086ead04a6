//@ kernel: 6.15, 6.19
// Lock and timer members of a pinned struct must be structurally pinned.
use kernel::prelude::*;
use kernel::sync::{CondVar, Mutex, SpinLock};
use kernel::time::hrtimer::HrTimer;
use kernel::{new_condvar, new_mutex};

#[pin_data]
struct Port {
    #[pin]
    tx: Mutex<u32>,
    rx: Mutex<u32>,
//  ^^ error[unpinned-field]: Field `rx` of `#[pin_data]` struct `Port` holds `Mutex`
    pub(crate) ready: kernel::sync::CondVar,
//             ^^^^^ error[unpinned-field]: holds `CondVar`, which must not move
    timer: HrTimer<Port>,
//  ^^^^^ error[unpinned-field]: holds `HrTimer`
    slots: [SpinLock<u8>; 4],
//  ^^^^^ error[unpinned-field]: holds `SpinLock`
    count: u64,
    _pin: core::marker::PhantomPinned,
//  ^^^^ warning[unpinned-phantom-pinned]: is a `PhantomPinned` without `#[pin]`
}

#[pin_data]
struct Tiny { flag: SpinLock<bool> }
//            ^^^^ error[unpinned-field]: Field `flag` of `#[pin_data]` struct `Tiny`

#[pin_data]
struct Waiter {
    #[pin]
    queue: CondVar,
}

#[pin_data]
struct Outer {
    inner: Waiter,
//  ^^^^^ error[unpinned-field]: is initialised in place with `pin_init!` (a pin-initializer)
    guard: kernel::sync::lock::Lock<(), kernel::sync::lock::mutex::MutexBackend>,
//  ^^^^^ error[unpinned-field]: holds `Lock`
}

impl Outer {
    fn new() -> impl PinInit<Self> {
        pin_init!(Self {
            inner <- pin_init!(Waiter { queue <- new_condvar!() }),
            guard <- new_mutex!(()),
        })
    }
}
