//! Locks for the miniature tree.

pub mod lock;

pub use lock::mutex::Mutex;
