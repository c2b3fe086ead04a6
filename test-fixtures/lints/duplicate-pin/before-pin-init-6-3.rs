//@ kernel: 6.3
// 6.3 has no pin-init.
#[pin_data]
struct Dev {
    #[pin]
    #[pin]
    lock: u32,
}
