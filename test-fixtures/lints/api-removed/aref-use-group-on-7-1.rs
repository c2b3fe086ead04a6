//@ kernel: 7.1, 7.3
// `kernel::types::ARef` left in 7.1; inside a `use` group the leaf is rewritten to the rest of the new path, but a
// leaf of a nested group (`types::{ARef}`) cannot be, since the group spells `types`.
use kernel::{device, types::ARef};
//                          ^^^^ error[api-removed]: `kernel::types::ARef` is not in Linux
use kernel::types::{AlwaysRefCounted};
//                  ^^^^^^^^^^^^^^^^ error[api-removed]: `kernel::types::AlwaysRefCounted` is not in Linux

fn hold(_d: ARef<device::Device>) {}
