//@ kernel: 6.15, 6.19, 7.3
// A pinned struct runs its drop code through `PinnedDrop`, never through `Drop`.
use kernel::prelude::*;
use kernel::sync::Mutex;

#[pin_data]
struct Port {
    #[pin]
    lock: Mutex<u32>,
}

impl Drop for Port {
//   ^^^^ error[pin-data-with-drop]: `impl Drop for Port` conflicts with `#[pin_data]`: a `#[pin_data]` struct must not implement `Drop`
    fn drop(&mut self) {}
}

#[pin_data(PinnedDrop)]
struct Queue<T> {
    #[pin]
    items: Mutex<T>,
}

impl<T> core::ops::Drop for Queue<T> {
//      ^^^^^^^^^^^^^^^ error[pin-data-with-drop]: `#[pin_data(PinnedDrop)]` already implements `Drop` for it
    fn drop(&mut self) {}
}

#[pinned_drop]
impl<T> PinnedDrop for Queue<T> {
    fn drop(self: Pin<&mut Self>) {}
}
