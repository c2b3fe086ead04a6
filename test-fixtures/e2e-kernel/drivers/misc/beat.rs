//! A heartbeat driver written for the Kernel Rust editor tests.
//!
//! It mixes APIs from several releases on purpose: the tree says 6.15, the
//! timestamps and the mmap hook need 6.16, one import still uses the pre-6.15
//! pin-init path, and one lock is not pinned.

use kernel::init::PinInit;
use kernel::mm::virt::VmaNew;
use kernel::prelude::*;
use kernel::sync::{new_mutex, Arc, ArcBorrow, Mutex};
use kernel::time::hrtimer::{ArcHrTimerHandle, HrTimer, HrTimerCallback, HrTimerMode, HrTimerPointer, HrTimerRestart};
use kernel::time::{ClockId, Instant};

/// Heartbeat state shared between the timer and readers.
#[pin_data]
pub struct Beat {
    #[pin]
    timer: HrTimer<Self>,
    #[pin]
    count: Mutex<u64>,
    started: Instant,
}

kernel::impl_has_hr_timer! {
    impl HasHrTimer<Self> for Beat { self.timer }
}

impl Beat {
    /// Builds a stopped heartbeat.
    pub fn new(now: Instant) -> impl PinInit<Self> {
        pin_init!(Self {
            timer <- HrTimer::new(HrTimerMode::Relative, ClockId::Monotonic),
            count <- new_mutex!(0),
            started: now,
        })
    }
}

impl HrTimerCallback for Beat {
    type Pointer<'a> = Arc<Self>;

    fn run(this: ArcBorrow<'_, Self>) -> HrTimerRestart {
        *this.count.lock() += 1;
        HrTimerRestart::NoRestart
    }
}

/// A shared heartbeat that is armed through its own pointer type.
pub struct BeatRef(Arc<Beat>);

impl HrTimerPointer for BeatRef {
    type TimerHandle = ArcHrTimerHandle<Beat>;

    fn start(self, expires: Instant) -> ArcHrTimerHandle<Beat> {
        self.0.start(expires)
    }
}

/// Beats that no reader saw; the lock below is missing its `#[pin]`.
#[pin_data]
pub struct Misses {
    count: Mutex<u32>,
}

/// Maps the beat counter page into user space.
pub fn mmap_counter(vma: &VmaNew) -> Result {
    vma.set_mixedmap();
    Ok(())
}
