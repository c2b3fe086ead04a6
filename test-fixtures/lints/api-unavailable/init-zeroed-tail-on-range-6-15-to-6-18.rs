//@ kernel: 6.15..6.18
// `..Zeroable::init_zeroed()` is the 6.17 spelling: over 6.15..6.18 it fails the first two releases, and the older
// spelling is not offered as a fix because it fails the last two.
use kernel::prelude::*;

#[pin_data]
struct Counters {
    sent: u64,
    lost: u64,
}

fn counters() -> impl PinInit<Counters> {
    pin_init!(Counters { sent: 0, ..Zeroable::init_zeroed() })
//                                ^^^^^^^^^^^^^^^^^^^^^^^^^ error[api-unavailable]: The `..Zeroable::init_zeroed()` tail is not in 6.15–6.16 of your range 6.15..6.18 (added in 6.17); use `..Zeroable::zeroed()`.
}
