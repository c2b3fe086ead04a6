//@ kernel: 6.12, 6.15
// `MiscDeviceRegistration::register` returns `impl PinInit<Self, Error>` (6.13+, knowledge base): run with `<-`
// it makes the init macro fallible. On 6.12 the knowledge base has no such function, so only the promised return type
// is left to tell.
use kernel::prelude::*;
use kernel::miscdevice::{MiscDeviceOptions, MiscDeviceRegistration};
//          ^^^^^^^^^^ error@6.12[api-unavailable]: `kernel::miscdevice` is not in Linux 6.12 (added in 6.13).

#[pin_data]
struct Module<T> {
    #[pin]
    misc: MiscDeviceRegistration<T>,
}

impl<T> Module<T> {
    fn new(opts: MiscDeviceOptions) -> impl PinInit<Self, Error> {
        pin_init!(Self {
//      ^^^^^^^^ error@6.12[fallible-in-infallible-init]: `pin_init!` makes an initializer whose error type is `Infallible`, but the function returns one with error `Error`
            misc <- MiscDeviceRegistration::register(opts),
//                  ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ error@6.15[fallible-in-infallible-init]: `MiscDeviceRegistration::register` is an initializer with error type `kernel::error::Error`
        })
    }

    fn tried(opts: MiscDeviceOptions) -> impl PinInit<Self, Error> {
        try_pin_init!(Self { misc <- MiscDeviceRegistration::register(opts) })
    }
}
