//! Stand-in for the kernel crate: a folder with `Makefile` and `rust/kernel/` is a kernel tree.
