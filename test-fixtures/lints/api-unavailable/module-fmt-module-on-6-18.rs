//@ kernel: 6.18, 6.19, 7.0, 7.3
// From 6.17 `kernel::fmt` is the formatting module.
use kernel::fmt::{self, Display, Formatter};

struct Reg(u32);

impl Display for Reg {
    fn fmt(&self, f: &mut Formatter<'_>) -> fmt::Result {
        write!(f, "{:#x}", self.0)
    }
}
