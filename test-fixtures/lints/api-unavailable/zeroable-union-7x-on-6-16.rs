//@ kernel: 6.16, 7.3
// From 6.16 the derive handles unions; a union deriving someone else's `Zeroable` is never judged.
use kernel::prelude::*;

#[derive(Zeroable)]
union Word {
    bytes: [u8; 4],
    value: u32,
}

mod other {
    use bytemuck::Zeroable;

    #[derive(Zeroable)]
    union Raw {
        a: u32,
    }
}
