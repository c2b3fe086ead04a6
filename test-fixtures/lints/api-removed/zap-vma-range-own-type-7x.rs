//@ kernel: 7.3
// A file that imports nothing from `kernel::mm` calling its own `zap_page_range_single` method is left alone.
struct Cache;

impl Cache {
    fn zap_page_range_single(&self, _addr: usize, _size: usize) {}
}

fn drop_all(c: &Cache) {
    c.zap_page_range_single(0, 4096);
}
