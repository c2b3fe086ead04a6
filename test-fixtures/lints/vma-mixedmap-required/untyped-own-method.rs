//@ kernel: 6.18
// A file that defines its own `vma_lookup`: the name may mean that one, so the receiver's type is not known.
use kernel::page::Page;
use kernel::prelude::*;

struct Table;

impl Table {
    fn vma_lookup(&self, _addr: usize) -> Option<&Table> {
        Some(self)
    }

    fn vm_insert_page(&self, _addr: usize, _page: &Page) -> Result {
        Ok(())
    }
}

fn local(t: &Table, addr: usize, page: &Page) -> Result {
    t.vma_lookup(addr).ok_or(EINVAL)?.vm_insert_page(addr, page)
}
