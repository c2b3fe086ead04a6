//@ kernel: 6.15, 6.18
// From 6.15 `LockClassKey` is `#[pin_data]` and is created with `new_dynamic()` into pinned memory.
use kernel::prelude::*;
use kernel::sync::LockClassKey;

#[pin_data]
struct Classes {
    key: LockClassKey,
//  ^^^ error[unpinned-field]: holds `LockClassKey`
}
