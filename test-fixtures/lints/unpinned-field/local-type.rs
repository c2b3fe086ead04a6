//@ kernel: 6.19
// A file that defines its own `Mutex` is not talking about the kernel's.
use kernel::prelude::*;

struct Mutex<T>(T);

#[pin_data]
struct Holder {
    inner: Mutex<u32>,
}
