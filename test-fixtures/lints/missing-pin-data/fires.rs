//@ kernel: 6.15, 6.19
// Pin-init needs the attribute that generates the pin data.
use kernel::prelude::*;
use kernel::new_mutex;
use kernel::sync::Mutex;

/// A device with a lock.
#[derive(Debug)]
struct Device {
//     ^^^^^^ error[missing-pin-data]: Struct `Device` has `#[pin]` fields but lacks `#[pin_data]`.
    #[pin]
    state: Mutex<u32>,
}

pub struct Stats {
//         ^^^^^ error[missing-pin-data]: Struct `Stats` is built with `try_pin_init!` but lacks `#[pin_data]`.
    hits: u64,
}

impl Stats {
    fn new() -> impl PinInit<Self, Error> {
        try_pin_init!(Self { hits: 0 })
    }
}

#[pin_data]
struct Session {
//     ^^^^^^^ error[missing-pin-data]: has a `#[pinned_drop]` impl, so it needs `#[pin_data(PinnedDrop)]`
    #[pin]
    lock: Mutex<()>,
}

#[pinned_drop]
impl PinnedDrop for Session {
    fn drop(self: Pin<&mut Self>) {}
}

struct Ticket {
//     ^^^^^^ error[missing-pin-data]: Struct `Ticket` has a `#[pinned_drop]` impl but lacks `#[pin_data(PinnedDrop)]`.
    id: u32,
}

#[pinned_drop]
impl PinnedDrop for Ticket {
    fn drop(self: Pin<&mut Self>) {}
}

fn device() -> impl PinInit<Device> {
    pin_init!(Device { state <- new_mutex!(0) })
}
