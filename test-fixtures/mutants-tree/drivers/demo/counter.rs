//! A made-up driver that keeps a counter behind a lock and waits for it to change.

use core::marker::PhantomPinned;
use kernel::prelude::*;
use kernel::sync::{CondVar, Mutex};
use kernel::{new_condvar, new_mutex};

#[pin_data]
struct Counter {
    #[pin]
    value: Mutex<u64>,
    #[pin]
    changed: CondVar,
    limit: u64,
    #[pin]
    _pin: PhantomPinned,
}

impl Counter {
    fn new(limit: u64) -> impl PinInit<Self> {
        pin_init!(Self {
            value <- new_mutex!(0),
            changed <- new_condvar!(),
            limit,
            _pin: PhantomPinned,
        })
    }

    fn checked(limit: u64) -> impl PinInit<Self, Error> {
        try_pin_init!(Self {
            value <- new_mutex!(0),
            changed <- new_condvar!(),
            limit: check(limit)?,
            _pin: PhantomPinned,
        })
    }
}

fn check(limit: u64) -> Result<u64> {
    if limit == 0 {
        return Err(EINVAL);
    }
    Ok(limit)
}

fn make() -> Result<Pin<KBox<Counter>>> {
    KBox::pin_init(Counter::new(8), GFP_KERNEL)
}

#[pin_data(PinnedDrop)]
struct Tracked {
    #[pin]
    inner: Mutex<u32>,
}

#[pinned_drop]
impl PinnedDrop for Tracked {
    fn drop(self: Pin<&mut Self>) {}
}

impl Tracked {
    fn new() -> impl PinInit<Self> {
        pin_init!(Self {
            inner <- new_mutex!(1),
        })
    }
}

fn make_tracked() -> Result<Pin<KBox<Tracked>>> {
    KBox::pin_init(Tracked::new(), GFP_KERNEL)
}

fn lone_lock() -> Result<Pin<KBox<Mutex<u32>>>> {
    KBox::pin_init(new_mutex!(5), GFP_KERNEL)
}

#[pin_data]
struct Pair {
    #[pin]
    counter: Counter,
}

// Fallible only through the `<-` of a fallible initializer (and not a function's returned value).
fn make_pair() -> Result<Pin<KBox<Pair>>> {
    KBox::pin_init(try_pin_init!(Pair { counter <- Counter::checked(4) }), GFP_KERNEL)
}
