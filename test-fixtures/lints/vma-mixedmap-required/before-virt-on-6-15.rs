//@ kernel: 6.15
// 6.15 has no `kernel::mm` yet: the import is reported, the call is not judged.
use kernel::mm::virt::VmaNew;
//          ^^ error[api-unavailable]: `kernel::mm` is not in Linux 6.15 (added in 6.16).
use kernel::page::Page;
use kernel::prelude::*;

fn map_one(vma: &VmaNew, page: &Page) -> Result {
    vma.vm_insert_page(vma.start(), page)
}
