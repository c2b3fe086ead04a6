//@ kernel: 7.0, 7.2, 7.3
// The same imports are fine from 7.0 on.
use kernel::soc::{Attributes, Registration};
use kernel::iommu::pgtable::IoPageTable;
