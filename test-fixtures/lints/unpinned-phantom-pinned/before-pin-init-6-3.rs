//@ kernel: 6.3
// 6.3 has no pin-init.
use core::marker::PhantomPinned;

#[pin_data]
struct Node {
    _pin: PhantomPinned,
}
