//@ kernel: 6.18
// `Inner::new` returns an initializer; `Outer::new`, a value, shares only the name. A call spells its owner, so the
// two do not clash. A free function named like another free function (here `make`, twice through a `mod`) does.
use kernel::prelude::*;
use kernel::sync::Mutex;

#[pin_data]
struct Inner {
    #[pin]
    lock: Mutex<u32>,
}

impl Inner {
    fn new() -> impl PinInit<Self, Error> {
        try_pin_init!(Self { lock <- kernel::new_mutex!(0) })
    }
}

struct Outer(Arc<Inner>);

impl Outer {
    fn new() -> Result<Self> {
        let inner = Arc::new(Inner::new(), GFP_KERNEL)?;
//                           ^^^^^^^^^^ error[unpinned-initializer]: `Arc::new` moves the initializer returned by `Inner::new` instead of running it in place; use `Arc::pin_init`.
        Ok(Self(inner))
    }
}

fn make() -> impl PinInit<Inner, Error> {
    Inner::new()
}

mod other {
    pub(crate) fn make() -> u32 {
        0
    }
}

fn unclear() -> Result {
    let _b = KBox::new(make(), GFP_KERNEL)?;
    Ok(())
}
