//@ kernel: 6.15, 7.2, 7.3
// One `#[pin]` per field.
use kernel::prelude::*;
use kernel::sync::{CondVar, Mutex};

#[pin_data]
struct Dev {
    #[pin]
    #[pin]
//  ^^^^^^ warning[duplicate-pin]: Field `lock` of `Dev` is marked `#[pin]` 2 times
    lock: Mutex<u32>,
    #[pin] #[pin] wait: CondVar,
//         ^^^^^^ warning[duplicate-pin]: Field `wait` of `Dev` is marked `#[pin]` 2 times
}
