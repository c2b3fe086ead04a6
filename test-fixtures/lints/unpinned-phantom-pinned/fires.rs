//@ kernel: 6.15, 6.19, 7.0, 7.3
// `PhantomPinned` only makes a `#[pin_data]` struct `!Unpin` when it is `#[pin]`.
use core::marker::{self, PhantomPinned};
use kernel::prelude::*;

#[pin_data]
struct Node {
    next: *const Node,
    _pin: PhantomPinned,
//  ^^^^ warning[unpinned-phantom-pinned]: Field `_pin` of `#[pin_data]` struct `Node` is a `PhantomPinned` without `#[pin]`
}

#[pin_data]
struct Link {
    prev: *const Link,
    pinned: marker::PhantomPinned,
//  ^^^^^^ warning[unpinned-phantom-pinned]: is a `PhantomPinned` without `#[pin]`
    last: ::core::marker::PhantomPinned,
//  ^^^^ warning[unpinned-phantom-pinned]: is a `PhantomPinned` without `#[pin]`
}
