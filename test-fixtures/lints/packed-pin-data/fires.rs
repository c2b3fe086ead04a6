//@ kernel: 6.18, 6.19, 7.3
// Pin-init needs aligned fields; a packed layout cannot promise them.
use kernel::prelude::*;
use kernel::sync::Mutex;

#[pin_data]
#[repr(C, packed)]
struct Frame {
//     ^^^^^ error[packed-pin-data]: `#[pin_data]` on `Frame`, a `#[repr(C, packed)]` struct: its generated code takes references to the fields, which may be unaligned (E0793).
    len: u32,
    #[pin]
    lock: Mutex<u32>,
}

#[repr(packed(2))]
struct Wire {
    tag: u8,
    value: u64,
}

fn wire() -> impl Init<Wire> {
    init!(Wire { tag: 1, value: 2 })
//        ^^^^ error[packed-pin-data]: `init!` builds the packed struct `Wire` in place: it takes a reference to field `value`, which may be unaligned (E0793).
}
