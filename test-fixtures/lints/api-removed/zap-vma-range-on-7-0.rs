//@ kernel: 6.19, 7.0
// Up to 7.0 the VMA zap method is still called `zap_page_range_single`: nothing to report.
use kernel::mm::MmWithUser;
use kernel::page::PAGE_SIZE;

fn unmap(mm: &MmWithUser, addr: usize) {
    let guard = mm.mmap_read_lock();
    if let Some(vma) = guard.vma_lookup(addr) {
        vma.zap_page_range_single(addr, PAGE_SIZE);
    }
}
