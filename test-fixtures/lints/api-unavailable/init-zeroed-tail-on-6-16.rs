//@ kernel: 6.15, 6.16
// `..Zeroable::init_zeroed()` is the 6.17 spelling; older releases only match `..Zeroable::zeroed()`.
use kernel::prelude::*;

#[pin_data]
struct Stats {
    hits: u64,
    misses: u64,
}

fn stats() -> impl PinInit<Stats> {
    pin_init!(Stats { hits: 1, ..Zeroable::init_zeroed() })
//                             ^^^^^^^^^^^^^^^^^^^^^^^^^ error[api-unavailable]: The `..Zeroable::init_zeroed()` tail is not in Linux
}
