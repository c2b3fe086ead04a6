//@ kernel: 6.15, 6.19
// Locks behind pointers, derive-only types and structs never pin-initialised need no attribute.
use kernel::prelude::*;
use kernel::sync::{Arc, Mutex};
use kernel::types::Opaque;

struct Handle {
    shared: Arc<Mutex<u32>>,
}

/// A transparent wrapper around a C object, created by the C side.
#[repr(transparent)]
pub struct Raw(Opaque<u64>);

#[derive(Clone, Copy, Default)]
struct Config {
    depth: u32,
}

#[pin_data(PinnedDrop)]
struct Owner {
    #[pin]
    lock: Mutex<u32>,
}

#[pinned_drop]
impl PinnedDrop for Owner {
    fn drop(self: Pin<&mut Self>) {}
}

// `init!` works for any struct; it does not need pin data.
fn config() -> impl Init<Config> {
    init!(Config { depth: 4 })
}
