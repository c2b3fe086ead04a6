//@ kernel: 6.15, 6.19, 7.3
// `#[pin_data(PinnedDrop)]` and `#[pinned_drop] impl PinnedDrop` go together.
use kernel::prelude::*;
use kernel::sync::Mutex;

#[pin_data(PinnedDrop)]
struct Reader {
//     ^^^^^^ error[pinned-drop-mismatch]: Struct `Reader` is declared `#[pin_data(PinnedDrop)]` but this file has no `#[pinned_drop] impl PinnedDrop for Reader`.
    #[pin]
    lock: Mutex<u32>,
}

#[pin_data(PinnedDrop)]
struct Writer {
    #[pin]
    lock: Mutex<u32>,
}

/// Releases the writer.
impl PinnedDrop for Writer {
//   ^^^^^^^^^^ error[pinned-drop-mismatch]: `impl PinnedDrop for Writer` needs the `#[pinned_drop]` attribute
    fn drop(self: Pin<&mut Self>) {}
}

#[pin_data(PinnedDrop)]
struct Logger<T> {
    #[pin]
    sink: Mutex<T>,
}

impl<T> pin_init::PinnedDrop for Logger<T> {
//      ^^^^^^^^^^^^^^^^^^^^ error[pinned-drop-mismatch]: `impl PinnedDrop for Logger` needs the `#[pinned_drop]` attribute
    fn drop(self: Pin<&mut Self>) {}
}
