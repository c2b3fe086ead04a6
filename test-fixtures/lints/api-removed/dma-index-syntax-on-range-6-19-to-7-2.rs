//@ kernel: 6.19..7.2
// The index inside the buffer name builds on 6.19 only; the projection after a comma builds from 7.0 only. Each era
// of the replacement is named with the part of the range it is for, and the field-only projection is flagged for
// the release of the range that lacks it.
use kernel::prelude::*;
use kernel::{dma_read, dma_write};

fn fill(ring: &Ring, regs: &Regs) -> Result<u32> {
    dma_write!(ring[0].len = 128)?;
//  ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ error[api-removed]: syntax is not in 7.0–7.1 of your range 6.19..7.2 (removed in 7.0); use `dma_write!(alloc, [i]?.field, value)`. `dma_write!(alloc[i].field = value)` syntax is not in 7.2 of your range 6.19..7.2 (removed in 7.0); use `dma_write!(alloc, [try: i].field, value)`.
    let head = dma_read!(ring[3].len)?;
//             ^^^^^^^^^^^^^^^^^^^^^^ error[api-removed]: `dma_read!(alloc[i].field)` syntax is not in 7.0–7.1 of your range 6.19..7.2 (removed in 7.0)
    let status = dma_read!(regs, .status);
//               ^^^^^^^^^^^^^^^^^^^^^^^^ error[api-unavailable]: `dma_read!(obj, .field)` syntax is not in 6.19 of your range 6.19..7.2 (added in 7.0).
    Ok(head + status)
}
