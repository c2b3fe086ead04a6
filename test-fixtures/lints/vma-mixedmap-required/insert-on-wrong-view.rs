//@ kernel: 6.16, 6.18
// Pages inserted through VMA views that have no `vm_insert_page`.
use kernel::mm::virt::{self, VmaNew};
use kernel::page::Page;
use kernel::prelude::*;

fn map_one(vma: &VmaNew, page: &Page) -> Result {
    vma.vm_insert_page(vma.start(), page)
//      ^^^^^^^^^^^^^^ error[vma-mixedmap-required]: `VmaNew` has no `vm_insert_page` in Linux
}

fn refill(guard: &kernel::mm::MmapReadGuard<'_>, addr: usize, page: &Page) -> Result {
    let area: &virt::VmaRef = guard.vma_lookup(addr).ok_or(EINVAL)?;
    area.vm_insert_page(addr, page)
//       ^^^^^^^^^^^^^^ error[vma-mixedmap-required]: and `area` is a `&VmaRef`; call it on the `VmaMixedMap` from `as_mixedmap_vma()`.
}

fn spelled_out(vma: &kernel::mm::virt::VmaRef, page: &Page) -> Result {
    virt::VmaRef::vm_insert_page(vma, vma.start(), page)
//                ^^^^^^^^^^^^^^ error[vma-mixedmap-required]: only `VmaMixedMap` has it
}

fn in_closure(pages: &[Page]) -> impl Fn(&VmaNew) -> Result + '_ {
    move |vma: &VmaNew| {
        for (i, page) in pages.iter().enumerate() {
            vma.vm_insert_page(vma.start() + i * kernel::page::PAGE_SIZE, page)?;
//              ^^^^^^^^^^^^^^ error[vma-mixedmap-required]: `VmaNew` has no `vm_insert_page`
        }
        Ok(())
    }
}
