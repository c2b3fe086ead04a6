//@ kernel: 7.0, 7.2, 7.3
// A `dma_read!` of the file's own is not the kernel's: its body is never judged by the kernel's syntax.
macro_rules! dma_read {
    ($e:expr) => {
        $e
    };
}

fn read(x: [u32; 4]) -> u32 {
    dma_read!(x[0])
}

fn read_again(x: [u32; 4]) -> u32 {
    dma_read!(x, [0]?)
}
