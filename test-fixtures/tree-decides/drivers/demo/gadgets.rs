//! A driver of the miniature tree that uses what the tree has and what it lacks.

use kernel::prelude::*;
use kernel::sync::Mutex;
use kernel::time::Instant;
use kernel::widget::Sprocket;

fn probe() -> u32 {
    let g = Gadget::new(GADGET_LIMIT);
    let _t = Instant::now();
    let _l = SpinLock::new(0u32);
    gadget_info!("made one");
    kernel::widget::Gadget::new(1);
    kernel::widget::missing_helper();
    kernel::sprocket_info!("none");
    0
}
