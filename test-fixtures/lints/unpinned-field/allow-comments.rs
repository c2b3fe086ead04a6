//@ kernel: 6.18
// Every form of the suppression comment; the last field is not covered by any and still fires.
use kernel::prelude::*;
use kernel::sync::{CondVar, Mutex, SpinLock};

#[pin_data]
struct Quiet {
    // kernel-rust: allow(unpinned-field)
    on_the_line_before: Mutex<u32>,
    on_the_same_line: SpinLock<u32>, // kernel-rust: allow(unpinned-field)
    /* kernel-rust: allow(all) */
    everything_allowed: CondVar,
    // kernel-rust: allow(missing-pin-data, unpinned-field)
    in_a_list: Mutex<u64>,
    // kernel-rust: allow(missing-pin-data)
    other_rule_only: Mutex<u8>,
//  ^^^^^^^^^^^^^^^ error[unpinned-field]: Field `other_rule_only` of `#[pin_data]` struct `Quiet` holds `Mutex`
    // kernel-rust: allow(unpinned-field)

    two_lines_below: SpinLock<u8>,
//  ^^^^^^^^^^^^^^^ error[unpinned-field]: Field `two_lines_below` of `#[pin_data]` struct `Quiet` holds `SpinLock`
}
