//@ kernel: 6.15, 6.16
// Every callback type here is linked to its timer, or the link may live where this file cannot see it.
use kernel::prelude::*;
use kernel::sync::{Arc, ArcBorrow};
use kernel::time::hrtimer::{HasHrTimer, HrTimer, HrTimerCallback, HrTimerRestart};
use kernel::impl_has_hr_timer;

#[pin_data]
struct Blinker {
    #[pin]
    timer: HrTimer<Self>,
}

impl HrTimerCallback for Blinker {
    type Pointer<'a> = Arc<Self>;

    fn run(_this: ArcBorrow<'_, Self>) -> HrTimerRestart {
        HrTimerRestart::NoRestart
    }
}

impl_has_hr_timer! {
    impl HasHrTimer<Self> for Blinker { self.timer }
}

// Generic parameters go in braces after `impl`; the type is matched by its name.
#[pin_data]
struct Poller<T> {
    #[pin]
    timer: HrTimer<Self>,
    state: T,
}

impl<T: Send + Sync> HrTimerCallback for Poller<T> {
    type Pointer<'a> = Arc<Self>;

    fn run(_this: ArcBorrow<'_, Self>) -> HrTimerRestart {
        HrTimerRestart::NoRestart
    }
}

kernel::impl_has_hr_timer! {
    impl{<T>} HasHrTimer<Self> for Poller<T> { self.timer }
}

// Written by hand (the docs advise against it, but it is legal).
#[pin_data]
#[repr(C)]
struct Manual {
    #[pin]
    timer: HrTimer<Manual>,
}

impl HrTimerCallback for Manual {
    type Pointer<'a> = Arc<Self>;

    fn run(_this: ArcBorrow<'_, Self>) -> HrTimerRestart {
        HrTimerRestart::NoRestart
    }
}

// SAFETY: `timer` is the only timer of `Manual` and the struct is `repr(C)`.
unsafe impl HasHrTimer<Manual> for Manual {
    unsafe fn raw_get_timer(this: *const Self) -> *const HrTimer<Self> {
        // SAFETY: the caller passes a valid pointer.
        unsafe { core::ptr::addr_of!((*this).timer) }
    }

    unsafe fn timer_container_of(ptr: *mut HrTimer<Self>) -> *mut Self {
        ptr.cast()
    }
}

// Defined in another file: its `impl_has_hr_timer!` may sit next to the struct.
impl HrTimerCallback for super::Elsewhere {
    type Pointer<'a> = Arc<Self>;

    fn run(_this: ArcBorrow<'_, Self>) -> HrTimerRestart {
        HrTimerRestart::NoRestart
    }
}

// A trait of the same name that is not the kernel's.
mod local {
    pub(crate) trait HrTimerCallback {}
    pub(crate) struct Plain;
    impl HrTimerCallback for Plain {}
}

// The link is written for an alias of the type.
#[pin_data]
struct Strobe {
    #[pin]
    timer: HrTimer<Strobe>,
}

type Flash = Strobe;

impl HrTimerCallback for Strobe {
    type Pointer<'a> = Arc<Self>;

    fn run(_this: ArcBorrow<'_, Self>) -> HrTimerRestart {
        HrTimerRestart::NoRestart
    }
}

impl_has_hr_timer! {
    impl HasHrTimer<Flash> for Flash { self.timer }
}
