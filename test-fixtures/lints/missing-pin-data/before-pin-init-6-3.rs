//@ kernel: 6.3
// 6.3 has no pin-init at all: `#[pin]` and `#[pinned_drop]` mean nothing there, so nothing is asked for.
struct Device {
    #[pin]
    state: u32,
}
