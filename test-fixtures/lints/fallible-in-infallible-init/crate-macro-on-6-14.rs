//@ kernel: 6.14
// Before 6.15 there is no `pin_init` crate; the path itself is the problem, which api-unavailable reports.
use kernel::prelude::*;

#[pin_data]
struct Buf {
    len: usize,
}

fn explicit() -> impl PinInit<Buf, Error> {
    pin_init::try_pin_init!(Buf { len: 8 })
//            ^^^^^^^^^^^^ error[api-unavailable]: `pin_init::try_pin_init!` is not in Linux 6.14 (added in 6.15).
}
