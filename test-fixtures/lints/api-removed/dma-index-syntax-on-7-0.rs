//@ kernel: 7.0, 7.1, 7.2
// 7.0 moved the index of `dma_read!`/`dma_write!` out of the buffer name into a projection after a comma.
use kernel::prelude::*;
use kernel::{dma_read, dma_write};

fn refill(ring: &Ring, regs: &Regs) -> Result<u32> {
    dma_write!(ring[0].len = 64)?;
//  ^^^^^^^^^^^^^^^^^^^^^^^^^^^^ error[api-removed]: `dma_write!(alloc[i].field = value)` syntax is not in Linux
    let first = dma_read!(self_ring.slots[1].len)?;
//              ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ error[api-removed]: `dma_read!(alloc[i].field)` syntax is not in Linux
    // Without a `?` after it the old call's `Result` is used as a value: reported, but no rewrite is offered.
    let second = dma_read!(ring[2]).unwrap_or(0);
//               ^^^^^^^^^^^^^^^^^^ error[api-removed]: `dma_read!(alloc[i].field)` syntax is not in Linux
    // A field-only projection is the same in 7.0, 7.1 and 7.2.
    let status = dma_read!(regs, .status);
    Ok(first + second + status)
}
