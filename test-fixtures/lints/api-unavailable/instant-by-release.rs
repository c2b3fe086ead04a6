//@ kernel: 6.15, 6.16
// One fixture, two releases: the annotations marked @6.15 apply only there; at 6.16 the file is clean.
use kernel::prelude::*;
use kernel::time::{Delta, Instant};
//                 ^^^^^ error@6.15[api-unavailable]: `kernel::time::Delta` is not in Linux 6.15 (added in 6.16)
//                        ^^^^^^^ error@6.15[api-unavailable]: `kernel::time::Instant` is not in Linux 6.15 (added in 6.16)

fn busy_for(limit: Delta) -> bool {
    let start = Instant::now();
    start.elapsed() > limit
}
