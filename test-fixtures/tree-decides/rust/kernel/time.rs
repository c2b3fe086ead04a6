//! Time in the miniature tree, with `Instant` backported from a later release.

/// A reading of the monotonic clock, backported into this tree.
pub struct Instant {
    nanos: i64,
}

impl Instant {
    /// Reads the clock now.
    pub fn now() -> Self {
        Self { nanos: 0 }
    }
}
