//@ kernel: 6.15, 6.16, 6.17
// One-parameter callbacks are right for every release before 6.18, whatever the pointer type.
use kernel::prelude::*;
use kernel::sync::{Arc, ArcBorrow};
use kernel::time::hrtimer::{self, HrTimer, HrTimerCallback, HrTimerRestart as Restart};

#[pin_data]
struct Counter {
    #[pin]
    timer: HrTimer<Self>,
}

impl HrTimerCallback for Counter {
    type Pointer<'a> = Arc<Self>;

    fn run(this: <Self::Pointer<'_> as hrtimer::RawHrTimerCallback>::CallbackTarget<'_>) -> Restart {
        let _ = this;
        Restart::NoRestart
    }
}

#[pin_data]
struct Scoped {
    #[pin]
    timer: HrTimer<Self>,
}

impl<'a> HrTimerCallback for Scoped {
    type Pointer<'b> = Pin<&'b Self>;

    fn run(_this: Pin<&Self>) -> hrtimer::HrTimerRestart {
        hrtimer::HrTimerRestart::NoRestart
    }
}

// Not the kernel's trait: its `run` may look like anything.
mod sim {
    pub(crate) trait HrTimerCallback {
        fn run(a: u32, b: u32, c: u32);
    }
    pub(crate) struct Fake;
    impl HrTimerCallback for Fake {
        fn run(_a: u32, _b: u32, _c: u32) {}
    }
}
