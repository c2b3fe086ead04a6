//@ kernel: 6.12, 6.14
// The `pin_init` crate arrived in 6.15; before it, import from the kernel crate or the prelude.
use pin_init::pin_data;
//            ^^^^^^^^ error[api-unavailable]: `pin_init::#[pin_data]` is not in Linux
use pin_init::pin_init;
//            ^^^^^^^^ error[api-unavailable]: `pin_init::pin_init!` is not in Linux
use kernel::prelude::pin_init;
