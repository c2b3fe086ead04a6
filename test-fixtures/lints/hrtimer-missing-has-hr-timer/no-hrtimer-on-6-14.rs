//@ kernel: 6.14
// Before 6.15 there is no hrtimer module: only the import is reported, not the missing link.
use kernel::prelude::*;
use kernel::sync::{Arc, ArcBorrow};
use kernel::time::hrtimer::{HrTimer, HrTimerCallback, HrTimerRestart};
//                ^^^^^^^ error[api-unavailable]: `kernel::time::hrtimer` is not in Linux 6.14 (added in 6.15).

#[pin_data]
struct Early {
    #[pin]
    timer: HrTimer<Self>,
}

impl HrTimerCallback for Early {
    type Pointer<'a> = Arc<Self>;

    fn run(_this: ArcBorrow<'_, Self>) -> HrTimerRestart {
        HrTimerRestart::NoRestart
    }
}
