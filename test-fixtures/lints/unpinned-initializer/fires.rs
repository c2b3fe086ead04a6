//@ kernel: 6.15, 6.19
// Initializers must run in place; moving them into a box or a binding keeps the initializer, not the value.
use kernel::prelude::*;
use kernel::sync::{Arc, CondVar, Mutex};
use kernel::{new_condvar, new_mutex, new_spinlock};

#[pin_data]
struct Queue {
    #[pin]
    items: Mutex<u32>,
}

fn boxes() -> Result {
    let a = KBox::new(new_mutex!(0u32), GFP_KERNEL)?;
//                    ^^^^^^^^^ error[unpinned-initializer]: `KBox::new` moves the initializer returned by `new_mutex!` instead of running it in place; use `KBox::pin_init`.
    let b = Arc::new(new_spinlock!(0u8), GFP_KERNEL)?;
//                   ^^^^^^^^^^^^ error[unpinned-initializer]: use `Arc::pin_init`
    let c = KBox::new(pin_init!(Queue { items <- new_mutex!(1) }), GFP_KERNEL)?;
//                    ^^^^^^^^ error[unpinned-initializer]: returned by `pin_init!`
    let d = KVBox::new(CondVar::new(c_str!("wait"), kernel::static_lock_class!()), GFP_KERNEL)?;
//                     ^^^^^^^^^^^^ error[unpinned-initializer]: `KVBox::new` moves the initializer returned by `CondVar::new`
    Ok(())
}

fn stack() {
    let m = new_mutex!(5u32);
//      ^ error[unpinned-initializer]: `m` holds the initializer returned by `new_mutex!`, not the value
    *m.lock() += 1;
}

fn stack_fallible() -> Result {
    let q = try_pin_init!(Queue { items <- new_mutex!(2) });
//      ^ error[unpinned-initializer]: `q` holds the initializer returned by `try_pin_init!`
    let _n = q.items;
    Ok(())
}

fn stack_condvar() {
    let ready = new_condvar!();
//      ^^^^^ error[unpinned-initializer]: `ready` holds the initializer
    ready.notify_all();
}
