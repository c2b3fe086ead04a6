//@ kernel: 7.2, 7.3
// `kernel::slice` (the `AsFlattened` helper) left in 7.1 with the Rust 1.85 minimum.
use kernel::slice::AsFlattened;
//          ^^^^^ error[api-removed]: `kernel::slice` is not in Linux
