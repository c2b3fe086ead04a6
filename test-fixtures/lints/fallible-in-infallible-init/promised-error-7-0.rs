//@ kernel: 7.0, 7.3
// From 7.0 the plain macro takes the error type after the braces.
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
//      ^^^^^^^^ error[fallible-in-infallible-init]: but the function returns one with error `Error`; write `pin_init!(… }? Error)`.
    }

    fn suffixed(id: u32) -> impl PinInit<Self, Error> {
        pin_init!(Self { lock <- Mutex::new(0), id }? Error)
    }
}
