//@ kernel: 7.0
// `kernel::gpu::buddy` is first in 7.1 or 7.2 (7.1 was not read): 7.0 surely lacks it ...
use kernel::gpu::buddy;
//          ^^^ error[api-unavailable]: `kernel::gpu` is not in Linux 7.0 (added in 7.1).
