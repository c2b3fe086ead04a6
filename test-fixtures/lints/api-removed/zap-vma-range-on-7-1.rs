//@ kernel: 7.1, 7.2, 7.3
// 7.1 renamed `VmaRef::zap_page_range_single` to `zap_vma_range` (same arguments); the old call no longer compiles.
use kernel::mm::MmWithUser;
use kernel::page::PAGE_SIZE;

fn unmap(mm: &MmWithUser, addr: usize) {
    let guard = mm.mmap_read_lock();
    if let Some(vma) = guard.vma_lookup(addr) {
        vma.zap_page_range_single(addr, PAGE_SIZE);
//          ^^^^^^^^^^^^^^^^^^^^^ error[api-removed]: (removed in 7.1); use `kernel::mm::virt::VmaRef::zap_vma_range`.
    }
}
