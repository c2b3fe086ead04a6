//@ kernel: 7.1, 7.2
// ... while 7.1 stays unsure, so nothing is reported there, and 7.2 has it.
use kernel::gpu::buddy;
use kernel::bitfield;
