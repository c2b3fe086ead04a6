//@ kernel: 6.15, 6.19
// A function that promises a fallible initializer cannot return an infallible `pin_init!`.
use kernel::prelude::*;
use kernel::sync::Mutex;

#[pin_data]
struct Dev {
    #[pin]
    lock: Mutex<u32>,
    id: u32,
}

impl Dev {
    fn new(id: u32) -> impl PinInit<Self, Error> {
        pin_init!(Self { lock <- Mutex::new(0), id })
//      ^^^^^^^^ error[fallible-in-infallible-init]: `pin_init!` makes an initializer whose error type is `Infallible`, but the function returns one with error `Error`; use `try_pin_init!`.
    }

    fn plain(id: u32) -> impl PinInit<Self> {
        pin_init!(Self { lock <- Mutex::new(0), id })
    }

    fn spelled(id: u32) -> impl PinInit<Self, core::convert::Infallible> {
        pin_init!(Self { lock <- Mutex::new(0), id })
    }

    // With the error a parameter of the function, whether it can be `Infallible` is the caller's choice.
    fn generic<E>(id: u32) -> impl PinInit<Self, E> {
        pin_init!(Self { lock <- Mutex::new(0), id })
    }

    fn tried(id: u32) -> impl PinInit<Self, Error> {
        try_pin_init!(Self { lock <- Mutex::new(0), id })
    }

    // Not the returned value: the rule does not follow it.
    fn stored(id: u32) -> impl PinInit<Self, Error> {
        let init = pin_init!(Self { lock <- Mutex::new(0), id });
        try_pin_init!(Self { lock <- Mutex::new(0), id })
    }
}
