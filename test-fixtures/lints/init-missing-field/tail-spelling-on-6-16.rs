//@ kernel: 6.16
// Before 6.17 the tail is spelled `..Zeroable::zeroed()`, and the message says so.
use kernel::prelude::*;

#[pin_data]
struct Stats {
    hits: u64,
    misses: u64,
}

fn stats() -> impl PinInit<Stats> {
    pin_init!(Stats { hits: 1 })
//            ^^^^^ error[init-missing-field]: does not initialise field `misses` and has no `..Zeroable::zeroed()` tail.
}

fn zeroed() -> impl PinInit<Stats> {
    pin_init!(Stats { hits: 1, ..Zeroable::zeroed() })
}
