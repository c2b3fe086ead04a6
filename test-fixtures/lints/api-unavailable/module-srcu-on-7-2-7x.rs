//@ kernel: 7.2
// Sleepable RCU, local interrupt control and generic netlink came with 7.3.
use kernel::sync::srcu::Srcu;
//                ^^^^ error[api-unavailable]: `kernel::sync::srcu` is not in Linux 7.2 (added in 7.3).
use kernel::interrupt::local_interrupt_disable;
//          ^^^^^^^^^ error[api-unavailable]: `kernel::interrupt` is not in Linux 7.2 (added in 7.3).

fn family() -> kernel::net::netlink::Family {
//                          ^^^^^^^ error[api-unavailable]: `kernel::net::netlink` is not in Linux 7.2 (added in 7.3).
    todo!()
}
