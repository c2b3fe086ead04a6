//@ kernel: 6.14, 6.18
// A pin-initializer bound with `let` and then moved into a box is not run; `Revocable::new` and `Devres::new` are
// initializers only at the releases whose signatures (knowledge base) say so.
use kernel::prelude::*;
use kernel::devres::Devres;
use kernel::revocable::Revocable;
use kernel::device::{Bound, Device};

fn boxed() -> Result<Pin<KBox<Mutex<u32>>>> {
    let m = kernel::new_mutex!(0);
    let _held = KBox::new(m, GFP_KERNEL)?;
//                        ^ error[unpinned-initializer]: `KBox::new` moves the initializer returned by `new_mutex!`
    let ok = kernel::new_mutex!(1);
    KBox::pin_init(ok, GFP_KERNEL)
}

fn revocable() -> Result {
    let _r = KBox::new(Revocable::new(5u32), GFP_KERNEL)?;
//                     ^^^^^^^^^^^^^^ error@6.14,6.18[unpinned-initializer]: `KBox::new` moves the initializer returned by `Revocable::new`
    Ok(())
}

fn devres(dev: &Device<Bound>) -> Result {
    // A value in 6.14 (`Result<Devres<T>>`), an initializer in 6.18.
    let _d = KBox::new(Devres::new(dev, 5u32), GFP_KERNEL)?;
//                     ^^^^^^^^^^^ error@6.18[unpinned-initializer]: `KBox::new` moves the initializer returned by `Devres::new`
    Ok(())
}
