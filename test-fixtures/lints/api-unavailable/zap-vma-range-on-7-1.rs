//@ kernel: 7.1, 7.3
// From 7.1 `zap_vma_range` is the method's name: nothing to report.
use kernel::mm::virt::VmaRef;
use kernel::page::PAGE_SIZE;

fn unmap(vma: &VmaRef, addr: usize) {
    vma.zap_vma_range(addr, PAGE_SIZE);
}
