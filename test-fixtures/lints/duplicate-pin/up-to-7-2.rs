//@ kernel: 6.4, 7.2
// Up to 7.2 the second `#[pin]` is accepted and means nothing.
use kernel::prelude::*;
use kernel::sync::Mutex;

#[pin_data]
struct Dev {
    #[pin]
    /// The device lock.
    #[pin]
//  ^^^^^^ warning[duplicate-pin]: the repetition has no effect (from 7.3 `#[pin_data]` rejects it).
    lock: Mutex<u32>,
}
