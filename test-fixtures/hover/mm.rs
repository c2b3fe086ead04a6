//@ kernel: 6.15, 6.16, 6.18
// Hover on VMA types and on methods called on parameters whose type is visible.
use kernel::mm::virt::{VmaNew, VmaRef};
//                     ^ hover@6.15: **Not available in Linux 6.15** (added in 6.16)
//                     ^ hover@6.16: `kernel::mm::virt::VmaNew`

fn setup(vma: &VmaNew) -> Result {
//             ^ hover: `kernel::mm::virt::VmaNew`
    let mixed = vma.set_mixedmap();
//                  ^ hover: `kernel::mm::virt::VmaNew::set_mixedmap`
    let _ = mixed;
    Ok(())
}

fn span(vma: &VmaRef) -> usize {
    vma.end() - vma.start()
//      ^ hover: `kernel::mm::virt::VmaRef::end`
}
