//@ kernel: 6.17, 6.19
// 6.17 renamed the zero-fill tail of the init macros to `..Zeroable::init_zeroed()`.
use kernel::prelude::*;

#[pin_data]
struct Stats {
    hits: u64,
    misses: u64,
}

fn stats() -> impl PinInit<Stats> {
    pin_init!(Stats {
        hits: 1,
        ..Zeroable::zeroed()
//      ^^^^^^^^^^^^^^^^^^^^ error[api-removed]: The `..Zeroable::zeroed()` tail is not in Linux
    })
}

fn current() -> impl PinInit<Stats> {
    pin_init!(Stats { hits: 1, ..Zeroable::init_zeroed() })
}
