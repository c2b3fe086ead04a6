//@ kernel: 6.15, 6.19
// `pin_init!` and `init!` are infallible: nothing inside them may propagate an error.
use kernel::prelude::*;
use kernel::sync::Mutex;
use kernel::new_mutex;

#[pin_data]
struct Regs {
    #[pin]
    lock: Mutex<u32>,
    base: usize,
    size: usize,
}

fn lookup(_index: u32) -> Result<usize> {
    Ok(0)
}

impl Regs {
    fn new(index: u32) -> impl PinInit<Self, Error> {
        pin_init!(Self {
            lock <- new_mutex!(0),
            base: lookup(index)?,
//                             ^ error[fallible-in-infallible-init]: `?` inside `pin_init!` cannot propagate an error because its error type is `Infallible`; use `try_pin_init!`.
            size: {
                if index > 4 {
                    return Err(EINVAL);
//                  ^^^^^^ error[fallible-in-infallible-init]: `return Err(…)` inside `pin_init!`
                }
                lookup(index + 1)?
//                               ^ error[fallible-in-infallible-init]: `?` inside `pin_init!`
            },
        })
    }
}

struct Window {
    start: usize,
}

fn window() -> impl Init<Window, Error> {
    init!(Window { start: lookup(1)? })
//                                 ^ error[fallible-in-infallible-init]: `?` inside `init!` cannot propagate an error because its error type is `Infallible`; use `try_init!`.
}
