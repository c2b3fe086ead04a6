//@ kernel: 7.0, 7.3
// From 7.0 an initializer field may carry attributes: a cfg-gated field is listed under the same cfg.
use kernel::prelude::*;
use kernel::sync::Mutex;
use kernel::new_mutex;

#[pin_data]
struct Port {
    #[pin]
    lock: Mutex<u32>,
    irq: u32,
    #[cfg(CONFIG_DEBUG_FS)]
    debug: u32,
}

fn port(irq: u32) -> impl PinInit<Port> {
    pin_init!(Port {
        lock <- new_mutex!(0),
        irq,
        #[cfg(CONFIG_DEBUG_FS)]
        debug: 0,
    })
}
