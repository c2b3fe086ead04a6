//@ kernel: 6.15, 7.0
// `<-` of infallible initializers, of ones whose error type the caller picks, and fallible ones inside a macro that
// already has an error type: all fine.
use kernel::prelude::*;
use kernel::sync::{CondVar, Mutex};

#[pin_data]
struct Slot {
    v: u32,
}

fn slot<E>() -> impl PinInit<Slot, E> {
    pin_init_from_closure(|_| Ok(()))
}

fn never() -> impl PinInit<Slot, core::convert::Infallible> {
    pin_init!(Slot { v: 0 })
}

fn fails() -> impl PinInit<Slot, Error> {
    try_pin_init!(Slot { v: 1 })
}

#[pin_data]
struct Dev {
    #[pin]
    lock: Mutex<u32>,
    #[pin]
    wait: CondVar,
    #[pin]
    slot: Slot,
}

impl Dev {
    fn a() -> impl PinInit<Self> {
        pin_init!(Self { lock <- Mutex::new(0), wait <- CondVar::new(c"wait", kernel::static_lock_class!()), slot <- never() })
    }

    fn b() -> impl PinInit<Self> {
        pin_init!(Self { lock <- Mutex::new(0), wait <- CondVar::new(c"wait", kernel::static_lock_class!()), slot <- slot() })
    }

    fn c() -> impl PinInit<Self, Error> {
        try_pin_init!(Self { lock <- Mutex::new(0), wait <- CondVar::new(c"wait", kernel::static_lock_class!()), slot <- fails() })
    }
}
