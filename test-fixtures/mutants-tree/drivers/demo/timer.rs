//! A made-up timer that counts its own expiries, and an mmap hook that maps one page.

use kernel::mm::virt::VmaNew;
use kernel::mm::MmapReadGuard;
use kernel::page::Page;
use kernel::prelude::*;
use kernel::sync::{Arc, ArcBorrow};
use kernel::time::hrtimer::{HrTimer, HrTimerCallback, HrTimerCallbackContext, HrTimerRestart, RelativeMode};
use kernel::time::Monotonic;

#[pin_data]
struct Ticker {
    #[pin]
    timer: HrTimer<Self>,
}

impl HrTimerCallback for Ticker {
    type Pointer<'a> = Arc<Self>;

    fn run(this: ArcBorrow<'_, Self>, _ctx: HrTimerCallbackContext<'_, Self>) -> HrTimerRestart {
        let _ = this;
        HrTimerRestart::NoRestart
    }
}

kernel::impl_has_hr_timer! {
    impl HasHrTimer<Self> for Ticker { mode: RelativeMode<Monotonic>, field: self.timer }
}

fn map_first(vma: &VmaNew, page: &Page) -> Result {
    vma.set_mixedmap().vm_insert_page(vma.start(), page)
}

fn map_later(guard: &MmapReadGuard<'_>, addr: usize, page: &Page) -> Result {
    guard.vma_lookup(addr).ok_or(ESRCH)?.as_mixedmap_vma().ok_or(ESRCH)?.vm_insert_page(addr, page)
}
