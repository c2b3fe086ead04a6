//@ kernel: 6.15, 6.19
// Locks behind a pointer or reference do not need `#[pin]`; neither do plain structs.
use kernel::prelude::*;
use kernel::sync::{Arc, Mutex, SpinLock};

#[pin_data]
struct Shared<'a> {
    #[pin]
    own: Mutex<u32>,
    boxed: Pin<KBox<Mutex<u32>>>,
    counted: Arc<SpinLock<u8>>,
    borrowed: &'a Mutex<u32>,
    maybe: Option<Arc<Mutex<u8>>>,
    value: u32,
}

// Not `#[pin_data]`: the lock lives in a struct that is never pin-initialised here.
struct Plain {
    lock: Mutex<u32>,
}

// A C counter that does not care where it lives may sit in an unpinned `Opaque`.
#[pin_data]
struct Counted<T> {
    count: kernel::types::Opaque<u32>,
    #[pin]
    data: T,
}

#[pin_data]
struct Values {
    level: u32,
}

fn make() -> impl PinInit<Values> {
    pin_init!(Values { level: 3 })
}
