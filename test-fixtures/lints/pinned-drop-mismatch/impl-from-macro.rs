//@ kernel: 6.15, 7.3
// A macro of the file writes the `PinnedDrop` impls.
use kernel::prelude::*;
use kernel::sync::Mutex;

macro_rules! quiet_drop {
    ($t:ty) => {
        #[pinned_drop]
        impl PinnedDrop for $t {
            fn drop(self: Pin<&mut Self>) {}
        }
    };
}

#[pin_data(PinnedDrop)]
struct Reader {
    #[pin]
    lock: Mutex<u32>,
}

quiet_drop!(Reader);
