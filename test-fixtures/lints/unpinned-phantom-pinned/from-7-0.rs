//@ kernel: 7.0, 7.3
// From 7.0 `#[pin_data]` only warns, and the struct stays `Unpin`.
use core::marker::PhantomPinned;
use kernel::prelude::*;

#[pin_data]
struct Node {
    _pin: PhantomPinned,
//  ^^^^ warning[unpinned-phantom-pinned]: is a `PhantomPinned` without `#[pin]`: it does not make the struct `!Unpin` (`#[pin_data]` warns).
}
