//@ kernel: 6.16, 6.18, 6.19
// Every insertion goes through a `VmaMixedMap`, however the code gets there.
use kernel::mm::virt::{VmaMixedMap, VmaNew, VmaRef};
use kernel::page::Page;
use kernel::prelude::*;

fn map_all(vma: &VmaNew, pages: &[Page]) -> Result {
    let vma = vma.set_mixedmap();
    for (i, page) in pages.iter().enumerate() {
        vma.vm_insert_page(vma.start() + i * kernel::page::PAGE_SIZE, page)?;
    }
    Ok(())
}

fn later(vma: &VmaRef, page: &Page) -> Result {
    if let Some(vma) = vma.as_mixedmap_vma() {
        vma.vm_insert_page(vma.start(), page)?;
    }
    match vma.as_mixedmap_vma() {
        Some(vma) => vma.vm_insert_page(vma.start(), page),
        None => Err(EINVAL),
    }
}

fn chained(vma: &VmaRef, page: &Page) -> Result {
    vma.as_mixedmap_vma().ok_or(EINVAL)?.vm_insert_page(vma.start(), page)
}

fn already(mixed: &VmaMixedMap, page: &Page) -> Result {
    mixed.vm_insert_page(mixed.start(), page)
}

fn untyped(vma: &VmaRef, page: &Page) -> Result {
    let vma = vma.as_mixedmap_vma().ok_or(EINVAL)?;
    vma.vm_insert_page(vma.start(), page)
}

mod fake {
    // A local type with its own `vm_insert_page` is none of the lint's business.
    pub(crate) struct VmaRef;
    impl VmaRef {
        pub(crate) fn vm_insert_page(&self, _addr: usize) {}
    }
    pub(crate) fn poke(v: &VmaRef) {
        v.vm_insert_page(0);
    }
}
