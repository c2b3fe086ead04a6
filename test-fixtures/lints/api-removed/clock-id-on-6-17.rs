//@ kernel: 6.17, 6.18
// 6.17 replaced the runtime `ClockId` with clock types implementing `ClockSource`.
use kernel::time::ClockId;
//                ^^^^^^^ error[api-removed]: (removed in 6.17); use `kernel::time::ClockSource`.

fn clock() -> kernel::time::ClockId {
//                          ^^^^^^^ error[api-removed]: `kernel::time::ClockId` is not in Linux
    kernel::time::ClockId::Monotonic
//                ^^^^^^^ error[api-removed]: `kernel::time::ClockId` is not in Linux
}
