//@ kernel: 6.15
// A driver macro that writes the link for each of its timers: the lint cannot expand it, so it stays silent.
use kernel::prelude::*;
use kernel::sync::{Arc, ArcBorrow};
use kernel::time::hrtimer::{HrTimer, HrTimerCallback, HrTimerRestart};

macro_rules! timer_link {
    ($t:ident) => {
        kernel::impl_has_hr_timer! {
            impl HasHrTimer<Self> for $t { self.timer }
        }
    };
}

#[pin_data]
struct Sampler {
    #[pin]
    timer: HrTimer<Self>,
}

impl HrTimerCallback for Sampler {
    type Pointer<'a> = Arc<Self>;

    fn run(_this: ArcBorrow<'_, Self>) -> HrTimerRestart {
        HrTimerRestart::NoRestart
    }
}

timer_link!(Sampler);
