//! Miniature kernel crate for the indexer tests.

pub mod sync;
pub mod time;
