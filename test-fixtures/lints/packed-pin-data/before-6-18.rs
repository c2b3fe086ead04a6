//@ kernel: 6.15, 6.17
// Before 6.18 the generated code only uses pointers, so it builds, but writing through an unaligned pointer is
// undefined behaviour all the same.
use kernel::prelude::*;
use kernel::sync::Mutex;

#[pin_data]
#[repr(C, packed)]
struct Frame {
//     ^^^^^ error[packed-pin-data]: `#[pin_data]` on `Frame`, a `#[repr(C, packed)]` struct: its fields are written and pinned through pointers that may be unaligned, which is undefined behaviour (from 6.18 it does not build).
    len: u32,
    #[pin]
    lock: Mutex<u32>,
}

#[repr(packed)]
struct Wire {
    tag: u8,
    value: u64,
}

fn wire() -> impl Init<Wire> {
    init!(Wire { tag: 1, value: 2 })
//        ^^^^ error[packed-pin-data]: it writes field `value` through a pointer that may be unaligned, which is undefined behaviour (from 6.18 it does not build).
}
