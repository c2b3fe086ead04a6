//! Miniature kernel crate. Its Linux 6.15 lacks `sync::Mutex` (the knowledge base says 6.15 has it), carries a
//! backported `time::Instant` (the knowledge base says it arrived in 6.16) and has a `widget` module nobody else has.

pub mod prelude;
pub mod sync;
pub mod time;
pub mod widget;
