//! Locks of the miniature tree: a spin lock, and no mutex at all.

/// A lock that spins until it is free (miniature: holds the value only).
pub struct SpinLock<T> {
    value: T,
}

impl<T> SpinLock<T> {
    /// Wraps `value` in an unlocked lock.
    pub fn new(value: T) -> Self {
        Self { value }
    }
}
