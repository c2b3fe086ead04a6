//@ kernel: 6.15, 6.19
// The `pin_init` crate's `try_pin_init!` has no default error type, unlike the kernel's.
use kernel::prelude::*;

#[pin_data]
struct Buf {
    len: usize,
}

fn lookup() -> Result<usize> {
    Ok(8)
}

fn explicit() -> impl PinInit<Buf, Error> {
    pin_init::try_pin_init!(Buf { len: lookup()? })
//  ^^^^^^^^^^^^^^^^^^^^^^ error[fallible-in-infallible-init]: `pin_init::try_pin_init!` has no default error type (unlike `kernel::try_pin_init!`)
}

fn with_suffix() -> impl PinInit<Buf, Error> {
    pin_init::try_pin_init!(Buf { len: lookup()? }? Error)
}

fn kernel_default() -> impl PinInit<Buf, Error> {
    try_pin_init!(Buf { len: lookup()? })
}
