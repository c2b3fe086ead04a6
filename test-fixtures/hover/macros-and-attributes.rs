//@ kernel: 6.14, 6.16, 6.17, 6.18
// Attributes, the PinnedDrop argument, zeroing tails and impl_has_hr_timer!.
use kernel::prelude::*;
use kernel::time::hrtimer::HrTimer;

#[pin_data(PinnedDrop)]
//         ^ hover: `syntax::pin-data-pinned-drop`
struct Dev {
    #[pin]
    timer: HrTimer<Self>,
    count: u64,
}

#[pinned_drop]
//^ hover@6.14: `macros::#[pinned_drop]`
//^ hover@6.18: `pin_init::#[pinned_drop]`
impl PinnedDrop for Dev {
    fn drop(self: Pin<&mut Self>) {}
}

kernel::impl_has_hr_timer! {
//      ^ hover@6.14: **Not available in Linux 6.14** (added in 6.15)
//      ^ hover@6.16: `kernel::impl_has_hr_timer!`
    impl HasHrTimer<Self> for Dev { self.timer }
}

fn zeroed_counts() -> impl PinInit<Dev> {
    pin_init!(Dev {
        timer <- HrTimer::new(),
        ..Zeroable::zeroed()
//                  ^ hover@6.16: `syntax::zeroed-tail`
//                  ^ hover@6.17: **Removed in 6.17**
    })
}
