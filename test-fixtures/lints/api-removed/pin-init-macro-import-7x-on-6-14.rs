//@ kernel: 6.4, 6.14
// Up to 6.14 the init macros are the kernel crate's and the attributes come from `macros`.
use kernel::pin_init;
use kernel::stack_pin_init;
use macros::pin_data;
use kernel::init;
