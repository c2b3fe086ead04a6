//@ kernel: 7.0, 7.1
// The keyworded index steps of 7.2, checked for 7.0 and 7.1, where the index is written `[i]?` or `[i]`.
use kernel::prelude::*;
use kernel::{dma_read, dma_write};

fn refill(ring: &Ring) -> Result<u32> {
    dma_write!(ring, [0]?.len, 64);
    let first = dma_read!(ring, [1].len);
    let second = dma_read!(ring, [try: 2].len);
//               ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ error[api-unavailable]: `dma_read!(alloc, [try: i].field)` syntax is not in Linux 7.
    // `[panic: i]` has no 7.0 spelling: reported without a rewrite.
    dma_write!(ring, [panic: 3].len, first);
//  ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ error[api-unavailable]: `dma_write!(alloc, [panic: i].field, value)` syntax is not in Linux 7.
    Ok(first + second)
}
