//@ kernel: 6.15, 6.19
// Every field must be written unless a zero-fill tail covers the rest.
use kernel::prelude::*;
use kernel::sync::Mutex;
use kernel::new_mutex;

#[pin_data]
struct Port {
    #[pin]
    lock: Mutex<u32>,
    irq: u32,
    flags: u32,
}

impl Port {
    fn new() -> impl PinInit<Self> {
        pin_init!(Self { lock <- new_mutex!(0), irq: 3 })
//                ^^^^ error[init-missing-field]: `pin_init!` for `Port` does not initialise field `flags` and has no
    }
}

struct Plain {
    a: u8,
    b: u8,
    c: u8,
}

fn plain() -> impl Init<Plain> {
    init!(Plain { b: 1 })
//        ^^^^^ error[init-missing-field]: does not initialise fields `a` and `c`
}
