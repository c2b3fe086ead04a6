//@ kernel: 6.14
// Before 6.15 `stack_pin_init!` lives in the kernel crate; the fix imports it from there.
use kernel::prelude::*;
use kernel::new_mutex;

fn stack() {
    let m = new_mutex!(5u32);
//      ^ error[unpinned-initializer]: `m` holds the initializer returned by `new_mutex!`
    *m.lock() += 1;
}
