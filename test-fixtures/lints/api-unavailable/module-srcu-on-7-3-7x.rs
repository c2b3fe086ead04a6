//@ kernel: 7.3
use kernel::sync::srcu::Srcu;
use kernel::interrupt::local_interrupt_disable;

fn family() -> kernel::net::netlink::Family {
    todo!()
}
