//@ kernel: 6.18, 7.0
// `Devres::new` returns `impl PinInit<Self, Error>` in 6.18 and 6.19 and `Result<Self>` from 7.0 (knowledge base):
// the rule reads the signature of the target's release, and says nothing where the call is no initializer.
use kernel::prelude::*;
use kernel::devres::Devres;
use kernel::device::{Bound, Device};

#[pin_data]
struct Holder {
    #[pin]
    res: Devres<u32>,
}

fn holder(dev: &Device<Bound>) -> Result<Pin<KBox<Holder>>> {
    let res = Devres::new(dev, 5u32);
    KBox::pin_init(pin_init!(Holder { res <- res }), GFP_KERNEL)
//                                           ^^^ error@6.18[fallible-in-infallible-init]: `Devres::new` is an initializer with error type `kernel::error::Error`
}
