//@ kernel: 6.6, 6.15
// `#[derive(Zeroable)]` accepts unions from 6.16 on; structs work from 6.6.
mod regs {
    use kernel::prelude::*;

    #[derive(Zeroable)]
//  ^^^^^^^^^^^^^^^^^^^ error[api-unavailable]: `#[derive(Zeroable)]` on a union is not in Linux
    union Word {
        bytes: [u8; 4],
        value: u32,
    }

    #[derive(Zeroable)]
    struct Pair {
        a: u32,
        b: u32,
    }
}
