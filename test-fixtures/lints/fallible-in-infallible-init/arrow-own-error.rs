//@ kernel: 6.15, 7.0
// A fallible initializer with an error type of this file's own: before 7.0 `try_pin_init!(… ? E)`, from 7.0 the
// infallible macro takes `? E` itself.
use kernel::prelude::*;

#[pin_data]
struct Table {
    len: usize,
}

struct TableFull;

fn table(len: usize) -> impl PinInit<Table, TableFull> {
    try_pin_init!(Table { len }? TableFull)
}

#[pin_data]
struct Cache {
    #[pin]
    table: Table,
}

fn cache() -> impl PinInit<Cache, TableFull> {
    pin_init!(Cache { table <- table(8) })
//                             ^^^^^^^^ error[fallible-in-infallible-init]: `table` is an initializer with error type `TableFull`, so `<-` cannot run it inside `pin_init!`, whose error type is `Infallible`; use `try_pin_init!` with `? TableFull`.
}
