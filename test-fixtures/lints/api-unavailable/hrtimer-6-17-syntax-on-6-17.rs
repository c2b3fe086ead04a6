//@ kernel: 6.17, 6.18, 6.19
// The same 6.17-style timer is right from 6.17 on; a local `HrTimer` and a local macro of the same names are not judged.
use kernel::prelude::*;
use kernel::time::hrtimer::{HrTimer, RelativeMode};
use kernel::time::Monotonic;
use kernel::impl_has_hr_timer;

#[pin_data]
struct Sampler {
    #[pin]
    timer: HrTimer<Self>,
}

impl_has_hr_timer! {
    impl HasHrTimer<Self> for Sampler {
        mode: RelativeMode<Monotonic>,
        field: self.timer,
    }
}

impl Sampler {
    fn new() -> impl PinInit<Self> {
        pin_init!(Self { timer <- HrTimer::new() })
    }
}

mod model {
    // A test double with its own two-argument constructor and its own macro.
    pub(crate) struct HrTimer;
    impl HrTimer {
        pub(crate) fn new(_a: u32, _b: u32) -> Self {
            HrTimer
        }
    }
    macro_rules! impl_has_hr_timer {
        ($($t:tt)*) => {};
    }
    impl_has_hr_timer! { impl HasHrTimer<Self> for HrTimer { self.whatever } }
    pub(crate) fn make() -> HrTimer {
        HrTimer::new(1, 2)
    }
}
