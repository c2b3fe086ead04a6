//@ kernel: 6.18, 6.19
// From 6.18 an init macro may run code between fields.
use kernel::prelude::*;

#[pin_data]
struct Dev {
    id: u32,
}

fn log(_id: u32) {}

fn dev(id: u32) -> impl PinInit<Dev, Error> {
    try_pin_init!(Dev {
        id,
        _: {
            log(id);
        },
    })
}
