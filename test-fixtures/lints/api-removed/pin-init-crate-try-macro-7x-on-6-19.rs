//@ kernel: 6.15, 6.19
// Up to 6.19 the `pin_init` crate still has `try_pin_init!` (with a mandatory `? E`).
use kernel::prelude::*;

#[pin_data]
struct Dev {
    #[pin]
    lock: Mutex<u32>,
    id: u32,
}

fn crate_macro() -> impl PinInit<Dev, Error> {
    pin_init::try_pin_init!(Dev { lock <- new_mutex!(0), id: 1 }? Error)
}
