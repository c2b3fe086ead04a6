//@ kernel: 6.17, 6.19
// Initializers go through `<-`; `:` would try to store the initializer itself.
use kernel::prelude::*;
use kernel::sync::{CondVar, Mutex, SpinLock};
use kernel::time::hrtimer::HrTimer;

#[pin_data]
struct Board {
    #[pin]
    lock: Mutex<u32>,
    #[pin]
    irq: SpinLock<u8>,
    #[pin]
    wait: CondVar,
    #[pin]
    timer: HrTimer<Board>,
    id: u32,
}

impl Board {
    fn new(id: u32) -> impl PinInit<Self> {
        pin_init!(Self {
            lock: kernel::new_mutex!(0),
//          ^^^^^ error[init-arrow-required]: Field `lock` is given the initializer `new_mutex!` with `:`
            irq : kernel::new_spinlock!(0, "Board::irq"),
//          ^^^^^ error[init-arrow-required]: write `irq <- …` to run it in place
            wait: CondVar::new(c_str!("Board::wait"), kernel::static_lock_class!()),
//          ^^^^^ error[init-arrow-required]: the initializer `CondVar::new`
            timer: HrTimer::new(),
//          ^^^^^^ error[init-arrow-required]: Field `timer` is given the initializer `HrTimer::new`
            id,
        })
    }
}
