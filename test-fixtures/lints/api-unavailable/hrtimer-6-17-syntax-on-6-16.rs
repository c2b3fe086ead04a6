//@ kernel: 6.15, 6.16
// A 6.17-style timer (mode type in the macro, `HrTimer::new()` without arguments) built against an older kernel.
use kernel::prelude::*;
use kernel::time::hrtimer::{HrTimer, RelativeMode};
//                                   ^^^^^^^^^^^^ error[api-unavailable]: `kernel::time::hrtimer::RelativeMode` is not in Linux
use kernel::time::Monotonic;
//                ^^^^^^^^^ error[api-unavailable]: `kernel::time::Monotonic` is not in Linux
use kernel::impl_has_hr_timer;

#[pin_data]
struct Sampler {
    #[pin]
    timer: HrTimer<Self>,
}

impl_has_hr_timer! {
    impl HasHrTimer<Self> for Sampler {
        mode: RelativeMode<Monotonic>,
//      ^ error[api-unavailable]: The `mode:`/`field:` body of `impl_has_hr_timer!` is not in Linux
        field: self.timer,
    }
}

impl Sampler {
    fn new() -> impl PinInit<Self> {
        pin_init!(Self { timer <- HrTimer::new() })
//                                         ^^^^^ error[api-unavailable]: `HrTimer::new()` is not in Linux 6.1
    }
}
