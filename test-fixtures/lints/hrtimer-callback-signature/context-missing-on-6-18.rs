//@ kernel: 6.18, 6.19
// Callbacks written for the one-parameter `run` of 6.15–6.17, built against 6.18 or later.
use kernel::prelude::*;
use kernel::sync::{Arc, ArcBorrow};
use kernel::time::hrtimer::{HrTimer, HrTimerCallback, HrTimerRestart, RelativeMode};
use kernel::time::Monotonic;

#[pin_data]
struct Ticker {
    #[pin]
    timer: HrTimer<Self>,
}

impl HrTimerCallback for Ticker {
    type Pointer<'a> = Arc<Self>;

    fn run(_this: ArcBorrow<'_, Self>) -> HrTimerRestart {
//     ^^^ error[hrtimer-callback-signature]: `HrTimerCallback::run` takes a further parameter `ctx: HrTimerCallbackContext<'_, Self>` in Linux
        HrTimerRestart::NoRestart
    }
}

kernel::impl_has_hr_timer! {
    impl HasHrTimer<Self> for Ticker { mode: RelativeMode<Monotonic>, field: self.timer }
}

// Boxed timer, trailing comma after the only parameter; the context type is not imported, so the fix spells its path.
#[pin_data]
struct Oneshot {
    #[pin]
    timer: HrTimer<Self>,
    fired: bool,
}

impl HrTimerCallback for Oneshot {
    type Pointer<'a> = Pin<KBox<Self>>;

    fn run(
//     ^^^ error[hrtimer-callback-signature]: (added in 6.18)
        mut this: Pin<&mut Self>,
    ) {
//  ^ error[hrtimer-callback-signature]: must return `HrTimerRestart` in Linux
        this.fired = true;
    }
}

kernel::impl_has_hr_timer! {
    impl HasHrTimer<Self> for Oneshot { mode: RelativeMode<Monotonic>, field: self.timer }
}
