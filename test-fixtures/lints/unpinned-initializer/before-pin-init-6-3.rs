//@ kernel: 6.3
// 6.3 has no pin-init: `Mutex::new` there is not an in-place initializer this rule knows about.
use kernel::sync::Mutex;
//                ^^^^^ error[api-unavailable]: `kernel::sync::Mutex` is not in Linux 6.3 (added in 6.4).

fn plain() {
    let m = Mutex::new(5u32);
    let _g = m.lock();
}
