//@ kernel: 6.15..6.18
// A 6.16-style timer checked against a range: it builds on 6.15 and 6.16 and fails from 6.17, and no rewrite is
// offered because the 6.17 form would not build on 6.15–6.16.
use kernel::prelude::*;
use kernel::time::hrtimer::{HrTimer, HrTimerMode};
use kernel::time::ClockId;
//                ^^^^^^^ error[api-removed]: `kernel::time::ClockId` is not in 6.17–6.18 of your range 6.15..6.18 (removed in 6.17)

#[pin_data]
struct Poller {
    #[pin]
    timer: HrTimer<Self>,
    ticks: u64,
}

kernel::impl_has_hr_timer! {
    impl HasHrTimer<Self> for Poller { self.timer }
//                                     ^^^^^^^^^^ error[api-removed]: The bare `{ self.timer }` body of `impl_has_hr_timer!` is not in 6.17–6.18 of your range 6.15..6.18 (removed in 6.17)
}

impl Poller {
    fn new() -> impl PinInit<Self> {
        pin_init!(Self {
            timer <- HrTimer::new(HrTimerMode::Relative, ClockId::Monotonic),
//                            ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ error[api-removed]: `HrTimer::new(mode, clock)` is not in 6.17–6.18 of your range 6.15..6.18 (removed in 6.17)
            ticks: 0,
        })
    }
}
