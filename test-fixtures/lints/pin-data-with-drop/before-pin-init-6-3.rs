//@ kernel: 6.3
// 6.3 has no pin-init: `#[pin_data]` is not the kernel's attribute there, so nothing is said.
#[pin_data]
struct Port {
    lock: u32,
}

impl Drop for Port {
    fn drop(&mut self) {}
}
