//@ kernel: 6.19
// The SoC-bus bindings and the IOMMU page tables arrived in 7.0.
use kernel::soc::{Attributes, Registration};
//          ^^^ error[api-unavailable]: `kernel::soc` is not in Linux 6.19 (added in 7.0).
use kernel::iommu::pgtable::IoPageTable;
//          ^^^^^ error[api-unavailable]: `kernel::iommu` is not in Linux 6.19 (added in 7.0).
