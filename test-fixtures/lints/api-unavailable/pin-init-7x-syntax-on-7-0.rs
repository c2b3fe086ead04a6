//@ kernel: 7.0, 7.3
// From 7.0 `pin_init!` takes `? E`, `#[default_error(E)]` and attributes on fields.
use kernel::prelude::*;

#[pin_data]
struct Dev {
    #[pin]
    lock: Mutex<u32>,
    id: u32,
}

fn suffix() -> impl PinInit<Dev, Error> {
    pin_init!(Dev { lock <- new_mutex!(0), id: 1 }? Error)
}

fn default_error() -> impl PinInit<Dev, Error> {
    pin_init!(#[default_error(Error)] Dev { lock <- new_mutex!(0), id: 1 })
}

fn field_attributes() -> impl PinInit<Dev> {
    pin_init!(Dev {
        lock <- new_mutex!(0),
        #[cfg(CONFIG_64BIT)]
        id: 1,
    })
}
