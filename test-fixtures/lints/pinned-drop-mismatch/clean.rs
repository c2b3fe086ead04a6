//@ kernel: 6.15, 7.3
// Every `PinnedDrop` struct has its `#[pinned_drop]` impl; plain `#[pin_data]` structs need none.
use kernel::prelude::*;
use kernel::sync::Mutex;

#[pin_data(PinnedDrop)]
struct Reader {
    #[pin]
    lock: Mutex<u32>,
}

#[pinned_drop]
impl PinnedDrop for Reader {
    fn drop(self: Pin<&mut Self>) {}
}

#[pin_data(PinnedDrop)]
pub struct Pool<T> {
    #[pin]
    slots: Mutex<T>,
}

#[kernel::prelude::pinned_drop]
impl<T> PinnedDrop for Pool<T> {
    fn drop(self: Pin<&mut Self>) {}
}

#[pin_data]
struct Plain {
    #[pin]
    lock: Mutex<u32>,
}
