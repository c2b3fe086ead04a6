//@ kernel: 7.3
// From 7.3 `#[pin_data]` refuses it.
use kernel::prelude::*;
use kernel::sync::Mutex;

#[pin_data]
struct Dev {
    #[pin]
    #[pin]
//  ^^^^^^ warning[duplicate-pin]: Field `lock` of `Dev` is marked `#[pin]` 2 times: `#[pin_data]` rejects a repeated `#[pin]`.
    lock: Mutex<u32>,
}
