//@ kernel: 6.15, 6.16
// A heartbeat whose callback is written, but nothing tells the timer code where its `HrTimer` lives.
use kernel::prelude::*;
use kernel::sync::{Arc, ArcBorrow};
use kernel::time::hrtimer::{HrTimer, HrTimerCallback, HrTimerRestart};

#[pin_data]
struct Heartbeat {
    #[pin]
    tick: HrTimer<Self>,
    beats: u32,
}

impl HrTimerCallback for Heartbeat {
//                       ^^^^^^^^^ warning[hrtimer-missing-has-hr-timer]: `Heartbeat` implements `HrTimerCallback` but nothing in this file implements `HasHrTimer<Heartbeat>`
    type Pointer<'a> = Arc<Self>;

    fn run(_this: ArcBorrow<'_, Self>) -> HrTimerRestart {
        HrTimerRestart::NoRestart
    }
}

// Two timer fields: which one the callback belongs to is a choice, so no automatic fix here.
#[pin_data]
struct TwoTimers<T> {
    #[pin]
    fast: HrTimer<Self>,
    #[pin]
    slow: HrTimer<Self>,
    payload: T,
}

impl<T: Send + Sync> HrTimerCallback for TwoTimers<T> {
//                                       ^^^^^^^^^^^^ warning[hrtimer-missing-has-hr-timer]: `TwoTimers` implements `HrTimerCallback`
    type Pointer<'a> = Pin<KBox<Self>>;

    fn run(_this: Pin<&mut Self>) -> HrTimerRestart {
        HrTimerRestart::NoRestart
    }
}
