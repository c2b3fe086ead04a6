//! Marker for the sample tree: the checker treats a folder with `Makefile` and `rust/kernel/` as a kernel tree.
