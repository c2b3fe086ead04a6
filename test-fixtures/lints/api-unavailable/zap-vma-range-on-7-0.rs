//@ kernel: 6.16, 7.0
// `zap_vma_range` is the 7.1 name; on 6.16-7.0 the method is `zap_page_range_single`.
use kernel::mm::virt::VmaRef;
use kernel::page::PAGE_SIZE;

fn unmap(vma: &VmaRef, addr: usize) {
    vma.zap_vma_range(addr, PAGE_SIZE);
//      ^^^^^^^^^^^^^ error[api-unavailable]: (added in 7.1); use `kernel::mm::virt::VmaRef::zap_page_range_single`.
}
