//@ kernel: 6.15, 6.19
// A `?` inside a nested `try_pin_init!` belongs to the nested macro and is not reported at the outer one; the outer
// `pin_init!` is still infallible, so it cannot be what a function promising `Error` returns.
use kernel::prelude::*;
use kernel::sync::Mutex;
use kernel::new_mutex;

#[pin_data]
struct Regs {
    #[pin]
    lock: Mutex<u32>,
    base: usize,
    probe: fn(u32) -> Result<usize>,
}

#[pin_data]
struct Outer {
    #[pin]
    inner: Regs,
}

fn lookup(_index: u32) -> Result<usize> {
    Ok(0)
}

fn outer() -> impl PinInit<Outer, Error> {
    pin_init!(Outer {
//  ^^^^^^^^ error[fallible-in-infallible-init]: `pin_init!` makes an initializer whose error type is `Infallible`, but the function returns one with error `Error`; use `try_pin_init!`.
        inner <- try_pin_init!(Regs {
            lock <- new_mutex!(1),
            base: lookup(2)?,
            probe: |i| lookup(i),
        }),
    })
}
