//@ kernel: 7.1
// 7.1 has the GPU buddy allocator; `kernel::bitfield` only came in 7.2 (the 7.1.5 tree lacks it).
use kernel::gpu::buddy;
use kernel::bitfield;
//          ^^^^^^^^ error[api-unavailable]: `kernel::bitfield` is not in Linux 7.1 (added in 7.2).
