//@ kernel: 6.15..7.3, 6.12..7.3
// pin-init left the kernel crate in 6.15. Over 6.15..7.3 the move to `pin_init::` builds everywhere and is offered;
// over 6.12..7.3 the same line fails 6.15–7.3 only, and the move would break 6.12–6.14 (no fix).
use kernel::init::PinInit;
//                ^^^^^^^ error[api-removed]: `kernel::init::PinInit` is not in
