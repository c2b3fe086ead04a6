//@ kernel: 6.4, 6.19
// Up to 6.19 `#[pin_data]` stops the build.
use core::marker::PhantomPinned;
use kernel::prelude::*;

#[pin_data]
struct Node {
    _pin: PhantomPinned,
//  ^^^^ warning[unpinned-phantom-pinned]: is a `PhantomPinned` without `#[pin]`: `#[pin_data]` rejects it with a compile error.
}
