//! Generic lock for the miniature tree.

pub mod mutex;

/// Fixture lock: a value guarded by some backend.
pub struct Lock<T, B> {
    data: T,
    backend: B,
}

impl<T, B> Lock<T, B> {
    /// Fixture docs: takes the lock and hands back a guard that releases it when dropped.
    pub fn lock(&self) -> Guard<'_, T, B> {
        Guard { lock: self }
    }
}

/// Fixture guard.
pub struct Guard<'a, T, B> {
    lock: &'a Lock<T, B>,
}
