//@ kernel: 6.15
// A driver written against 6.16's time API, checked for 6.15.
use kernel::prelude::*;
use kernel::time::{Delta, Instant};
//                 ^^^^^ error[api-unavailable]: `kernel::time::Delta` is not in Linux 6.15 (added in 6.16)
//                        ^^^^^^^ error[api-unavailable]: `kernel::time::Instant` is not in Linux 6.15 (added in 6.16)

fn busy_for(limit: Delta) -> bool {
    let start = Instant::now();
    start.elapsed() > limit
}

fn wait_a_bit() {
    kernel::time::delay::fsleep(Delta::from_millis(5));
//                ^^^^^ error[api-unavailable]: `kernel::time::delay` is not in Linux 6.15 (added in 6.17)
}
