//@ kernel: 6.3
// 6.3 has no pin-init.
#[pin_data]
#[repr(C, packed)]
struct Frame {
    len: u32,
}
