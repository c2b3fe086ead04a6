//@ kernel: 7.0, 7.3
// From 7.0 `pin_init!` takes its error type from a `? E` suffix or a `#[default_error(E)]` head: `?` is fine then.
use kernel::prelude::*;
use kernel::sync::Mutex;
use kernel::new_mutex;

#[pin_data]
struct Regs {
    #[pin]
    lock: Mutex<u32>,
    base: usize,
}

fn map(b: usize) -> Result<usize> {
    Ok(b)
}

fn with_suffix(b: usize) -> impl PinInit<Regs, Error> {
    pin_init!(Regs { lock <- new_mutex!(0), base: map(b)? } ? Error)
}

fn with_default_error(b: usize) -> impl PinInit<Regs, Error> {
    pin_init!(#[default_error(Error)] Regs { lock <- new_mutex!(0), base: map(b)? })
}

fn still_infallible(b: usize) -> impl PinInit<Regs> {
    pin_init!(Regs { lock <- new_mutex!(0), base: map(b)? })
//                                                      ^ error[fallible-in-infallible-init]: `?` inside `pin_init!` cannot propagate an error because its error type is `Infallible`; use `try_pin_init!`.
}
