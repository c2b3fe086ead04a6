//@ kernel: 6.15, 7.0
// From 6.15 the init macros and attributes live in the `pin_init` crate: the old import paths are gone.
use kernel::pin_init;
//          ^^^^^^^^ error[api-removed]: `kernel::pin_init!` is not in Linux
use kernel::stack_pin_init;
//          ^^^^^^^^^^^^^^ error[api-removed]: `kernel::stack_pin_init!` is not in Linux
use macros::pin_data;
//          ^^^^^^^^ error[api-removed]: `macros::#[pin_data]` is not in Linux
use pin_init::init;
use kernel::init;
