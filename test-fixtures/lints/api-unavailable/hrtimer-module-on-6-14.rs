//@ kernel: 6.14
// hrtimer bindings arrived in 6.15: the module is reported once, not once per imported name.
use kernel::time::hrtimer::{HrTimer, HrTimerRestart};
//                ^^^^^^^ error[api-unavailable]: `kernel::time::hrtimer` is not in Linux 6.14 (added in 6.15)

fn restart() -> kernel::time::hrtimer::HrTimerRestart {
//                            ^^^^^^^ error[api-unavailable]: `kernel::time::hrtimer` is not in Linux 6.14 (added in 6.15)
    HrTimerRestart::NoRestart
}
