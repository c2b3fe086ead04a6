//@ kernel: 7.0, 7.3
// 7.0 removed the `pin_init` crate's `try_pin_init!`/`try_init!`; the kernel's macros stay.
use kernel::prelude::*;

#[pin_data]
struct Dev {
    #[pin]
    lock: Mutex<u32>,
    id: u32,
}

fn crate_macro() -> impl PinInit<Dev, Error> {
    pin_init::try_pin_init!(Dev { lock <- new_mutex!(0), id: 1 }? Error)
//            ^^^^^^^^^^^^ error[api-removed]: `pin_init::try_pin_init!` is not in Linux
}

fn kernel_macro() -> impl PinInit<Dev, Error> {
    kernel::try_pin_init!(Dev { lock <- new_mutex!(0), id: 1 }? Error)
}
