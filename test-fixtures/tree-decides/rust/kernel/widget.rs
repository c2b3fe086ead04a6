//! Widgets: an API only this miniature tree has.

/// A gadget that only the miniature tree defines.
///
/// The second paragraph stays behind the link.
pub struct Gadget {
    id: u32,
}

impl Gadget {
    /// Makes gadget number `id`.
    pub fn new(id: u32) -> Self {
        Self { id }
    }
}

/// How many gadgets a driver may make.
pub const GADGET_LIMIT: u32 = 4;

/// Logs a line about a gadget.
#[macro_export]
macro_rules! gadget_info {
    ($($arg:tt)*) => {};
}
