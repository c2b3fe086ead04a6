//@ kernel: 6.15, 6.19
// Pinning allocators, stack pinning, and initializers passed on unchanged.
use kernel::prelude::*;
use kernel::sync::{Arc, Mutex};
use kernel::new_mutex;
use pin_init::stack_pin_init;

#[pin_data]
struct Queue {
    #[pin]
    items: Mutex<u32>,
}

fn good() -> Result {
    let a = KBox::pin_init(new_mutex!(0u32), GFP_KERNEL)?;
    let b = Arc::pin_init(new_mutex!(0u8), GFP_KERNEL)?;
    let init = pin_init!(Queue { items <- new_mutex!(1) });
    let q = KBox::pin_init(init, GFP_KERNEL)?;
    stack_pin_init!(let m = new_mutex!(3u32));
    *m.lock() += 1;
    let chained = new_mutex!(4u32).pin_chain(|_m| Ok(()));
    let _boxed = KBox::pin_init(chained, GFP_KERNEL)?;
    // A plain value in a box is fine.
    let v = KBox::new(7u32, GFP_KERNEL)?;
    let _sum = *v + 1;
    drop((a, b, q));
    Ok(())
}
