//@ kernel: 6.15, 7.3
// `Drop` on plain structs, and `PinnedDrop` on pinned ones, are both fine.
use kernel::prelude::*;
use kernel::sync::{Arc, Mutex};

struct Guard {
    shared: Arc<Mutex<u32>>,
}

impl Drop for Guard {
    fn drop(&mut self) {}
}

#[pin_data(PinnedDrop)]
struct Device {
    #[pin]
    lock: Mutex<u32>,
}

#[pinned_drop]
impl PinnedDrop for Device {
    fn drop(self: Pin<&mut Self>) {}
}

// Two structs of one name (one per configuration): which one `impl Drop` means is not decided here.
#[cfg(CONFIG_A)]
#[pin_data]
struct Twin {
    #[pin]
    lock: Mutex<u32>,
}

#[cfg(not(CONFIG_A))]
struct Twin {
    value: u32,
}

#[cfg(not(CONFIG_A))]
impl Drop for Twin {
    fn drop(&mut self) {}
}
