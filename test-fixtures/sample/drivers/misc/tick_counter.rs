//! Sample driver code, written for this project, that counts timer ticks.
//!
//! It was written against the 6.17 time API but the sample tree is 6.15,
//! so the checker reports what 6.15 lacks.

use kernel::prelude::*;
use kernel::sync::{Arc, Mutex};
use kernel::time::{ClockId, Delta, Instant};

/// Per-device tick bookkeeping.
#[pin_data]
pub struct TickCounter {
    #[pin]
    ticks: Mutex<u64>,
    clock: ClockId,
}

impl TickCounter {
    /// Builds a counter that starts at zero.
    pub fn new() -> impl PinInit<Self> {
        pin_init!(Self {
            ticks <- new_mutex!(0),
            clock: ClockId::Monotonic,
        })
    }

    /// Records one tick and says whether the last one was long ago.
    pub fn tick(&self, last: Instant, slack: Delta) -> bool {
        *self.ticks.lock() += 1;
        last.elapsed() > slack
    }
}

/// Allocates a shared counter.
pub fn shared() -> Result<Arc<TickCounter>> {
    Arc::pin_init(TickCounter::new(), GFP_KERNEL)
}
