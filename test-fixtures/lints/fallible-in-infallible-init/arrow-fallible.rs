//@ kernel: 6.15, 7.0
// A `<-` whose initializer can fail makes the whole init macro fallible, even without a `?` in sight.
use kernel::prelude::*;
use kernel::sync::Mutex;

#[pin_data]
struct Regs {
    base: usize,
}

fn map_regs(base: usize) -> impl PinInit<Regs, Error> {
    try_pin_init!(Regs { base })
}

#[pin_data]
struct Dev {
    #[pin]
    lock: Mutex<u32>,
    #[pin]
    regs: Regs,
}

impl Dev {
    fn new(base: usize) -> impl PinInit<Self, Error> {
        pin_init!(Self {
            lock <- Mutex::new(0),
            regs <- map_regs(base),
//                  ^^^^^^^^^^^^^^ error[fallible-in-infallible-init]: `map_regs` is an initializer with error type `Error`, so `<-` cannot run it inside `pin_init!`, whose error type is `Infallible`; use `try_pin_init!`.
        })
    }
}

#[pin_data]
struct Outer {
    #[pin]
    dev: Dev,
}

fn outer(base: usize) -> impl PinInit<Outer, Error> {
    pin_init!(Outer { dev <- Dev::new(base) })
//                           ^^^^^^^^^^^^^^ error[fallible-in-infallible-init]: `Dev::new` is an initializer with error type `Error`
}
