//@ kernel: 7.2, 7.3
// From 7.2 both modules are there.
use kernel::gpu::buddy;
use kernel::bitfield;
