//@ kernel: 6.15, 6.19
// Values with `:`, initializers with `<-`, and a field whose generic type holds an initializer on purpose.
use kernel::prelude::*;
use kernel::sync::Mutex;
use kernel::new_mutex;

#[pin_data]
struct Board {
    #[pin]
    lock: Mutex<u32>,
    id: u32,
    name: &'static CStr,
}

struct Deferred<I> {
    init: I,
}

impl Board {
    fn new(id: u32) -> impl PinInit<Self> {
        pin_init!(Self {
            lock <- new_mutex!(0),
            id: id + 1,
            name: c_str!("board"),
        })
    }
}

fn defer() -> impl Init<Deferred<impl PinInit<Mutex<u32>>>> {
    init!(Deferred { init: new_mutex!(1) })
}
