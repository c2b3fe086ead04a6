//@ kernel: 6.15, 7.3
// A pinned `PhantomPinned`, or one in a struct without `#[pin_data]`, is fine.
use core::marker::PhantomPinned;
use kernel::prelude::*;

#[pin_data]
struct Node {
    next: *const Node,
    #[pin]
    _pin: PhantomPinned,
}

struct Raw {
    _pin: PhantomPinned,
}

#[pin_data]
struct Wrapper {
    // Only the field's own type counts: a `PhantomPinned` inside another type is that type's business.
    inner: Option<PhantomPinned>,
}
