//@ kernel: 6.15
// A missing comma between two entries is told apart from a missing field, and a turbofish with several arguments
// (`::<u32, Error>`) is one entry, not two.
use kernel::prelude::*;
use kernel::sync::Mutex;

#[pin_data]
struct Dev {
    #[pin]
    lock: Mutex<u32>,
    id: u32,
    len: usize,
}

fn pick<T, E>() -> u32 {
    0
}

impl Dev {
    fn glued() -> impl PinInit<Self> {
        pin_init!(Self {
            lock <- kernel::new_mutex!(0),
            id: 1
            len: 2,
//          ^^^ error[init-missing-field]: A comma is missing before `len` in the field list of `pin_init!`, so the macro reads two fields as one.
        })
    }

    fn turbofish() -> impl PinInit<Self> {
        pin_init!(Self {
//                ^^^^ error[init-missing-field]: `pin_init!` for `Dev` does not initialise field `len`
            lock <- kernel::new_mutex!(0),
            id: pick::<u32, Error>(),
        })
    }

    fn complete() -> impl PinInit<Self> {
        pin_init!(Self {
            lock <- kernel::new_mutex!(0),
            id: pick::<KVec<u8>, Error>(),
            len: if 1 < 2 { 3 } else { 4 },
        })
    }
}
