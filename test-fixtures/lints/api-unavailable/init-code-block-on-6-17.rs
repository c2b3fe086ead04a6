//@ kernel: 6.15, 6.17
// `_: { … }` entries in an init macro arrived in 6.18.
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
//      ^^ error[api-unavailable]: `_: { … }` code blocks in `try_pin_init!` are not in Linux
            log(id);
        },
    })
}
