//@ kernel: 6.15, 6.16
// The same 6.16-style timer is right for 6.15 and 6.16.
use kernel::prelude::*;
use kernel::time::hrtimer::{HrTimer, HrTimerMode};
use kernel::time::ClockId;

#[pin_data]
struct Sampler {
    #[pin]
    timer: HrTimer<Self>,
    count: u32,
}

kernel::impl_has_hr_timer! {
    impl HasHrTimer<Self> for Sampler { self.timer }
}

impl Sampler {
    fn new() -> impl PinInit<Self> {
        pin_init!(Self {
            timer <- HrTimer::new(HrTimerMode::Relative, ClockId::Monotonic),
            count: 0,
        })
    }

    fn spelled(mode: HrTimerMode) -> impl PinInit<HrTimer<Self>> {
        kernel::time::hrtimer::HrTimer::<Self>::new(mode, kernel::time::ClockId::BootTime)
    }
}
