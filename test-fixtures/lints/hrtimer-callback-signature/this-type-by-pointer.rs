//@ kernel: 6.17, 7.3
// `run` receives what the timer's pointer kind hands out (the knowledge base lists the impls of
// `RawHrTimerCallback`): `ArcBorrow` for `Arc`, `Pin<&mut>` for a pinned box or a pinned mutable reference.
use kernel::prelude::*;
use kernel::sync::{Arc, ArcBorrow};
use kernel::time::hrtimer::{HrTimer, HrTimerCallback, HrTimerRestart, RelativeMode};
use kernel::time::Monotonic;

#[pin_data]
struct Shared {
    #[pin]
    timer: HrTimer<Self>,
}

impl HrTimerCallback for Shared {
    type Pointer<'a> = Arc<Self>;

    fn run(this: &Self) -> HrTimerRestart {
//     ^^^ error@7.3[hrtimer-callback-signature]: `HrTimerCallback::run` takes a further parameter
//               ^^^^^ error[hrtimer-callback-signature]: With `type Pointer<'a> = Arc<Self>`, `HrTimerCallback::run` receives `ArcBorrow<'_, Self>`
        let _ = this;
        HrTimerRestart::NoRestart
    }
}

kernel::impl_has_hr_timer! {
    impl HasHrTimer<Self> for Shared { mode: RelativeMode<Monotonic>, field: self.timer }
}

#[pin_data]
struct Boxed {
    #[pin]
    timer: HrTimer<Self>,
}

impl HrTimerCallback for Boxed {
    type Pointer<'a> = Pin<KBox<Self>>;

    fn run(this: Pin<&Self>) -> HrTimerRestart {
//     ^^^ error@7.3[hrtimer-callback-signature]: `HrTimerCallback::run` takes a further parameter
//               ^^^^^^^^^^ error[hrtimer-callback-signature]: receives `Pin<&mut Self>`
        let _ = this;
        HrTimerRestart::NoRestart
    }
}

kernel::impl_has_hr_timer! {
    impl HasHrTimer<Self> for Boxed { mode: RelativeMode<Monotonic>, field: self.timer }
}

#[pin_data]
struct Fine {
    #[pin]
    timer: HrTimer<Self>,
}

impl HrTimerCallback for Fine {
    type Pointer<'a> = Pin<&'a mut Self>;

    fn run(this: Pin<&mut Self>) -> HrTimerRestart {
//     ^^^ error@7.3[hrtimer-callback-signature]: `HrTimerCallback::run` takes a further parameter
        let _ = this;
        HrTimerRestart::NoRestart
    }
}

kernel::impl_has_hr_timer! {
    impl HasHrTimer<Self> for Fine { mode: RelativeMode<Monotonic>, field: self.timer }
}

#[pin_data]
struct Counted {
    #[pin]
    timer: HrTimer<Self>,
}

impl HrTimerCallback for Counted {
    type Pointer<'a> = Arc<Self>;

    fn run(this: ArcBorrow<'_, Self>) -> HrTimerRestart {
//     ^^^ error@7.3[hrtimer-callback-signature]: `HrTimerCallback::run` takes a further parameter
        let _ = this;
        HrTimerRestart::NoRestart
    }
}

kernel::impl_has_hr_timer! {
    impl HasHrTimer<Self> for Counted { mode: RelativeMode<Monotonic>, field: self.timer }
}
