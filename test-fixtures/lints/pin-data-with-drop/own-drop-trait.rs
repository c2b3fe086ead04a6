//@ kernel: 6.15
// The file defines its own `Drop` trait: `impl Drop for Cell` is about that one.
use kernel::prelude::*;

trait Drop {
    fn release(&mut self);
}

#[pin_data]
struct Cell {
    value: u32,
}

impl Drop for Cell {
    fn release(&mut self) {}
}
