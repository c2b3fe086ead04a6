//@ kernel: 6.18, 6.19, 7.3
// Packed structs built by value, packed structs of bytes, and aligned pinned structs are fine.
use kernel::prelude::*;
use kernel::sync::Mutex;

#[repr(C, packed)]
struct Header {
    magic: u32,
    len: u16,
}

fn header() -> Header {
    Header { magic: 0x4b52, len: 8 }
}

// Every field has alignment one: no reference to them can be unaligned.
#[pin_data]
#[repr(packed)]
struct Bytes {
    tag: u8,
    data: [u8; 16],
    _marker: core::marker::PhantomData<u32>,
}

#[repr(packed)]
struct Mixed {
    tag: u8,
    value: u64,
}

// Only byte fields are named; the rest is left zeroed.
fn mixed() -> impl Init<Mixed> {
    init!(Mixed { tag: 1, ..Zeroable::init_zeroed() })
}

#[pin_data]
#[repr(C)]
struct Aligned {
    len: u32,
    #[pin]
    lock: Mutex<u32>,
}

// `packed` in a comment or a name is not a representation.
#[pin_data]
struct PackedQueue {
    #[pin]
    lock: Mutex<u32>,
}
