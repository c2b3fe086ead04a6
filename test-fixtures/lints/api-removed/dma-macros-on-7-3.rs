//@ kernel: 7.3
// 7.3 dropped `dma_read!`/`dma_write!` for the `kernel::io` macros and renamed `dma_handle()` to `dma_address()`.
use kernel::device::{Bound, Device};
use kernel::dma::Coherent;
use kernel::io::{io_read, io_write};
use kernel::prelude::*;
use kernel::{dma_read, dma_write};
           //^^^^^^^^ error[api-removed]: `kernel::dma_read!` is not in Linux 7.3 (removed in 7.3); use `kernel::io::io_read!`.
                     //^^^^^^^^^ error[api-removed]: `kernel::dma_write!` is not in Linux 7.3 (removed in 7.3); use `kernel::io::io_write!`.

struct Ring {
    buf: Coherent<[u32]>,
}

impl Ring {
    fn head(&self) -> u64 {
        self.buf.dma_handle()
               //^^^^^^^^^^^^ error[api-removed]: `kernel::dma::Coherent::dma_handle` is not in Linux 7.3 (removed in 7.3); use `Coherent::dma_address`.
    }

    fn tail(&self) -> u64 {
        self.buf.dma_address()
    }
}

fn setup(dev: &Device<Bound>) -> Result<Coherent<[u32]>> {
    let ring = Coherent::<u32>::zeroed_slice(dev, 16, GFP_KERNEL)?;
    dma_write!(ring, [try: 0], 7);
    let old = dma_read!(ring, [try: 0]);
    io_write!(ring, [try: 1], old);
    let new = io_read!(ring, [try: 1]);
    pr_info!("{:#x} {}\n", ring.dma_handle(), new);
                              //^^^^^^^^^^^^ error[api-removed]: `kernel::dma::Coherent::dma_handle` is not in Linux 7.3 (removed in 7.3); use `Coherent::dma_address`.
    Ok(ring)
}

fn other(buf: &Other) -> u64 {
    // Not a kernel DMA buffer: its own `dma_handle()` is none of the kernel's business.
    buf.dma_handle()
}
