//@ kernel: 6.15
// A pin-initializer bound with `let` and run with `<-` into a field that is not `#[pin]` (the field's type is
// generic, so only the initializer tells).
use kernel::prelude::*;

#[pin_data]
struct Dev<L> {
    lock: L,
//  ^^^^ error[unpinned-field]: Field `lock` of `#[pin_data]` struct `Dev` is initialised in place with `new_mutex!` (a pin-initializer) but is not marked `#[pin]`.
}

impl Dev<kernel::sync::Mutex<u32>> {
    fn new() -> impl PinInit<Self> {
        let lock = kernel::new_mutex!(0);
        pin_init!(Self { lock <- lock })
    }
}
