//@ kernel: 6.17..6.18
// The same tail over a range that starts at 6.17: it builds on every release of it.
use kernel::prelude::*;

#[pin_data]
struct Counters {
    sent: u64,
    lost: u64,
}

fn counters() -> impl PinInit<Counters> {
    pin_init!(Counters { sent: 0, ..Zeroable::init_zeroed() })
}
