//@ kernel: 6.4, 6.5
// The zero-fill tail arrived in 6.6.
use kernel::prelude::*;

#[pin_data]
struct Stats {
    hits: u64,
    misses: u64,
}

fn stats() -> impl PinInit<Stats> {
    pin_init!(Stats { hits: 1, ..Zeroable::zeroed() })
//                             ^^^^^^^^^^^^^^^^^^^^ error[api-unavailable]: The `..Zeroable::zeroed()` tail is not in Linux 6.
}
