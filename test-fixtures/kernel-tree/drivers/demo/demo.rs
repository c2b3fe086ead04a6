//! A driver in the miniature tree, used by the hover and definition tests.
use kernel::sync::Mutex;
use kernel::time::Delta;

struct Demo {
    counter: Mutex<u32>,
}

fn wait() -> Delta {
    Delta::from_millis(5)
}
