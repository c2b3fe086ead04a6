//@ kernel: 6.15, 7.3
// From 6.15 the macros and attributes are imported from the `pin_init` crate.
use pin_init::pin_data;
use pin_init::pin_init;
use kernel::prelude::pin_init as prelude_pin_init;
