//! Mutex backend for the miniature tree.

/// Fixture mutex docs: this text comes from the indexed tree, not from the knowledge base.
pub type Mutex<T> = super::Lock<T, MutexBackend>;

/// Fixture backend marker.
pub struct MutexBackend;
