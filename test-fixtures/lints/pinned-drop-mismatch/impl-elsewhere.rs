//@ kernel: 6.15, 7.3
// The impl can live in a module file of its own (`mod teardown;`) or come out of a macro: nothing is said.
use kernel::prelude::*;
use kernel::sync::Mutex;

mod teardown;

#[pin_data(PinnedDrop)]
struct Reader {
    #[pin]
    lock: Mutex<u32>,
}
