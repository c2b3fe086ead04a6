//@ kernel: 7.2
// `dma_address()` is the 7.3 name of `Coherent::dma_handle()`; on 7.2 only `dma_handle()` exists.
use kernel::dma::Coherent;

struct Ring {
    buf: Coherent<[u32]>,
}

impl Ring {
    fn head(&self) -> u64 {
        self.buf.dma_handle()
    }

    fn tail(&self) -> u64 {
        self.buf.dma_address()
               //^^^^^^^^^^^^^ error[api-unavailable]: `kernel::dma::Coherent::dma_address` is not in Linux 7.2 (added in 7.3); use `Coherent::dma_handle`.
    }
}

fn other(buf: &Other) -> u64 {
    // Some other type's method of the same name.
    buf.dma_address()
}
