//@ kernel: 6.6, 6.16
// Up to 6.16 the zero-fill tail is `..Zeroable::zeroed()`.
use kernel::prelude::*;

#[pin_data]
struct Stats {
    hits: u64,
    misses: u64,
}

fn stats() -> impl PinInit<Stats> {
    pin_init!(Stats { hits: 1, ..Zeroable::zeroed() })
}
