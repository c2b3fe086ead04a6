//@ kernel: 6.18
// Receivers with no written type, typed by what produced them (`vma_lookup` returns `Option<&VmaRef>`).
use kernel::mm::MmapReadGuard;
use kernel::page::Page;
use kernel::prelude::*;

fn chained(guard: &MmapReadGuard<'_>, addr: usize, page: &Page) -> Result {
    guard.vma_lookup(addr).ok_or(EINVAL)?.vm_insert_page(addr, page)
//                                        ^^^^^^^^^^^^^^ error[vma-mixedmap-required]: `VmaRef` has no `vm_insert_page` in Linux 6.18, and the receiver is a `&VmaRef`
}

fn untyped_let(guard: &MmapReadGuard<'_>, addr: usize, page: &Page) -> Result {
    let vma = guard.vma_lookup(addr).ok_or(EINVAL)?;
    vma.vm_insert_page(addr, page)
//      ^^^^^^^^^^^^^^ error[vma-mixedmap-required]: and `vma` is a `&VmaRef`
}

fn matched(guard: &MmapReadGuard<'_>, addr: usize, page: &Page) -> Result {
    match guard.vma_lookup(addr) {
        Some(vma) => vma.vm_insert_page(addr, page),
//                       ^^^^^^^^^^^^^^ error[vma-mixedmap-required]: and `vma` is a `&VmaRef`
        None => Err(ESRCH),
    }
}

// The right view, reached the same ways: nothing to say.
fn fine(guard: &MmapReadGuard<'_>, addr: usize, page: &Page) -> Result {
    guard.vma_lookup(addr).ok_or(EINVAL)?.as_mixedmap_vma().ok_or(EINVAL)?.vm_insert_page(addr, page)?;
    let mixed = guard.vma_lookup(addr).and_then(|v| v.as_mixedmap_vma()).ok_or(EINVAL)?;
    mixed.vm_insert_page(addr, page)?;
    match guard.vma_lookup(addr).and_then(|v| v.as_mixedmap_vma()) {
        Some(vma) => vma.vm_insert_page(addr, page),
        None => Err(ESRCH),
    }
}

// Not unwrapped yet: not judged.
fn unsure(guard: &MmapReadGuard<'_>, addr: usize, page: &Page) -> Result {
    let maybe = guard.vma_lookup(addr);
    maybe.vm_insert_page(addr, page)
}
