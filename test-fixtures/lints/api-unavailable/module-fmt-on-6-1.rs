//@ kernel: 6.1
// Neither the crate-root `fmt!` macro (6.2) nor the `kernel::fmt` module (6.17) exists yet.
use kernel::fmt;
//          ^^^ error[api-unavailable]: `kernel::fmt` is not in Linux 6.1 (added in 6.2).
