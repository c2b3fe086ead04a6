//@ kernel: 6.12, 6.14, 6.16
// Before the `kernel::fmt` module, `use kernel::fmt;` imports the crate-root `fmt!` macro: nothing to report.
use kernel::fmt;
use kernel::str::CString;

fn name(id: u32) -> kernel::error::Result<CString> {
    let _ = kernel::fmt!("id {}", id);
    CString::try_from_fmt(fmt!("dev-{}", id))
}
