//! Stands in for the kernel crate, so that this folder is found as a kernel tree.
