//@ kernel: 6.19, 7.0
use kernel::slice::AsFlattened;
