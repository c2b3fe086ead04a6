//@ kernel: 7.2
// 7.2 spells index steps with a keyword: `[i]?` became `[try: i]` and `[i]` became `[build: i]`.
use kernel::prelude::*;
use kernel::{dma_read, dma_write};

fn refill(ring: &Ring, table: *const [u64; 8]) -> Result<u32> {
    dma_write!(ring, [0]?.len, 64);
//  ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ error[api-removed]: `dma_write!(alloc, [i]?.field, value)` syntax is not in Linux 7.2 (removed in 7.2); use `[try: i]`.
    let first = dma_read!(ring, [1].len);
//              ^^^^^^^^^^^^^^^^^^^^^^^^ error[api-removed]: `dma_read!(alloc, [i].field)` syntax is not in Linux 7.2 (removed in 7.2); use `[build: i]`.
    let entry = kernel::ptr::project!(table, [2]?);
//              ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ error[api-removed]: `ptr::project!(ptr, [i]?)` syntax is not in Linux 7.2 (removed in 7.2); use `[try: i]`.
    let second = dma_read!(ring, [try: 2].len);
    dma_write!(ring, [panic: 3].len, first);
    let third = kernel::ptr::project!(table, [build: 4]);
    Ok(first + second + entry as u32 + third as u32)
}
