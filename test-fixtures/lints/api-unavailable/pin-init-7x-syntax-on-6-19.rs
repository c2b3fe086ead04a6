//@ kernel: 6.15, 6.19
// `? E` on `pin_init!`, `#[default_error(E)]` and attributes on fields arrived with the 7.0 proc-macro rewrite.
use kernel::prelude::*;

#[pin_data]
struct Dev {
    #[pin]
    lock: Mutex<u32>,
    id: u32,
}

fn suffix() -> impl PinInit<Dev, Error> {
    pin_init!(Dev { lock <- new_mutex!(0), id: 1 }? Error)
//                                                ^^^^^^^ error[api-unavailable]: A `? Error` suffix on `pin_init!` is not in Linux
}

fn default_error() -> impl PinInit<Dev, Error> {
    pin_init!(#[default_error(Error)] Dev { lock <- new_mutex!(0), id: 1 })
//            ^^^^^^^^^^^^^^^^^^^^^^^ error[api-unavailable]: `#[default_error(…)]` in `pin_init!` is not in Linux
}

fn field_attributes() -> impl PinInit<Dev> {
    pin_init!(Dev {
        lock <- new_mutex!(0),
        #[cfg(CONFIG_64BIT)]
//      ^^^^^^^^^^^^^^^^^^^^ error[api-unavailable]: Attributes on fields of `pin_init!` are not in Linux
        id: 1,
    })
}

fn portable() -> impl PinInit<Dev, Error> {
    try_pin_init!(Dev { lock <- new_mutex!(0), id: 1 }? Error)
}
