//@ kernel: 6.15, 7.3
// One `#[pin]` per field, on as many fields as need it.
use kernel::prelude::*;
use kernel::sync::{CondVar, Mutex};

#[pin_data]
struct Dev {
    #[pin]
    lock: Mutex<u32>,
    #[pin]
    wait: CondVar,
    count: u32,
}
