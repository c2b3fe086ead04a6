//@ kernel: 6.18, 6.19
// The 6.17+ macro needs a mode type, which the lint cannot choose for you: it warns without a fix.
use kernel::prelude::*;
use kernel::sync::{Arc, ArcBorrow};
use kernel::time::hrtimer::{HrTimer, HrTimerCallback, HrTimerCallbackContext, HrTimerRestart};

#[pin_data]
struct Watchdog {
    #[pin]
    timer: HrTimer<Watchdog>,
}

impl kernel::time::hrtimer::HrTimerCallback for Watchdog {
//                                              ^^^^^^^^ warning[hrtimer-missing-has-hr-timer]: add `impl_has_hr_timer!` naming its `HrTimer` field
    type Pointer<'a> = Arc<Self>;

    fn run(_this: ArcBorrow<'_, Self>, _ctx: HrTimerCallbackContext<'_, Self>) -> HrTimerRestart {
        HrTimerRestart::NoRestart
    }
}
