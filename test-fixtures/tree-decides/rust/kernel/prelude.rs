//! What drivers of the miniature tree import with `use kernel::prelude::*`.

pub use crate::sync::SpinLock;
pub use crate::widget::{Gadget, GADGET_LIMIT};
pub use crate::gadget_info;
