//! A made-up sample with plain data: nothing here needs pinning.

use kernel::prelude::*;

struct Settings {
    rate: u32,
    name: &'static CStr,
}

fn settings() -> Settings {
    Settings { rate: 100, name: c"demo" }
}
