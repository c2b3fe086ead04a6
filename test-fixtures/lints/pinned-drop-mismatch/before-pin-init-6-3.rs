//@ kernel: 6.3
// 6.3 has no pin-init: these names mean nothing to the kernel there.
#[pin_data(PinnedDrop)]
struct Reader {
    lock: u32,
}

impl PinnedDrop for Reader {
    fn drop(self: Pin<&mut Self>) {}
}
