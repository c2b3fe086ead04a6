//@ kernel: 6.12, 6.14
// Up to 6.14 `LockClassKey` was an ordinary value (built in a static), so no `#[pin]` is needed.
use kernel::prelude::*;
use kernel::sync::LockClassKey;

#[pin_data]
struct Classes {
    key: LockClassKey,
}
