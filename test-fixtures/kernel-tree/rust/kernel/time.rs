//! Time for the miniature tree.

/// Fixture span type with tree-specific docs.
pub struct Delta {
    nanos: i64,
}

impl Delta {
    /// Fixture constructor from milliseconds.
    pub const fn from_millis(ms: i64) -> Self {
        Delta { nanos: ms * 1_000_000 }
    }
}
