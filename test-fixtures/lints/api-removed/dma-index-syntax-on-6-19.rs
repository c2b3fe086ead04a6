//@ kernel: 6.17, 6.19
// The 6.15-6.19 spelling of `dma_read!`/`dma_write!` is the right one for these releases.
use kernel::prelude::*;
use kernel::{dma_read, dma_write};

fn refill(ring: &Ring) -> Result<u32> {
    dma_write!(ring[0].len = 64)?;
    let first = dma_read!(self_ring.slots[1].len)?;
    let second = dma_read!(ring[2]).unwrap_or(0);
    Ok(first + second)
}
