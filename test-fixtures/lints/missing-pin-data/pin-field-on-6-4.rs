//@ kernel: 6.4, 6.14
// From 6.4 (the first release with pin-init) a `#[pin]` field needs `#[pin_data]` on its struct.
struct Device {
//     ^^^^^^ error[missing-pin-data]: Struct `Device` has `#[pin]` fields but lacks `#[pin_data]`.
    #[pin]
    state: u32,
}
