//@ kernel: 6.14, 6.15, 6.16, 6.17, 6.18
// Hover across the hrtimer eras.
use kernel::prelude::*;
use kernel::sync::Arc;
use kernel::time::hrtimer::{HrTimer, HrTimerCallback, HrTimerPointer, HrTimerRestart};
//                          ^ hover@6.14: **Not available in Linux 6.14** (added in 6.15)
//                          ^ hover@6.16: Since Linux 6.15

#[pin_data]
struct Beat {
    #[pin]
    timer: HrTimer<Self>,
//         ^ hover: `kernel::time::hrtimer::HrTimer`
}

impl HrTimerCallback for Beat {
//   ^ hover: `kernel::time::hrtimer::HrTimerCallback`
    type Pointer<'a> = Arc<Self>;
//       ^ hover: `kernel::time::hrtimer::HrTimerCallback::Pointer`

    fn run(_this: Arc<Self>) -> HrTimerRestart {
//     ^ hover: `kernel::time::hrtimer::HrTimerCallback::run`
//     ^ hover@6.18: HrTimerCallbackContext
        HrTimerRestart::NoRestart
//                      ^ hover: `kernel::time::hrtimer::HrTimerRestart::NoRestart`
    }
}

impl Beat {
    fn new() -> impl PinInit<Self> {
        pin_init!(Self {
            timer <- HrTimer::new(),
//                   ^ hover: `kernel::time::hrtimer::HrTimer`
//                            ^ hover@6.16: new(mode: HrTimerMode, clock: ClockId)
//                            ^ hover@6.17: pub fn new() -> impl PinInit<Self>
        })
    }

    fn kick(this: Arc<Self>) {
        let _h = this.start(kernel::time::Delta::from_millis(10));
//                                        ^ hover@6.15: **Not available in Linux 6.15** (added in 6.16)
//                                               ^ hover@6.17: `kernel::time::Delta::from_millis`
    }
}

fn old_clock() -> kernel::time::ClockId {
//                              ^ hover@6.16: `kernel::time::ClockId`
//                              ^ hover@6.17: **Removed in 6.17** — use `kernel::time::ClockSource`
    kernel::time::ClockId::Monotonic
}
