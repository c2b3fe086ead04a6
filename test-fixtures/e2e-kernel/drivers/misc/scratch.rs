//! Scratch file for the snippet test: the test types a snippet prefix at the end.
use kernel::prelude::*;

