//@ kernel: 6.17, 6.18, 6.19
// The same code is fine once the target has the API.
use kernel::prelude::*;
use kernel::time::{Delta, Instant};

fn busy_for(limit: Delta) -> bool {
    let start = Instant::now();
    start.elapsed() > limit
}

fn wait_a_bit() {
    kernel::time::delay::fsleep(Delta::from_millis(5));
}
