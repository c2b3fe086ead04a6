//@ kernel: 6.17, 6.19
// A driver written against the 7.x `dma_read!`/`dma_write!` projections, checked for a 6.x release.
use kernel::prelude::*;
use kernel::{dma_read, dma_write};

fn refill(ring: &Ring, regs: &Regs) -> Result<u32> {
    dma_write!(ring, [0]?.len, 64);
//  ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ error[api-unavailable]: `dma_write!(alloc, [i]?.field, value)` syntax is not in Linux 6.
    let first = dma_read!(ring, [try: 1].len);
//              ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ error[api-unavailable]: `dma_read!(alloc, [try: i].field)` syntax is not in Linux 6.
    let status = dma_read!(regs, .status);
//               ^^^^^^^^^^^^^^^^^^^^^^^^ error[api-unavailable]: `dma_read!(obj, .field)` syntax is not in Linux 6.
    // The 6.x form is fine.
    let second = dma_read!(ring[2].len)?;
    Ok(first + second + status)
}
