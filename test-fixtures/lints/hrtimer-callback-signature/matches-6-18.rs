//@ kernel: 6.18, 6.19
// The 6.18 shape: `this` plus the callback context, here re-arming a periodic timer.
use kernel::prelude::*;
use kernel::sync::ArcBorrow;
use kernel::time::hrtimer::*;
use kernel::time::{Delta, Monotonic};

#[pin_data]
struct Metronome {
    #[pin]
    timer: HrTimer<Self>,
}

impl HrTimerCallback for Metronome {
    type Pointer<'a> = kernel::sync::Arc<Self>;

    fn run(
        _this: ArcBorrow<'_, Self>,
        mut context: HrTimerCallbackContext<'_, Self>,
    ) -> HrTimerRestart {
        context.forward_now(Delta::from_millis(250));
        HrTimerRestart::Restart
    }
}

kernel::impl_has_hr_timer! {
    impl HasHrTimer<Self> for Metronome {
        mode: RelativeMode<Monotonic>,
        field: self.timer,
    }
}
