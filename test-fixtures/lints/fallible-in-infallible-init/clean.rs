//@ kernel: 6.15, 6.19
// `?` in closures, `?Sized` bounds and the fallible macros are all fine.
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

fn lookup(_index: u32) -> Result<usize> {
    Ok(0)
}

fn regs(index: u32) -> impl PinInit<Regs, Error> {
    try_pin_init!(Regs {
        lock <- new_mutex!(0),
        base: lookup(index)?,
        probe: |i| Ok(lookup(i)? + 1),
    })
}
