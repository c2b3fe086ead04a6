//@ kernel: 6.17
// Callbacks written for 6.18 (with the context argument), built against 6.17.
use kernel::prelude::*;
use kernel::sync::{Arc, ArcBorrow};
use kernel::time::hrtimer::{HrTimer, HrTimerCallback, HrTimerCallbackContext, HrTimerRestart, RelativeMode};
//                                                    ^^^^^^^^^^^^^^^^^^^^^^ error[api-unavailable]: `kernel::time::hrtimer::HrTimerCallbackContext` is not in Linux 6.17 (added in 6.18).
use kernel::time::{Delta, Monotonic};

#[pin_data]
struct Pulse {
    #[pin]
    timer: HrTimer<Self>,
}

impl HrTimerCallback for Pulse {
    type Pointer<'a> = Arc<Self>;

    // The context is used: removing it is not mechanical, so there is no fix.
    fn run(_this: ArcBorrow<'_, Self>, mut ctx: HrTimerCallbackContext<'_, Self>) -> HrTimerRestart {
//     ^^^ error[hrtimer-callback-signature]: `HrTimerCallback::run` takes only `this` in Linux 6.17 (the extra parameter arrived in 6.18).
        ctx.forward_now(Delta::from_millis(5));
        HrTimerRestart::Restart
    }
}

kernel::impl_has_hr_timer! {
    impl HasHrTimer<Self> for Pulse { mode: RelativeMode<Monotonic>, field: self.timer }
}

#[pin_data]
struct Quiet {
    #[pin]
    timer: HrTimer<Self>,
}

impl HrTimerCallback for Quiet {
    type Pointer<'a> = Arc<Self>;

    fn run(_this: ArcBorrow<'_, Self>, _ctx: HrTimerCallbackContext<'_, Self>) -> bool {
//     ^^^ error[hrtimer-callback-signature]: takes only `this` in Linux 6.17
//                                                                                ^^^^ error[hrtimer-callback-signature]: must return `HrTimerRestart` in Linux 6.17, not `bool`.
        false
    }
}

kernel::impl_has_hr_timer! {
    impl HasHrTimer<Self> for Quiet { mode: RelativeMode<Monotonic>, field: self.timer }
}
