//@ kernel: 6.17, 6.19
// Shorthand fields, code blocks and zero-fill tails (cfg-gated initializer fields need 7.0: clean-cfg-field-7x.rs).
use kernel::prelude::*;
use kernel::sync::Mutex;
use kernel::new_mutex;

#[pin_data]
#[derive(Zeroable)]
struct Stats {
    hits: u64,
    misses: u64,
}

#[pin_data]
struct Port {
    #[pin]
    lock: Mutex<u32>,
    irq: u32,
}

fn stats() -> impl PinInit<Stats> {
    pin_init!(Stats { hits: 1, ..Zeroable::init_zeroed() })
}

fn port(irq: u32) -> impl PinInit<Port> {
    pin_init!(Port {
        lock <- new_mutex!(0),
        irq,
    })
}

// A struct from elsewhere with the same name as nothing here.
fn other() -> impl PinInit<kernel::foo::Thing> {
    pin_init!(kernel::foo::Thing { a: 1 })
}
