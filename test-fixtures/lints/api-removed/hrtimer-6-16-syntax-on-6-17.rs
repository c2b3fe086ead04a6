//@ kernel: 6.17, 6.18
// A 6.16-style timer (bare macro body, mode and clock passed to `HrTimer::new`) built against 6.17 or later.
use kernel::prelude::*;
use kernel::time::hrtimer::{HrTimer, HrTimerMode};
use kernel::time::ClockId;
//                ^^^^^^^ error[api-removed]: `kernel::time::ClockId` is not in Linux

#[pin_data]
struct Sampler {
    #[pin]
    timer: HrTimer<Self>,
    count: u32,
}

kernel::impl_has_hr_timer! {
    impl HasHrTimer<Self> for Sampler { self.timer }
//                                      ^^^^^^^^^^ error[api-removed]: The bare `{ self.timer }` body of `impl_has_hr_timer!` is not in Linux
}

impl Sampler {
    fn new() -> impl PinInit<Self> {
        pin_init!(Self {
            timer <- HrTimer::new(HrTimerMode::Relative, ClockId::Monotonic),
//                            ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ error[api-removed]: `HrTimer::new(mode, clock)` is not in Linux
            count: 0,
        })
    }

    fn spelled(mode: HrTimerMode) -> impl PinInit<HrTimer<Self>> {
        kernel::time::hrtimer::HrTimer::<Self>::new(mode, kernel::time::ClockId::BootTime)
//                                              ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ error[api-removed]: (removed in 6.17); use `HrTimer::new()` (the mode and clock now come from `mode:` in `impl_has_hr_timer!`).
//                                                                      ^^^^^^^ error[api-removed]: `kernel::time::ClockId` is not in Linux
    }
}
