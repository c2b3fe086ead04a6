/** Pin-init (kernel::init ≤6.14, the `pin_init` crate 6.15+); read: v6.1-rc7, v6.3.8, v6.4.6, v6.5, v6.6, v6.8, v6.9, v6.11.11, v6.12.117, v6.13.7, v6.14, v6.18, v6.19, v7.0, v7.2.12 and v7.3.4 trees; 6.15–6.17 and 7.1 from the rust-6.15 split commits and the pin-init-v6.16/-v6.17/-v6.18 pull messages. */
import type { KbItem } from '../types';

const K = 'https://rust.docs.kernel.org/kernel/';
const P = 'https://rust.docs.kernel.org/pin_init/';
const M = 'https://rust.docs.kernel.org/macros/';

/** Evidence for the 6.15 move of pin-init out of the kernel crate. */
const SPLIT =
  'Read: present as `kernel::init::…` / `kernel::…!` in v6.14, absent in v6.18. The move is commit dbd5058ba60c "rust: make pin-init its own crate" (2025-03), which the Rust maintainer states is in v6.15; 6.15–6.17 trees were not read.';
/** Evidence for items that first appear in the 6.16 pin-init pull. */
const PI616 =
  'Absent in v6.14, present in v6.18; listed under "Added" in the pin-init-v6.16 pull request (based on 6.15-rc3, merged into rust-next for 6.16). 6.15–6.17 trees not read.';
/** Evidence for items that first appear in the 6.17 pin-init pull. */
const PI617 =
  'Absent in v6.14, present in v6.18; listed in the pin-init-v6.17 pull request (based on 6.16-rc1). 6.15–6.17 trees not read.';
/** Evidence for items that first appear in the 6.18 pin-init pull. */
const PI618 =
  'Absent in v6.14, present in v6.18; listed in the pin-init-v6.18 pull request (based on 6.17-rc1). 6.15–6.17 trees not read.';
/** 6.4 is the first release with pin-init. */
const FIRST64 = 'Absent in v6.3.8 (no rust/kernel/init.rs), present in v6.4.6.';
/** 6.6 additions. */
const FIRST66 = 'Absent in v6.5, present in v6.6.';
/** 7.0 changes, read in the trees. */
const T70 = 'Read: absent in v6.19, present in v7.0 (rust/pin-init/internal/src/init.rs holds the proc-macro parser).';
/** 7.3 changes, read in the trees. */
const T73 = 'Read: absent in v7.2.12, present in v7.3.4 (rust/pin-init/src/lib.rs).';
/** Shared text of the prelude entries: the prelude name survived the 6.15 move. */
const PRELUDE_MOVE = 'The prelude name stayed the same when pin-init moved crates in 6.15, so code that relies on `use kernel::prelude::*;` keeps working across the move.';

/** `pin_init!` forms: a `macro_rules!` macro up to 6.19, a proc-macro from 7.0 that also takes `? E` and `#[default_error(E)]`. */
const PIN_INIT_SIGS = [
  { until: '7.0', text: 'pin_init!($(&this in)? Type { field: value, pinned_field <- initializer, .. }) -> impl PinInit<Type, Infallible>' },
  { since: '7.0', text: 'pin_init!($(#[default_error(E)])? $(&this in)? Type { $(#[cfg(..)])? field: value, pinned_field <- initializer, .. } $(? E)?) -> impl PinInit<Type, E> // E defaults to Infallible' },
];
/** `init!` forms, as for `pin_init!`. */
const INIT_SIGS = [
  { until: '7.0', text: 'init!($(&this in)? Type { field: value, field <- initializer, .. }) -> impl Init<Type, Infallible>' },
  { since: '7.0', text: 'init!($(#[default_error(E)])? $(&this in)? Type { $(#[cfg(..)])? field: value, field <- initializer, .. } $(? E)?) -> impl Init<Type, E> // E defaults to Infallible' },
];
/** What changed in `pin_init!` since it joined the `pin_init` crate. */
const PIN_INIT_CHANGES = [
  { version: '6.17', note: 'The zero-fill tail is spelled `..Zeroable::init_zeroed()`; `..Zeroable::zeroed()` no longer matches.' },
  { version: '6.18', note: 'Accepts `_: { ... }` code blocks and lets later fields refer to earlier, already initialised fields by name.' },
  { version: '7.0', note: 'Rewritten as a procedural macro: it accepts a `? E` error suffix, a leading `#[default_error(E)]` attribute and `#[cfg(..)]` attributes on fields, and reports clearer errors.' },
];
/** What changed in `init!` since it joined the `pin_init` crate. */
const INIT_CHANGES = [
  { version: '6.17', note: 'Zero-fill tail becomes `..Zeroable::init_zeroed()`.' },
  { version: '6.18', note: 'Code blocks `_: { ... }` and references to earlier fields.' },
  { version: '7.0', note: 'Rewritten as a procedural macro that accepts `? E`, `#[default_error(E)]` and attributes on fields.' },
];

export const pinInit: readonly KbItem[] = [
  // ───────────────────────── modules ─────────────────────────
  {
    path: 'kernel::init',
    kind: 'module',
    since: '6.4',
    changes: [
      { version: '6.15', note: 'Almost everything moved to the separate `pin_init` crate; only `InPlaceInit` and the `try_init!`/`try_pin_init!` wrappers (with the kernel `Error` default) stay in the kernel crate.' },
    ],
    docs:
      'Home of in-place initialisation in the kernel crate. Up to 6.14 it defines the whole API (`PinInit`, `Init`, `Zeroable`, the `pin_init!` family, closures and helpers). ' +
      'From 6.15 it only keeps `InPlaceInit` (allocation-aware constructors such as `KBox::pin_init`) and the kernel flavour of `try_[pin_]init!`; import everything else from `pin_init` or the prelude. ' +
      'Code written as `kernel::init::PinInit` therefore stops compiling on 6.15; `kernel::prelude::*` works on both sides of the split.',
    link: `${K}init/index.html`,
    note: FIRST64 + ' ' + SPLIT,
  },
  {
    path: 'pin_init',
    kind: 'module',
    since: '6.15',
    docs:
      'The standalone pin-init crate, shared with the user-space `pin-init` crate on crates.io. Since 6.15 it provides the initializer traits, the `pin_init!`/`init!` macros, `#[pin_data]`, `#[pinned_drop]`, `Zeroable` and the helper functions. ' +
      'Its `try_pin_init!`/`try_init!` have no default error type: inside the kernel prefer `kernel::try_pin_init!`, which defaults to `kernel::error::Error`. ' +
      'The kernel builds it without the `alloc` feature, so `pin_init::InPlaceInit` is not available there; use `kernel::init::InPlaceInit`.',
    link: `${P}index.html`,
    note: SPLIT,
  },

  // ───────────────────────── initializer macros ─────────────────────────
  {
    path: 'kernel::pin_init!',
    kind: 'macro',
    since: '6.4',
    until: '6.15',
    replacement: 'pin_init::pin_init!',
    signatures: [{ text: 'pin_init!($(&this in)? Type { field: value, pinned_field <- initializer, .. }) -> impl PinInit<Type, Infallible>' }],
    changes: [{ version: '6.6', note: 'Accepts the `..Zeroable::zeroed()` tail to zero all fields not listed.' }],
    docs:
      'Builds a pin-initializer for a `#[pin_data]` struct without ever holding the value on the stack. Use `field: expr` for plain values and `field <- init` for fields initialised in place (a `#[pin]` field takes any `PinInit`). ' +
      'The result is an `impl PinInit<T, Infallible>` that does nothing until handed to `KBox::pin_init`, `Arc::pin_init`, `stack_pin_init!` or an outer `<-`. ' +
      'For fallible sub-initializers use `try_pin_init!` instead; this macro fixes the error type to `Infallible`.',
    link: `${K}macro.pin_init.html`,
    note: FIRST64 + ' ' + SPLIT,
  },
  {
    path: 'pin_init::pin_init!',
    kind: 'macro',
    since: '6.15',
    signatures: PIN_INIT_SIGS,
    changes: PIN_INIT_CHANGES,
    docs:
      'The pinned in-place initializer macro, now exported by the `pin_init` crate (and still reachable through `kernel::prelude`). ' +
      'Write `pin_init!(Self { lock <- new_mutex!(0), count: 0 })` and pass the result to an allocator or to an outer initializer. ' +
      'Without a suffix the error type is `Infallible`; for an initializer that can fail use `kernel::try_pin_init!` (defaults to `kernel::error::Error`), or from 7.0 write `pin_init!(Self { .. }? Error)`. ' +
      'Before 6.15 the same macro was `kernel::pin_init!`; the prelude name `pin_init!` has worked since 6.4.',
    link: `${P}macro.pin_init.html`,
    note: SPLIT + ' 7.0 rewrite: ' + T70,
  },
  {
    path: 'kernel::init!',
    kind: 'macro',
    since: '6.4',
    until: '6.15',
    replacement: 'pin_init::init!',
    signatures: [{ text: 'init!($(&this in)? Type { field: value, field <- initializer, .. }) -> impl Init<Type, Infallible>' }],
    changes: [{ version: '6.6', note: 'Accepts the `..Zeroable::zeroed()` tail.' }],
    docs:
      'Like `pin_init!` but produces an `Init`, i.e. an initializer whose result may be moved afterwards. ' +
      'Every `<-` field must then be given an `Init` (not just a `PinInit`), so structurally pinned members such as locks cannot be initialised here. ' +
      'Handy for large plain structs that should be built directly inside a `Box` to avoid stack copies.',
    link: `${K}macro.init.html`,
    note: FIRST64 + ' ' + SPLIT,
  },
  {
    path: 'pin_init::init!',
    kind: 'macro',
    since: '6.15',
    signatures: INIT_SIGS,
    changes: INIT_CHANGES,
    docs:
      'Unpinned in-place initializer macro from the `pin_init` crate. The produced `impl Init<T, Infallible>` can be used wherever a `PinInit` is expected too. ' +
      'Fields filled with `<-` need `Init` initializers; use `pin_init!` when any field must stay pinned. Before 6.15 the same macro was `kernel::init!`; the prelude name `init!` has worked since 6.4.',
    link: `${P}macro.init.html`,
    note: SPLIT + ' 7.0 rewrite: ' + T70,
  },
  {
    path: 'kernel::prelude::pin_init!',
    kind: 'macro',
    since: '6.4',
    signatures: PIN_INIT_SIGS,
    changes: [
      { version: '6.6', note: 'Accepts the `..Zeroable::zeroed()` tail to zero all fields not listed.' },
      { version: '6.15', note: 'The prelude now re-exports the `pin_init` crate\'s macro instead of `kernel::pin_init!`; calls written through the prelude do not change.' },
      ...PIN_INIT_CHANGES,
    ],
    docs:
      'The `pin_init!` of the kernel prelude (what a prelude glob import brings in): builds a pin-initializer for a `#[pin_data]` struct, `field: value` for plain values and `field <- init` for fields initialised in place. ' +
      'It has been in the prelude since 6.4. Up to 6.14 it is `kernel::pin_init!`, from 6.15 `pin_init::pin_init!`. ' + PRELUDE_MOVE,
    link: `${P}macro.pin_init.html`,
    note: FIRST64 + ' Prelude lines read in v6.14 (`pub use super::{init, pin_init, ..}`) and v6.18–v7.3 (`pub use pin_init::{.., pin_init, ..}`). ' + SPLIT,
  },
  {
    path: 'kernel::prelude::init!',
    kind: 'macro',
    since: '6.4',
    signatures: INIT_SIGS,
    changes: [
      { version: '6.6', note: 'Accepts the `..Zeroable::zeroed()` tail.' },
      { version: '6.15', note: 'The prelude now re-exports the `pin_init` crate\'s macro instead of `kernel::init!`.' },
      ...INIT_CHANGES,
    ],
    docs:
      'The prelude\'s `init!`: an initializer for data that may move afterwards (`impl Init<T, E>`); every `<-` field needs an `Init`. ' +
      'Up to 6.14 it is `kernel::init!`, from 6.15 `pin_init::init!`. ' + PRELUDE_MOVE,
    link: `${P}macro.init.html`,
    note: FIRST64 + ' ' + SPLIT,
  },
  {
    path: 'kernel::try_pin_init!',
    aliases: ['kernel::prelude::try_pin_init!'],
    kind: 'macro',
    since: '6.4',
    signatures: [
      { text: 'try_pin_init!($(&this in)? Type { fields.. }) -> impl PinInit<Type, kernel::error::Error>\ntry_pin_init!($(&this in)? Type { fields.. }? E) -> impl PinInit<Type, E>' },
    ],
    changes: [
      { version: '6.15', note: 'Became a thin wrapper that forwards to `::pin_init::try_pin_init!`, supplying `? kernel::error::Error` when no error type is written.' },
      { version: '6.17', note: 'Zero-fill tail becomes `..Zeroable::init_zeroed()` (inherited from the pin_init macro).' },
      { version: '6.18', note: 'Code blocks and earlier-field references (inherited from the pin_init macro).' },
      { version: '7.0', note: 'Now forwards to `::pin_init::pin_init!` with `#[default_error(kernel::error::Error)]` (the crate\'s own `try_pin_init!` is gone); a written `? E` still wins, and fields may carry `#[cfg(..)]`.' },
    ],
    docs:
      'Fallible pinned initializer. Inside the field list you can use `?` on fallible expressions and `<-` with initializers whose error converts into the macro error type. ' +
      'Without a suffix the error type is `kernel::error::Error`; write `}? MyErr)` to pick another. ' +
      'This kernel-crate macro exists on every release from 6.4 on, so it is the portable choice across the 6.15 split (the `pin_init` crate version requires the suffix).',
    link: `${K}macro.try_pin_init.html`,
    note: FIRST64 + ' 7.0 expansion: read in v7.0 rust/kernel/init.rs.',
  },
  {
    path: 'kernel::try_init!',
    aliases: ['kernel::prelude::try_init!'],
    kind: 'macro',
    since: '6.4',
    signatures: [
      { text: 'try_init!($(&this in)? Type { fields.. }) -> impl Init<Type, kernel::error::Error>\ntry_init!($(&this in)? Type { fields.. }? E) -> impl Init<Type, E>' },
    ],
    changes: [
      { version: '6.15', note: 'Became a wrapper over `::pin_init::try_init!` that supplies the kernel `Error` default.' },
      { version: '7.0', note: 'Now forwards to `::pin_init::init!` with `#[default_error(kernel::error::Error)]`, since the crate\'s `try_init!` was removed.' },
    ],
    docs:
      'Fallible unpinned initializer; the error defaults to `kernel::error::Error` and can be overridden with a `? E` suffix. ' +
      'All `<-` fields must receive `Init` initializers. Like `kernel::try_pin_init!` it is available before and after the 6.15 crate split and after the 7.0 removal of the crate\'s `try_init!`.',
    link: `${K}macro.try_init.html`,
    note: FIRST64 + ' 7.0 expansion: read in v7.0 rust/kernel/init.rs.',
  },
  {
    path: 'pin_init::try_pin_init!',
    kind: 'macro',
    since: '6.15',
    until: '7.0',
    replacement: 'kernel::try_pin_init!',
    signatures: [{ text: 'try_pin_init!($(&this in)? Type { fields.. }? E) -> impl PinInit<Type, E>' }],
    changes: [
      { version: '6.17', note: 'Zero-fill tail becomes `..Zeroable::init_zeroed()`.' },
      { version: '6.18', note: 'Code blocks and earlier-field references.' },
    ],
    docs:
      'The crate-level fallible pinned initializer. Unlike the kernel wrapper it has no default error: the `? E` suffix after the closing brace is mandatory, and omitting it is a macro matching error. ' +
      'In kernel code `kernel::try_pin_init!` (which the prelude exports) is usually what you want. Removed in 7.0: use `kernel::try_pin_init!`, or `pin_init::pin_init!(.. ? E)` which accepts the suffix from 7.0.',
    link: `${P}macro.try_pin_init.html`,
    note: SPLIT + ' The mandatory suffix is read in v6.18; the 6.15 series moved the default error into the kernel crate. Removal: present in v6.19 rust/pin-init/src/lib.rs, absent in v7.0 (which re-exports only `pin_init`/`init` from pin_init_internal).',
  },
  {
    path: 'pin_init::try_init!',
    kind: 'macro',
    since: '6.15',
    until: '7.0',
    replacement: 'kernel::try_init!',
    signatures: [{ text: 'try_init!($(&this in)? Type { fields.. }? E) -> impl Init<Type, E>' }],
    changes: [
      { version: '6.17', note: 'Zero-fill tail becomes `..Zeroable::init_zeroed()`.' },
      { version: '6.18', note: 'Code blocks and earlier-field references.' },
    ],
    docs:
      'Crate-level fallible unpinned initializer; requires the explicit `? E` error suffix. Prefer `kernel::try_init!` in kernel code to get the `Error` default. Removed in 7.0, where `kernel::try_init!` or `pin_init::init!(.. ? E)` take its place.',
    link: `${P}macro.try_init.html`,
    note: SPLIT + ' Removal: present in v6.19, absent in v7.0 (read).',
  },
  {
    path: 'kernel::stack_pin_init!',
    kind: 'macro',
    since: '6.4',
    until: '6.15',
    replacement: 'pin_init::stack_pin_init!',
    signatures: [{ text: 'stack_pin_init!(let name $(: T)? = initializer); // name: Pin<&mut T>' }],
    docs:
      'Runs an infallible pin-initializer into a stack slot and binds `name` as `Pin<&mut T>`. ' +
      'Typical use is a short-lived lock in tests or examples: `stack_pin_init!(let m = new_mutex!(0));` then `m.lock()`. ' +
      'The initializer must have error type `Infallible`; use `stack_try_pin_init!` otherwise. Not in the prelude: import it as `kernel::stack_pin_init`.',
    link: `${K}macro.stack_pin_init.html`,
    note: FIRST64 + ' ' + SPLIT,
  },
  {
    path: 'pin_init::stack_pin_init!',
    kind: 'macro',
    since: '6.15',
    signatures: [{ text: 'stack_pin_init!(let name $(: T)? = initializer); // name: Pin<&mut T>' }],
    docs:
      'Pins a value initialised in place on the stack; import it with `use pin_init::stack_pin_init;` (it is not in the kernel prelude). ' +
      'The value lives until the end of the enclosing block and cannot be moved out. Only infallible initializers are accepted.',
    link: `${P}macro.stack_pin_init.html`,
    note: SPLIT,
  },
  {
    path: 'kernel::stack_try_pin_init!',
    kind: 'macro',
    since: '6.4',
    until: '6.15',
    replacement: 'pin_init::stack_try_pin_init!',
    signatures: [
      { text: 'stack_try_pin_init!(let name $(: T)? = initializer); // name: Result<Pin<&mut T>, E>\nstack_try_pin_init!(let name $(: T)? =? initializer); // propagates the error with `?`' },
    ],
    docs:
      'Fallible variant of `stack_pin_init!`. With `=` the binding is a `Result<Pin<&mut T>, E>`; with `=?` the error is returned from the enclosing function and the binding is the pinned reference.',
    link: `${K}macro.stack_try_pin_init.html`,
    note: FIRST64 + ' ' + SPLIT,
  },
  {
    path: 'pin_init::stack_try_pin_init!',
    kind: 'macro',
    since: '6.15',
    signatures: [
      { text: 'stack_try_pin_init!(let name $(: T)? = initializer); // name: Result<Pin<&mut T>, E>\nstack_try_pin_init!(let name $(: T)? =? initializer); // propagates the error with `?`' },
    ],
    docs:
      'Fallible stack pinning from the `pin_init` crate. Write `=?` to bail out on error directly, or `=` to inspect the `Result` yourself.',
    link: `${P}macro.stack_try_pin_init.html`,
    note: SPLIT,
  },
  {
    path: 'kernel::assert_pinned!',
    kind: 'macro',
    since: '6.12',
    until: '6.15',
    replacement: 'pin_init::assert_pinned!',
    signatures: [{ text: 'assert_pinned!(Type, field, FieldType $(, inline)?);' }],
    docs:
      'A compile-time check that `field` of a `#[pin_data]` struct is marked `#[pin]`; it fails to build otherwise. ' +
      'Useful in unsafe code that relies on a field being structurally pinned. The `inline` form is for use inside a function body.',
    link: `${K}macro.assert_pinned.html`,
    note: 'Absent in v6.11.11, present in v6.12.117 (a stable release; assumed not a backport) and v6.14. ' + SPLIT,
  },
  {
    path: 'pin_init::assert_pinned!',
    kind: 'macro',
    since: '6.15',
    signatures: [{ text: 'assert_pinned!(Type, field, FieldType $(, inline)?);' }],
    docs:
      'Compile-time assertion that a field is structurally pinned (`#[pin]`) in a `#[pin_data]` struct. Moved here from the kernel crate in 6.15; callers that wrote `kernel::assert_pinned!` must switch paths.',
    link: `${P}macro.assert_pinned.html`,
    note: SPLIT,
  },

  // ───────────────────────── attributes ─────────────────────────
  {
    path: 'macros::#[pin_data]',
    kind: 'attribute',
    since: '6.4',
    until: '6.15',
    replacement: 'pin_init::#[pin_data]',
    signatures: [{ text: '#[pin_data] / #[pin_data(PinnedDrop)] struct S { #[pin] pinned: T, plain: U }' }],
    docs:
      'Makes a struct usable with `pin_init!`/`try_pin_init!` and decides which fields are structurally pinned: those marked `#[pin]`. ' +
      'Any field that needs pinning (locks, condition variables, timers, other `#[pin_data]` structs) must carry `#[pin]`, otherwise `field <- initializer` demands an `Init` and fails. ' +
      'The struct must not implement `Drop` directly; write `#[pin_data(PinnedDrop)]` and implement `PinnedDrop` with `#[pinned_drop]` instead.',
    link: `${M}attr.pin_data.html`,
    note: FIRST64 + ' ' + SPLIT,
  },
  {
    path: 'pin_init::#[pin_data]',
    kind: 'attribute',
    since: '6.15',
    signatures: [{ text: '#[pin_data] / #[pin_data(PinnedDrop)] struct S { #[pin] pinned: T, plain: U }' }],
    changes: [
      { version: '6.18', note: 'Also generates a `…Projection` struct and a `project(self: Pin<&mut Self>)` method giving `Pin<&mut T>` for `#[pin]` fields and `&mut U` for the others.' },
      { version: '7.0', note: 'Rewritten on `syn`, with clearer errors (for example for an unpinned `PhantomPinned` field).' },
      { version: '7.3', note: 'Writing `#[pin]` twice on one field is an error.' },
    ],
    docs:
      'Marks a struct for pinned in-place initialisation; `#[pin]` on a field makes it structurally pinned. Still reachable as `kernel::prelude::pin_data`. ' +
      'Forgetting `#[pin]` on a lock or other `!Unpin` member is the classic mistake: `<-` then needs an `Init` and the build fails with an unsatisfied `Init` bound. ' +
      'From 6.18 the attribute also emits a projection type, so a `Pin<&mut Self>` can be split into per-field references without unsafe code.',
    link: `${P}attr.pin_data.html`,
    note: SPLIT + ' Projection: ' + PI618,
  },
  {
    path: 'macros::#[pinned_drop]',
    kind: 'attribute',
    since: '6.4',
    until: '6.15',
    replacement: 'pin_init::#[pinned_drop]',
    signatures: [{ text: '#[pinned_drop] impl PinnedDrop for S { fn drop(self: Pin<&mut Self>) { .. } }' }],
    docs:
      'Put on the `impl PinnedDrop for S` block of a struct declared with `#[pin_data(PinnedDrop)]`. ' +
      'It fills in the hidden token argument of `PinnedDrop::drop`, so you write an ordinary `fn drop(self: Pin<&mut Self>)`. Both the attribute and the `PinnedDrop` argument to `#[pin_data]` are required together.',
    link: `${M}attr.pinned_drop.html`,
    note: FIRST64 + ' ' + SPLIT,
  },
  {
    path: 'pin_init::#[pinned_drop]',
    kind: 'attribute',
    since: '6.15',
    signatures: [{ text: '#[pinned_drop] impl PinnedDrop for S { fn drop(self: Pin<&mut Self>) { .. } }' }],
    docs:
      'Implements drop logic for a pinned struct: pair `#[pin_data(PinnedDrop)]` on the struct with `#[pinned_drop] impl PinnedDrop for S`. ' +
      'The method receives `Pin<&mut Self>`, so pinned fields must not be moved out during drop.',
    link: `${P}attr.pinned_drop.html`,
    note: SPLIT,
  },
  {
    path: 'kernel::prelude::#[pin_data]',
    kind: 'attribute',
    since: '6.4',
    signatures: [{ text: '#[pin_data] / #[pin_data(PinnedDrop)] struct S { #[pin] pinned: T, plain: U }' }],
    changes: [
      { version: '6.15', note: 'The prelude now re-exports `pin_init::pin_data` instead of `macros::pin_data`; the attribute is written the same way.' },
      { version: '6.18', note: 'Also generates a `…Projection` struct and a `project(self: Pin<&mut Self>)` method.' },
      { version: '7.0', note: 'Rewritten on `syn`, with clearer errors (for example for an unpinned `PhantomPinned` field).' },
      { version: '7.3', note: 'Writing `#[pin]` twice on one field is an error.' },
    ],
    docs:
      'The `#[pin_data]` that the prelude brings in: declares which fields of a struct are structurally pinned (`#[pin]`) so `pin_init!`/`try_pin_init!` can build it in place. ' +
      'Lock, condition-variable and timer members need `#[pin]`. ' + PRELUDE_MOVE,
    link: `${P}attr.pin_data.html`,
    note: FIRST64 + ' ' + SPLIT + ' 7.0 rewrite: ' + T70 + ' Duplicate check: ' + T73 + ' (rust/pin-init/internal/src/pin_data.rs).',
  },
  {
    path: 'kernel::prelude::#[pinned_drop]',
    kind: 'attribute',
    since: '6.4',
    signatures: [{ text: '#[pinned_drop] impl PinnedDrop for S { fn drop(self: Pin<&mut Self>) { .. } }' }],
    changes: [{ version: '6.15', note: 'The prelude now re-exports `pin_init::pinned_drop` instead of `macros::pinned_drop`.' }],
    docs:
      'The prelude\'s `#[pinned_drop]`: put it on `impl PinnedDrop for S` of a struct declared `#[pin_data(PinnedDrop)]`, and write a plain `fn drop(self: Pin<&mut Self>)`. ' + PRELUDE_MOVE,
    link: `${P}attr.pinned_drop.html`,
    note: FIRST64 + ' ' + SPLIT,
  },
  {
    path: 'syntax::pin-field',
    kind: 'syntax',
    since: '6.4',
    signatures: [{ text: '#[pin_data] struct S { #[pin] field: T, .. }' }],
    docs:
      'The `#[pin]` marker on a field inside a `#[pin_data]` struct. It is not an importable item; `#[pin_data]` consumes it. ' +
      'A `#[pin]` field is structurally pinned: it can be initialised with any `PinInit` via `<-` and is only ever exposed as `Pin<&mut T>`. ' +
      'Without it the field counts as movable, so `<-` requires an `Init` initializer.',
    link: `${P}attr.pin_data.html`,
    note: FIRST64,
  },
  {
    path: 'syntax::pin-data-pinned-drop',
    kind: 'syntax',
    since: '6.4',
    signatures: [{ text: '#[pin_data(PinnedDrop)] struct S { .. }' }],
    docs:
      'The `PinnedDrop` argument to `#[pin_data]` declares that the struct has custom drop logic, which must then be supplied by a `#[pinned_drop] impl PinnedDrop for S` block. ' +
      'A plain `impl Drop` on a `#[pin_data]` struct is rejected by the generated code.',
    link: `${P}attr.pin_data.html`,
    note: FIRST64,
  },

  {
    path: 'syntax::pin-data-drop-guard',
    kind: 'syntax',
    since: '6.4',
    signatures: [{ text: '#[pin_data] struct S { .. }  // plus impl Drop for S: conflicting implementations' }],
    docs:
      'What `#[pin_data]` generates to keep a struct from implementing `Drop` directly: without `PinnedDrop` it adds a private marker trait implemented both for every `Drop` type and for the struct, so an `impl Drop` makes the two collide; with `PinnedDrop` it writes the `Drop` impl itself, so a second one collides with it. ' +
      'It also refuses a `PinnedDrop` impl for a struct whose attribute does not ask for it.',
    link: `${P}attr.pin_data.html`,
    note: FIRST64 + ' Read in v6.12 (rust/kernel/init/macros.rs, `MustNotImplDrop`), v6.19 (rust/pin-init/src/macros.rs) and v7.3 (rust/pin-init/internal/src/pin_data.rs, `generate_drop_impl`).',
  },
  {
    path: 'syntax::unpinned-phantom-pinned-error',
    kind: 'syntax',
    since: '6.4',
    until: '7.0',
    replacement: 'syntax::unpinned-phantom-pinned-warning',
    signatures: [{ text: '#[pin_data] struct S { _pin: PhantomPinned }  // compile_error!' }],
    docs:
      'Up to 6.19 the `macro_rules!` behind `#[pin_data]` stops the build with `compile_error!` when a field spelled `PhantomPinned` (or `marker::PhantomPinned`, `core::marker::PhantomPinned`) has no `#[pin]`: such a field would not make the struct `!Unpin`.',
    link: `${P}attr.pin_data.html`,
    note: FIRST64 + ' Read: the `PhantomPinned` arm of `find_pinned_fields` in v6.12 (rust/kernel/init/macros.rs) and v6.19 (rust/pin-init/src/macros.rs); gone with the 7.0 rewrite. ' + T70,
  },
  {
    path: 'syntax::unpinned-phantom-pinned-warning',
    kind: 'syntax',
    since: '7.0',
    signatures: [{ text: '#[pin_data] struct S { _pin: PhantomPinned }  // warning' }],
    docs:
      'From 7.0 `#[pin_data]` only warns about a `PhantomPinned` field without `#[pin]` (the build goes on, and the struct stays `Unpin`).',
    link: `${P}attr.pin_data.html`,
    note: T70 + ' rust/pin-init/internal/src/pin_data.rs calls `dcx.warn` for it in v7.0, v7.2.12 and v7.3.4.',
  },
  {
    path: 'syntax::pin-data-projection',
    kind: 'syntax',
    since: '6.18',
    signatures: [{ text: 'fn project(self: Pin<&mut S>) -> SProjection<\'_>  // &mut to every field' }],
    docs:
      'The `project` method `#[pin_data]` generates from 6.18 takes a reference to every field of the struct. In a `#[repr(packed)]` struct such references may be unaligned, which the compiler rejects (E0793).',
    link: `${P}attr.pin_data.html`,
    note: PI618 + ' Read: `&mut this.$field` in the projection arm of v6.18 rust/pin-init/src/macros.rs.',
  },
  {
    path: 'syntax::duplicate-pin-error',
    kind: 'syntax',
    since: '7.3',
    signatures: [{ text: '#[pin] #[pin] field: T  // error: #[pin] attribute specified more than once' }],
    docs:
      'From 7.3 `#[pin_data]` rejects a field that carries `#[pin]` more than once. Earlier releases accept the repetition and treat the field as pinned once.',
    link: `${P}attr.pin_data.html`,
    note: T73 + ' The check is in rust/pin-init/internal/src/pin_data.rs (v7.3.4); v7.2.12 drops every `#[pin]` with `retain` and v6.19\'s `macro_rules!` sets the same flag again.',
  },

  // ───────────────────────── core traits ─────────────────────────
  {
    path: 'kernel::init::PinInit',
    aliases: ['kernel::prelude::PinInit'],
    kind: 'trait',
    since: '6.4',
    until: '6.15',
    replacement: 'pin_init::PinInit',
    signatures: [{ text: 'pub unsafe trait PinInit<T: ?Sized, E = Infallible>: Sized { unsafe fn __pinned_init(self, slot: *mut T) -> Result<(), E>; }' }],
    changes: [{ version: '6.6', note: 'Gained the provided method `pin_chain`.' }],
    docs:
      'An initializer that writes a `T` into memory that will never move again. Constructors of pinned kernel types (`Mutex::new`, `CondVar::new`, ...) return `impl PinInit<Self>` instead of `Self`. ' +
      'You consume one with `KBox::pin_init`, `Arc::pin_init`, `stack_pin_init!` or a `field <- init` line; calling `__pinned_init` by hand is unsafe and rarely needed. ' +
      'Every `Init` is also a `PinInit`.',
    link: `${K}init/trait.PinInit.html`,
    note: FIRST64 + ' ' + SPLIT,
  },
  {
    path: 'pin_init::PinInit',
    aliases: ['kernel::prelude::PinInit'],
    kind: 'trait',
    since: '6.15',
    signatures: [
      { until: '7.3', text: 'pub unsafe trait PinInit<T: ?Sized, E = Infallible>: Sized { unsafe fn __pinned_init(self, slot: *mut T) -> Result<(), E>; fn pin_chain<F>(self, f: F) -> ChainPinInit<Self, F, T, E> where F: FnOnce(Pin<&mut T>) -> Result<(), E>; }' },
      { since: '7.3', text: 'pub unsafe trait PinInit<T: ?Sized, E = Infallible>: Sized { unsafe fn __init(self, slot: *mut T) -> Result<(), E>; fn pin_chain<F>(self, f: F) -> ChainPinInit<Self, F, T, E> where F: FnOnce(Pin<&mut T>) -> Result<(), E>; }' },
    ],
    changes: [
      { version: '6.17', note: 'Blanket impl narrowed from `impl<T, E> PinInit<T, E> for T` to `impl<T> PinInit<T> for T` (values are infallible initializers), and `Result<T, E>` now implements `PinInit<T, E>`.' },
      { version: '7.3', note: 'The required method is `__init` (it was `__pinned_init`, which kernel builds no longer have); `Init` became a marker trait, and `raw_init`/`raw_try_init` are the way to run an initializer by hand.' },
    ],
    docs:
      'The pinned-initializer trait, now in the `pin_init` crate and re-exported by the kernel prelude. Return `impl PinInit<Self, Error>` from constructors of types that must stay pinned. ' +
      'From 6.17 a plain value only counts as `PinInit<T, Infallible>`; code that relied on a value being a `PinInit<T, E>` for arbitrary `E` needs an explicit conversion, while a `Result<T, E>` can now be passed directly. ' +
      'A hand-written `unsafe impl PinInit` provides `__pinned_init` up to 7.2 and `__init` from 7.3. Before 6.15 the trait was `kernel::init::PinInit` (the prelude name `PinInit` has worked since 6.4).',
    link: `${P}trait.PinInit.html`,
    note: SPLIT + ' 6.17 change: from the pin-init-v6.17 pull request. 7.3 change: ' + T73,
  },
  {
    path: 'kernel::init::PinInit::__pinned_init',
    kind: 'method',
    since: '6.4',
    until: '6.15',
    replacement: 'pin_init::PinInit::__pinned_init',
    signatures: [{ text: 'unsafe fn __pinned_init(self, slot: *mut T) -> Result<(), E>' }],
    docs: 'The required method of `PinInit`: writes the value into `slot`, which must stay pinned. Unsafe to call; normally only allocators (`KBox::pin_init`) and the init macros call it.',
    link: `${K}init/trait.PinInit.html#tymethod.__pinned_init`,
    note: FIRST64 + ' ' + SPLIT,
  },
  {
    path: 'pin_init::PinInit::__pinned_init',
    kind: 'method',
    since: '6.15',
    until: '7.3',
    replacement: 'pin_init::PinInit::__init',
    signatures: [{ text: 'unsafe fn __pinned_init(self, slot: *mut T) -> Result<(), E>' }],
    docs:
      'Runs the pin-initializer into `slot` (valid, uninitialised, never moved afterwards); on `Err` the slot is left for the caller to free. ' +
      'From 7.3 the method is called `__init` and kernel builds lack this name; outside the kernel it lingers as a deprecated alias. Prefer `raw_try_init` (7.3+) to calling either by hand.',
    link: `${P}trait.PinInit.html#tymethod.__pinned_init`,
    note: SPLIT + ' Removal: present in v7.2.12, in v7.3.4 only under `#[cfg(not(kernel))]` and deprecated.',
  },
  {
    path: 'pin_init::PinInit::__init',
    kind: 'method',
    since: '7.3',
    signatures: [{ text: 'unsafe fn __init(self, slot: *mut T) -> Result<(), E>' }],
    docs:
      'The one required method of `PinInit` from 7.3: initialise `slot` completely on `Ok`, leave it untouched on `Err`. The slot counts as pinned unless the initializer also implements `Init`. ' +
      'Implement it in a hand-written `unsafe impl PinInit`; call sites should use `pin_init::raw_init`/`raw_try_init` instead of calling it directly.',
    link: `${P}trait.PinInit.html#tymethod.__init`,
    note: T73,
  },
  {
    path: 'kernel::init::Init::__init',
    kind: 'method',
    since: '6.4',
    until: '6.15',
    replacement: 'pin_init::Init::__init',
    signatures: [{ text: 'unsafe fn __init(self, slot: *mut T) -> Result<(), E>' }],
    docs: 'The required method of `Init`: initialises `slot` without relying on it staying at that address. Unsafe to call; allocators and macros do it for you.',
    link: `${K}init/trait.Init.html#tymethod.__init`,
    note: FIRST64 + ' ' + SPLIT,
  },
  {
    path: 'pin_init::Init::__init',
    kind: 'method',
    since: '6.15',
    until: '7.3',
    replacement: 'pin_init::PinInit::__init',
    signatures: [{ text: 'unsafe fn __init(self, slot: *mut T) -> Result<(), E>' }],
    docs:
      'Required method of `Init` up to 7.2. From 7.3 `Init` has no such method: move the body into `unsafe impl PinInit { unsafe fn __init(..) }` and keep an empty `unsafe impl Init`.',
    link: `${P}trait.Init.html#tymethod.__init`,
    note: SPLIT + ' Removal: ' + T73,
  },
  {
    path: 'kernel::init::PinInit::pin_chain',
    kind: 'method',
    since: '6.6',
    until: '6.15',
    replacement: 'pin_init::PinInit::pin_chain',
    signatures: [{ text: 'fn pin_chain<F>(self, f: F) -> ChainPinInit<Self, F, T, E> where F: FnOnce(Pin<&mut T>) -> Result<(), E>' }],
    docs:
      'Returns a new initializer that first runs `self` and then calls `f` on the freshly initialised, pinned value. ' +
      'If `f` fails the value is dropped again and the error is returned, so `f` can perform setup steps that need the final address.',
    link: `${K}init/trait.PinInit.html#method.pin_chain`,
    note: FIRST66 + ' ' + SPLIT,
  },
  {
    path: 'pin_init::PinInit::pin_chain',
    kind: 'method',
    since: '6.15',
    signatures: [{ text: 'fn pin_chain<F>(self, f: F) -> ChainPinInit<Self, F, T, E> where F: FnOnce(Pin<&mut T>) -> Result<(), E>' }],
    docs:
      'Appends a post-initialisation step that sees the value as `Pin<&mut T>`; an error from the step drops the value and propagates.',
    link: `${P}trait.PinInit.html#method.pin_chain`,
    note: SPLIT,
  },
  {
    path: 'kernel::init::Init',
    aliases: ['kernel::prelude::Init'],
    kind: 'trait',
    since: '6.4',
    until: '6.15',
    replacement: 'pin_init::Init',
    signatures: [
      { since: '6.4', until: '6.6', text: 'pub unsafe trait Init<T: ?Sized, E = Infallible>: Sized { unsafe fn __init(self, slot: *mut T) -> Result<(), E>; } // blanket impl: every Init is a PinInit' },
      { since: '6.6', text: 'pub unsafe trait Init<T: ?Sized, E = Infallible>: PinInit<T, E> { unsafe fn __init(self, slot: *mut T) -> Result<(), E>; fn chain<F>(self, f: F) -> ChainInit<Self, F, T, E>; }' },
    ],
    changes: [
      { version: '6.6', note: '`PinInit<T, E>` became a supertrait (instead of a blanket impl) and the provided method `chain` was added.' },
    ],
    docs:
      'An initializer whose result may be moved afterwards, i.e. it does not rely on a fixed address. It is needed for `<-` on fields that are not `#[pin]` and by `init!`/`try_init!`. ' +
      'Values of any type, `zeroed()` and `uninit()` produce `Init` initializers; lock constructors do not.',
    link: `${K}init/trait.Init.html`,
    note: FIRST64 + ' ' + FIRST66 + ' ' + SPLIT,
  },
  {
    path: 'pin_init::Init',
    aliases: ['kernel::prelude::Init'],
    kind: 'trait',
    since: '6.15',
    signatures: [
      { until: '7.3', text: 'pub unsafe trait Init<T: ?Sized, E = Infallible>: PinInit<T, E> { unsafe fn __init(self, slot: *mut T) -> Result<(), E>; fn chain<F>(self, f: F) -> ChainInit<Self, F, T, E>; }' },
      { since: '7.3', text: 'pub unsafe trait Init<T: ?Sized, E = Infallible>: PinInit<T, E> { fn chain<F>(self, f: F) -> ChainInit<Self, F, T, E>; } // marker: the work is PinInit::__init' },
    ],
    changes: [
      { version: '6.17', note: 'Blanket impl narrowed to `impl<T> Init<T> for T`; `Result<T, E>` implements `Init<T, E>`.' },
      { version: '7.3', note: 'Became a marker trait: `__init` moved to `PinInit`, so an `unsafe impl Init` is empty and the initialising code goes into `unsafe impl PinInit { unsafe fn __init(..) }`.' },
    ],
    docs:
      'Unpinned initializer trait from the `pin_init` crate; a subtrait of `PinInit`, so anything taking a `PinInit` also accepts an `Init`. ' +
      'Use it as the return type of constructors for movable data that should still be built in place (large arrays, zeroed buffers). From 7.3 implementing it only promises that the `PinInit::__init` code does not rely on pinning.',
    link: `${P}trait.Init.html`,
    note: SPLIT + ' 7.3 change: ' + T73,
  },
  {
    path: 'kernel::init::Init::chain',
    kind: 'method',
    since: '6.6',
    until: '6.15',
    replacement: 'pin_init::Init::chain',
    signatures: [{ text: 'fn chain<F>(self, f: F) -> ChainInit<Self, F, T, E> where F: FnOnce(&mut T) -> Result<(), E>' }],
    docs:
      'Like `pin_chain`, but the follow-up closure gets `&mut T` and the result is still an `Init`. On error the value is dropped before the error is returned.',
    link: `${K}init/trait.Init.html#method.chain`,
    note: FIRST66 + ' ' + SPLIT,
  },
  {
    path: 'pin_init::Init::chain',
    kind: 'method',
    since: '6.15',
    signatures: [{ text: 'fn chain<F>(self, f: F) -> ChainInit<Self, F, T, E> where F: FnOnce(&mut T) -> Result<(), E>' }],
    docs: 'Adds a fallible post-initialisation step with `&mut T` access to an unpinned initializer.',
    link: `${P}trait.Init.html#method.chain`,
    note: SPLIT,
  },
  {
    path: 'kernel::init::PinnedDrop',
    kind: 'trait',
    since: '6.4',
    until: '6.15',
    replacement: 'pin_init::PinnedDrop',
    signatures: [{ text: 'pub unsafe trait PinnedDrop: __internal::HasPinData { fn drop(self: Pin<&mut Self>, only_call_from_drop: __internal::OnlyCallFromDrop); }' }],
    docs:
      'Drop hook for `#[pin_data(PinnedDrop)]` structs. Always implement it through `#[pinned_drop]`, which hides the token parameter; implementing it by hand is unsafe and not intended. ' +
      'Import it as `kernel::init::PinnedDrop` (it is not in the prelude before 6.15).',
    link: `${K}init/trait.PinnedDrop.html`,
    note: FIRST64 + ' ' + SPLIT,
  },
  {
    path: 'pin_init::PinnedDrop',
    kind: 'trait',
    since: '6.15',
    signatures: [{ text: 'pub unsafe trait PinnedDrop: __internal::HasPinData { fn drop(self: Pin<&mut Self>, only_call_from_drop: __internal::OnlyCallFromDrop); }' }],
    docs:
      'Pinned drop trait in the `pin_init` crate; write `#[pinned_drop] impl PinnedDrop for S { fn drop(self: Pin<&mut Self>) { .. } }` and declare the struct with `#[pin_data(PinnedDrop)]`. ' +
      'The kernel prelude exports only the `pinned_drop` attribute, not this trait, so import it explicitly with `use pin_init::PinnedDrop;`.',
    link: `${P}trait.PinnedDrop.html`,
    note: SPLIT,
  },

  // ───────────────────────── InPlaceInit / InPlaceWrite ─────────────────────────
  {
    path: 'kernel::init::InPlaceInit',
    aliases: ['kernel::prelude::InPlaceInit'],
    kind: 'trait',
    since: '6.4',
    signatures: [
      { since: '6.4', until: '6.12', text: 'pub trait InPlaceInit<T>: Sized { fn try_pin_init<E>(..) -> Result<Pin<Self>, E>; fn pin_init<E>(..); fn try_init<E>(..); fn init<E>(..); }' },
      { since: '6.12', text: 'pub trait InPlaceInit<T>: Sized { type PinnedSelf; fn try_pin_init<E>(init: impl PinInit<T, E>, flags: Flags) -> Result<Self::PinnedSelf, E>; fn pin_init<E>(..); fn try_init<E>(..); fn init<E>(..); }' },
    ],
    changes: [
      { version: '6.10', note: 'All four methods gained a `flags: Flags` allocation-flags argument (e.g. `GFP_KERNEL`).' },
      { version: '6.12', note: 'Added the associated type `PinnedSelf` so that `Arc<T>` (already pinned) can implement the trait; `Box` keeps `Pin<Box<T>>`.' },
      { version: '6.15', note: 'Stays in the kernel crate when the rest of pin-init moves to `pin_init`.' },
    ],
    docs:
      'Allocating constructors that run an initializer directly in the new allocation: `KBox::pin_init(init, GFP_KERNEL)?` gives `Pin<KBox<T>>`, `Arc::pin_init(init, GFP_KERNEL)?` gives `Arc<T>`. ' +
      'The `try_` variants keep the initializer error type (which must absorb `AllocError`); the plain ones convert everything into `kernel::error::Error`. ' +
      'Before 6.10 the methods take no flags argument, so `Box::pin_init(init)` is the older spelling.',
    link: `${K}init/trait.InPlaceInit.html`,
    note: FIRST64 + ' Flags: absent in v6.9, present in v6.10-rc5 and v6.11.11. PinnedSelf: absent in v6.11.11, present in v6.12.117.',
  },
  {
    path: 'kernel::init::InPlaceInit::try_pin_init',
    kind: 'method',
    since: '6.4',
    signatures: [
      { since: '6.4', until: '6.10', text: 'fn try_pin_init<E>(init: impl PinInit<T, E>) -> Result<Pin<Self>, E> where E: From<AllocError>' },
      { since: '6.10', until: '6.12', text: 'fn try_pin_init<E>(init: impl PinInit<T, E>, flags: Flags) -> Result<Pin<Self>, E> where E: From<AllocError>' },
      { since: '6.12', text: 'fn try_pin_init<E>(init: impl PinInit<T, E>, flags: Flags) -> Result<Self::PinnedSelf, E> where E: From<AllocError>' },
    ],
    changes: [
      { version: '6.10', note: 'New `flags: Flags` parameter.' },
      { version: '6.12', note: 'Returns `Self::PinnedSelf` instead of `Pin<Self>`.' },
    ],
    docs:
      'Allocates and pin-initialises, keeping the initializer error type `E`; `E` must implement `From<AllocError>` so an allocation failure can be reported. ' +
      'Use it when the initializer has a custom error type; otherwise `pin_init` is simpler.',
    link: `${K}init/trait.InPlaceInit.html#tymethod.try_pin_init`,
    note: 'Flags parameter: absent in v6.9, present in v6.10-rc5 and v6.11.11.',
  },
  {
    path: 'kernel::init::InPlaceInit::pin_init',
    kind: 'method',
    since: '6.4',
    signatures: [
      { since: '6.4', until: '6.10', text: 'fn pin_init<E>(init: impl PinInit<T, E>) -> error::Result<Pin<Self>> where Error: From<E>' },
      { since: '6.10', until: '6.12', text: 'fn pin_init<E>(init: impl PinInit<T, E>, flags: Flags) -> error::Result<Pin<Self>> where Error: From<E>' },
      { since: '6.12', text: 'fn pin_init<E>(init: impl PinInit<T, E>, flags: Flags) -> error::Result<Self::PinnedSelf> where Error: From<E>' },
    ],
    changes: [
      { version: '6.10', note: 'New `flags: Flags` parameter.' },
      { version: '6.12', note: 'Returns `Self::PinnedSelf` instead of `Pin<Self>`.' },
    ],
    docs:
      'The usual way to put a pinned type on the heap: `let m = KBox::pin_init(new_mutex!(0), GFP_KERNEL)?;`. Any initializer error convertible into `kernel::error::Error` is accepted and converted. ' +
      'Passing the initializer to `KBox::new` instead boxes the initializer itself, not the value, which is a common mistake.',
    link: `${K}init/trait.InPlaceInit.html#method.pin_init`,
    note: 'Flags parameter: absent in v6.9, present in v6.10-rc5 and v6.11.11.',
  },
  {
    path: 'kernel::init::InPlaceInit::try_init',
    kind: 'method',
    since: '6.4',
    signatures: [
      { since: '6.4', until: '6.10', text: 'fn try_init<E>(init: impl Init<T, E>) -> Result<Self, E> where E: From<AllocError>' },
      { since: '6.10', text: 'fn try_init<E>(init: impl Init<T, E>, flags: Flags) -> Result<Self, E> where E: From<AllocError>' },
    ],
    changes: [{ version: '6.10', note: 'New `flags: Flags` parameter.' }],
    docs:
      'Allocates and runs an unpinned `Init`, returning the unpinned smart pointer and keeping the error type `E` (which must absorb `AllocError`).',
    link: `${K}init/trait.InPlaceInit.html#tymethod.try_init`,
    note: 'Flags parameter: absent in v6.9, present in v6.10-rc5 and v6.11.11.',
  },
  {
    path: 'kernel::init::InPlaceInit::init',
    kind: 'method',
    since: '6.4',
    signatures: [
      { since: '6.4', until: '6.10', text: 'fn init<E>(init: impl Init<T, E>) -> error::Result<Self> where Error: From<E>' },
      { since: '6.10', text: 'fn init<E>(init: impl Init<T, E>, flags: Flags) -> error::Result<Self> where Error: From<E>' },
    ],
    changes: [{ version: '6.10', note: 'New `flags: Flags` parameter.' }],
    docs:
      'Allocates and initialises in place with an `Init`, converting errors into `kernel::error::Error`; e.g. `KBox::init(zeroed(), GFP_KERNEL)?` for a large zeroed buffer that would not fit on the stack.',
    link: `${K}init/trait.InPlaceInit.html#method.init`,
    note: 'Flags parameter: absent in v6.9, present in v6.10-rc5 and v6.11.11.',
  },
  {
    path: 'kernel::init::InPlaceInit::PinnedSelf',
    kind: 'assoc-type',
    since: '6.12',
    signatures: [{ text: 'type PinnedSelf;' }],
    docs:
      'What the pinned constructors return: `Pin<Box<T, A>>` for boxes and `Self` for `Arc<T>`, which is always pinned. Generic code over `InPlaceInit` should use this type instead of assuming `Pin<Self>`.',
    link: `${K}init/trait.InPlaceInit.html#associatedtype.PinnedSelf`,
    note: 'Absent in v6.11.11, present in v6.12.117 and later.',
  },
  {
    path: 'kernel::init::InPlaceWrite',
    aliases: ['kernel::prelude::InPlaceWrite'],
    kind: 'trait',
    since: '6.12',
    until: '6.15',
    replacement: 'pin_init::InPlaceWrite',
    signatures: [{ text: 'pub trait InPlaceWrite<T> { type Initialized; fn write_init<E>(self, init: impl Init<T, E>) -> Result<Self::Initialized, E>; fn write_pin_init<E>(self, init: impl PinInit<T, E>) -> Result<Pin<Self::Initialized>, E>; }' }],
    docs:
      'Runs an initializer into an already allocated but uninitialised container, such as `KBox<MaybeUninit<T>>` or `UniqueArc<MaybeUninit<T>>`, turning it into the initialised type. ' +
      'Useful when the allocation must happen earlier (for example outside a lock) than the initialisation.',
    link: `${K}init/trait.InPlaceWrite.html`,
    note: 'Absent in v6.11.11, present in v6.12.117 (stable; assumed not a backport) and v6.14. ' + SPLIT,
  },
  {
    path: 'pin_init::InPlaceWrite',
    aliases: ['kernel::prelude::InPlaceWrite'],
    kind: 'trait',
    since: '6.15',
    signatures: [{ text: 'pub trait InPlaceWrite<T> { type Initialized; fn write_init<E>(self, init: impl Init<T, E>) -> Result<Self::Initialized, E>; fn write_pin_init<E>(self, init: impl PinInit<T, E>) -> Result<Pin<Self::Initialized>, E>; }' }],
    docs:
      'Initialise-into-existing-allocation trait, now defined by `pin_init`; the kernel crate still provides the impls for `KBox<MaybeUninit<T>>` and `UniqueArc<MaybeUninit<T>>`. Exported by the kernel prelude. ' +
      'From 7.0 a `&\'static mut MaybeUninit<T>` (for example a slot in a `static`) can be initialised the same way.',
    changes: [{ version: '7.0', note: 'Implemented for `&\'static mut MaybeUninit<T>`, giving `&\'static mut T` (or its pinned form).' }],
    link: `${P}trait.InPlaceWrite.html`,
    note: SPLIT + ' 7.0 impl: ' + T70.replace(' (rust/pin-init/internal/src/init.rs holds the proc-macro parser)', ' (rust/pin-init/src/lib.rs)'),
  },

  // ───────────────────────── Zeroable ─────────────────────────
  {
    path: 'kernel::init::Zeroable',
    kind: 'trait',
    since: '6.4',
    until: '6.15',
    replacement: 'pin_init::Zeroable',
    signatures: [{ text: 'pub unsafe trait Zeroable {}' }],
    docs:
      'Marker for types whose all-zero bit pattern is a valid value (integers, raw pointers, `Option<NonNull<T>>`, arrays and tuples of such). ' +
      'It enables `zeroed()` and the zero-fill tail in the init macros. Before 6.15 the prelude exports only the derive macro of the same name, not this trait, so import `kernel::init::Zeroable` to write bounds or manual impls.',
    link: `${K}init/trait.Zeroable.html`,
    note: FIRST64 + ' ' + SPLIT,
  },
  {
    path: 'pin_init::Zeroable',
    aliases: ['kernel::prelude::Zeroable'],
    kind: 'trait',
    since: '6.15',
    signatures: [
      { since: '6.15', until: '6.17', text: 'pub unsafe trait Zeroable {}' },
      { since: '6.17', text: 'pub unsafe trait Zeroable { fn init_zeroed() -> impl Init<Self> where Self: Sized; fn zeroed() -> Self where Self: Sized; }' },
    ],
    changes: [
      { version: '6.17', note: 'Gained the provided associated functions `init_zeroed()` and `zeroed()`; `Option<&T>`, `Option<&mut T>` and `Option` of function pointers became `Zeroable`.' },
    ],
    docs:
      'Unsafe marker trait: implement (or derive) it only when all-zero bytes form a valid value. The prelude name `Zeroable` covers both the trait and its derive macro from 6.15 on. ' +
      'Since 6.17 you can write `Foo::zeroed()` to get a zeroed value and `Foo::init_zeroed()` for a zeroing initializer.',
    link: `${P}trait.Zeroable.html`,
    note: SPLIT + ' 6.17 additions: ' + PI617,
  },
  {
    path: 'pin_init::Zeroable::zeroed',
    kind: 'method',
    since: '6.17',
    signatures: [{ text: 'fn zeroed() -> Self where Self: Sized' }],
    docs:
      'Returns an all-zero value of the type, a safe replacement for `core::mem::zeroed` on `Zeroable` types. It builds the value on the stack, so for very large types prefer the initializer `init_zeroed()`.',
    link: `${P}trait.Zeroable.html#method.zeroed`,
    note: PI617,
  },
  {
    path: 'pin_init::Zeroable::init_zeroed',
    kind: 'method',
    since: '6.17',
    signatures: [{ text: 'fn init_zeroed() -> impl Init<Self> where Self: Sized' }],
    docs:
      'An initializer that fills the target memory with zeros; same as the free function `init_zeroed::<Self>()`. Pass it to `KBox::init` or use it after `<-` for a field.',
    link: `${P}trait.Zeroable.html#method.init_zeroed`,
    note: PI617,
  },
  {
    path: 'macros::#[derive(Zeroable)]',
    kind: 'derive',
    since: '6.6',
    until: '6.15',
    replacement: 'pin_init::#[derive(Zeroable)]',
    signatures: [{ text: '#[derive(Zeroable)] struct S { a: u32, b: *mut T }' }],
    docs:
      'Derives `kernel::init::Zeroable` for a struct whose every field is `Zeroable`, checking this at compile time. Exported by the prelude as `Zeroable`. ' +
      'It only handles structs: unions are accepted from 6.16 on.',
    link: `${M}derive.Zeroable.html`,
    note: FIRST66 + ' ' + SPLIT,
  },
  {
    path: 'pin_init::#[derive(Zeroable)]',
    kind: 'derive',
    since: '6.15',
    signatures: [{ text: '#[derive(Zeroable)] struct S { .. } / union U { .. }' }],
    changes: [
      { version: '6.16', note: 'Supports unions and fields with visibility modifiers.' },
      { version: '7.0', note: 'Rewritten on `syn`; deriving it for an enum is reported with a clear error.' },
    ],
    docs:
      'Derives `pin_init::Zeroable`, requiring every field to be `Zeroable`. On 6.15 it takes structs only; from 6.16 it also works on unions (whose fields must all be `Zeroable`). Use `MaybeZeroable` when some fields might not qualify and you want no error in that case.',
    link: `${P}derive.Zeroable.html`,
    note: SPLIT + ' Union support: ' + PI616,
  },
  {
    path: 'kernel::prelude::#[derive(Zeroable)]',
    kind: 'derive',
    since: '6.6',
    signatures: [
      { until: '6.16', text: '#[derive(Zeroable)] struct S { a: u32, b: *mut T }' },
      { since: '6.16', text: '#[derive(Zeroable)] struct S { .. } / union U { .. }' },
    ],
    changes: [
      { version: '6.15', note: 'The prelude now re-exports the `pin_init` crate\'s derive (and trait) under the name `Zeroable`.' },
      { version: '6.16', note: 'Supports unions and fields with visibility modifiers.' },
    ],
    docs:
      'The prelude\'s `#[derive(Zeroable)]`: implements `Zeroable` when every field is `Zeroable`, checked at compile time. Structs only up to 6.15; unions from 6.16. ' + PRELUDE_MOVE,
    link: `${P}derive.Zeroable.html`,
    note: FIRST66 + ' ' + SPLIT + ' Union support: read absent in v6.14 (rust/macros/zeroable.rs) and present in v6.18 (`union` arm of `__derive_zeroable`); added by pin-init PR #42 (April 2025), part of the pin-init-v6.16 pull.',
  },
  {
    path: 'pin_init::#[derive(MaybeZeroable)]',
    kind: 'derive',
    since: '6.16',
    signatures: [{ text: '#[derive(MaybeZeroable)] struct S { .. }' }],
    docs:
      'Implements `Zeroable` only if all fields are `Zeroable`, and silently does nothing otherwise. Meant for generated code such as bindgen structs; for hand-written types prefer `#[derive(Zeroable)]` so a missing impl is reported.',
    link: `${P}derive.MaybeZeroable.html`,
    note: PI616,
  },
  {
    path: 'kernel::init::zeroed',
    kind: 'fn',
    since: '6.4',
    until: '6.15',
    replacement: 'pin_init::zeroed',
    signatures: [{ text: 'pub fn zeroed<T: Zeroable>() -> impl Init<T>' }],
    docs:
      'An initializer that zero-fills a `T`. Typical use: `KBox::init(zeroed(), GFP_KERNEL)?` for a large buffer, or `field <- zeroed()` inside an init macro.',
    link: `${K}init/fn.zeroed.html`,
    note: FIRST64 + ' ' + SPLIT,
  },
  {
    path: 'pin_init::zeroed',
    kind: 'fn',
    since: '6.15',
    signatures: [
      { since: '6.15', until: '6.17', text: 'pub fn zeroed<T: Zeroable>() -> impl Init<T>' },
      { since: '6.17', text: 'pub const fn zeroed<T: Zeroable>() -> T' },
    ],
    changes: [
      { version: '6.17', note: 'Meaning changed: the initializer was renamed `init_zeroed()` and `zeroed()` now returns the zeroed value itself.' },
    ],
    docs:
      'On 6.15–6.16 this returns a zeroing initializer (the old `kernel::init::zeroed`). From 6.17 it returns a `T` directly, so `field <- zeroed()` or `KBox::init(zeroed(), ..)` must become `init_zeroed()`; otherwise the code tries to use a value where an initializer is expected (or builds a large value on the stack).',
    link: `${P}fn.zeroed.html`,
    note: SPLIT + ' Rename: ' + PI617,
  },
  {
    path: 'pin_init::init_zeroed',
    kind: 'fn',
    since: '6.17',
    signatures: [{ text: 'pub fn init_zeroed<T: Zeroable>() -> impl Init<T>' }],
    docs:
      'The zero-filling initializer, under its post-6.17 name. Use it with `<-` or `KBox::init` for data too large to build on the stack.',
    link: `${P}fn.init_zeroed.html`,
    note: PI617,
  },

  {
    path: 'pin_init::ZeroableOption',
    kind: 'trait',
    since: '6.15',
    signatures: [{ text: 'pub unsafe trait ZeroableOption {} // impl<T: ZeroableOption> Zeroable for Option<T>' }],
    changes: [
      { version: '6.17', note: 'Function pointers, `&T` and `&mut T` implement it, so `Option` of them is `Zeroable`.' },
      { version: '7.1', note: 'The `NonZero*` integers implement it (replacing direct `Zeroable` impls for `Option<NonZero*>`).' },
    ],
    docs:
      'Marker for types whose `Option` is all zeros when `None` (references, `NonNull`, function pointers, `NonZero` integers): implementing it makes `Option<T>` `Zeroable`. Unsafe to implement, since the niche must really be the zero pattern.',
    link: `${P}trait.ZeroableOption.html`,
    confidence: 'uncertain',
    uncertainAbout: ['since'],
    knownAbsentIn: '6.14',
    note: 'Absent in v6.14 (kernel::init has no such trait), present in v6.18–v7.3 (read); the 6.15 crate import is believed to have it, but 6.15–6.17 were not read. NonZero impls: absent in v7.0, present in v7.2.12; attributed to the pin-init-v7.1 pull (merge 8a23051ed858, 2026-04-08); 7.1 not read.',
  },
  {
    path: 'pin_init::raw_init',
    kind: 'fn',
    since: '7.3',
    signatures: [{ text: 'pub unsafe fn raw_init<T>(slot: *mut T, init: impl PinInit<T>)' }],
    docs:
      'Runs an infallible initializer into a raw slot. Unsafe: `slot` must be valid uninitialised memory that stays pinned (unless the initializer is an `Init`). The supported way to run an initializer by hand from 7.3, instead of calling `__init`.',
    link: `${P}fn.raw_init.html`,
    note: T73,
  },
  {
    path: 'pin_init::raw_try_init',
    kind: 'fn',
    since: '7.3',
    signatures: [{ text: 'pub unsafe fn raw_try_init<T, E>(slot: *mut T, init: impl PinInit<T, E>) -> Result<(), E>' }],
    docs:
      'Fallible form of `raw_init`: on `Err` the slot is left uninitialised and may only be freed. Use it where 7.2-and-older code called `init.__pinned_init(slot)`.',
    link: `${P}fn.raw_try_init.html`,
    note: T73,
  },

  // ───────────────────────── helper functions ─────────────────────────
  {
    path: 'kernel::init::pin_init_from_closure',
    kind: 'fn',
    since: '6.4',
    until: '6.15',
    replacement: 'pin_init::pin_init_from_closure',
    signatures: [{ text: 'pub const unsafe fn pin_init_from_closure<T: ?Sized, E>(f: impl FnOnce(*mut T) -> Result<(), E>) -> impl PinInit<T, E>' }],
    docs:
      'Wraps a closure that writes a `T` through a raw pointer into a `PinInit`. It is unsafe because the closure must fully initialise the slot on `Ok`, leave it untouched (or cleaned up) on `Err`, and must not move the value. Prefer the macros whenever possible.',
    link: `${K}init/fn.pin_init_from_closure.html`,
    note: FIRST64 + ' ' + SPLIT,
  },
  {
    path: 'pin_init::pin_init_from_closure',
    kind: 'fn',
    since: '6.15',
    signatures: [{ text: 'pub const unsafe fn pin_init_from_closure<T: ?Sized, E>(f: impl FnOnce(*mut T) -> Result<(), E>) -> impl PinInit<T, E>' }],
    docs:
      'Low-level escape hatch to build a pin-initializer from raw-pointer code (often an FFI init function). The safety contract is on you: initialise completely on success, leave the slot uninitialised on error, never move it.',
    link: `${P}fn.pin_init_from_closure.html`,
    note: SPLIT,
  },
  {
    path: 'kernel::init::init_from_closure',
    kind: 'fn',
    since: '6.4',
    until: '6.15',
    replacement: 'pin_init::init_from_closure',
    signatures: [{ text: 'pub const unsafe fn init_from_closure<T: ?Sized, E>(f: impl FnOnce(*mut T) -> Result<(), E>) -> impl Init<T, E>' }],
    docs: 'Unpinned counterpart of `pin_init_from_closure`; the closure additionally must not rely on the value staying at that address.',
    link: `${K}init/fn.init_from_closure.html`,
    note: FIRST64 + ' ' + SPLIT,
  },
  {
    path: 'pin_init::init_from_closure',
    kind: 'fn',
    since: '6.15',
    signatures: [{ text: 'pub const unsafe fn init_from_closure<T: ?Sized, E>(f: impl FnOnce(*mut T) -> Result<(), E>) -> impl Init<T, E>' }],
    docs: 'Builds an `Init` from raw-pointer initialisation code; unsafe for the same reasons as `pin_init_from_closure`.',
    link: `${P}fn.init_from_closure.html`,
    note: SPLIT,
  },
  {
    path: 'kernel::init::uninit',
    kind: 'fn',
    since: '6.4',
    until: '6.15',
    replacement: 'pin_init::uninit',
    signatures: [{ text: 'pub fn uninit<T, E>() -> impl Init<MaybeUninit<T>, E>' }],
    docs: 'An initializer that leaves the memory uninitialised, typed as `MaybeUninit<T>` so reading it stays explicitly unsafe.',
    link: `${K}init/fn.uninit.html`,
    note: FIRST64 + ' ' + SPLIT,
  },
  {
    path: 'pin_init::uninit',
    kind: 'fn',
    since: '6.15',
    signatures: [{ text: 'pub fn uninit<T, E>() -> impl Init<MaybeUninit<T>, E>' }],
    docs: 'Initializer that performs no writes, for `MaybeUninit<T>` slots that are filled later.',
    link: `${P}fn.uninit.html`,
    note: SPLIT,
  },
  {
    path: 'kernel::init::pin_init_array_from_fn',
    kind: 'fn',
    since: '6.6',
    until: '6.15',
    replacement: 'pin_init::pin_init_array_from_fn',
    signatures: [{ text: 'pub fn pin_init_array_from_fn<I, const N: usize, T, E>(make_init: impl FnMut(usize) -> I) -> impl PinInit<[T; N], E> where I: PinInit<T, E>' }],
    docs:
      'Pin-initialises an array element by element from a closure that returns an initializer for index `i`. If one element fails, the already initialised ones are dropped. Example: an array of mutexes via `pin_init_array_from_fn(|i| new_mutex!(i))`.',
    link: `${K}init/fn.pin_init_array_from_fn.html`,
    note: FIRST66 + ' ' + SPLIT,
  },
  {
    path: 'pin_init::pin_init_array_from_fn',
    kind: 'fn',
    since: '6.15',
    signatures: [{ text: 'pub fn pin_init_array_from_fn<I, const N: usize, T, E>(make_init: impl FnMut(usize) -> I) -> impl PinInit<[T; N], E> where I: PinInit<T, E>' }],
    docs: 'Array pin-initializer built from a per-index initializer closure; partial results are dropped on error.',
    link: `${P}fn.pin_init_array_from_fn.html`,
    note: SPLIT,
  },
  {
    path: 'kernel::init::init_array_from_fn',
    kind: 'fn',
    since: '6.6',
    until: '6.15',
    replacement: 'pin_init::init_array_from_fn',
    signatures: [{ text: 'pub fn init_array_from_fn<I, const N: usize, T, E>(make_init: impl FnMut(usize) -> I) -> impl Init<[T; N], E> where I: Init<T, E>' }],
    docs: 'Unpinned array initializer: each element comes from the `Init` returned by the closure for its index. Good for big arrays that must be built in place inside a `Box`.',
    link: `${K}init/fn.init_array_from_fn.html`,
    note: FIRST66 + ' ' + SPLIT,
  },
  {
    path: 'pin_init::init_array_from_fn',
    kind: 'fn',
    since: '6.15',
    signatures: [{ text: 'pub fn init_array_from_fn<I, const N: usize, T, E>(make_init: impl FnMut(usize) -> I) -> impl Init<[T; N], E> where I: Init<T, E>' }],
    docs: 'Builds an `Init` for `[T; N]` from a per-index initializer closure.',
    link: `${P}fn.init_array_from_fn.html`,
    note: SPLIT,
  },
  {
    path: 'pin_init::cast_pin_init',
    kind: 'fn',
    since: '6.16',
    signatures: [{ text: 'pub const unsafe fn cast_pin_init<T, U, E>(init: impl PinInit<T, E>) -> impl PinInit<U, E>' }],
    docs:
      'Reinterprets a pin-initializer for `T` as one for `U`. Only sound when `U` has a layout compatible with `T` (e.g. a transparent wrapper), which the caller must guarantee.',
    link: `${P}fn.cast_pin_init.html`,
    note: PI616,
  },
  {
    path: 'pin_init::cast_init',
    kind: 'fn',
    since: '6.16',
    signatures: [{ text: 'pub const unsafe fn cast_init<T, U, E>(init: impl Init<T, E>) -> impl Init<U, E>' }],
    docs: 'Unpinned version of `cast_pin_init`; the caller guarantees layout compatibility between `T` and `U`.',
    link: `${P}fn.cast_init.html`,
    note: PI616,
  },
  {
    path: 'pin_init::Wrapper',
    kind: 'trait',
    since: '6.16',
    signatures: [{ text: 'pub trait Wrapper<T> { fn pin_init<E>(value_init: impl PinInit<T, E>) -> impl PinInit<Self, E>; }' }],
    docs:
      'Lets a wrapper with a structurally pinned inner value (such as `UnsafeCell<T>` or `MaybeUninit<T>`) be pin-initialised from an initializer of the inner value: `UnsafeCell::pin_init(inner_init)`. ' +
      'The kernel uses it, for example, to let `Lock::new` accept an `impl PinInit<T>` from 6.19.',
    link: `${P}trait.Wrapper.html`,
    note: PI616,
  },
  {
    path: 'pin_init::pin_init_scope',
    kind: 'fn',
    since: '6.19',
    signatures: [{ text: 'pub fn pin_init_scope<T, E, F, I>(make_init: F) -> impl PinInit<T, E> where F: FnOnce() -> Result<I, E>, I: PinInit<T, E>' }],
    docs:
      'Defers building a pin-initializer until initialisation time: the closure runs first (and may fail with `E`), then its returned initializer is executed. Handy when setup work that can fail must happen before the fields are written.',
    link: `${P}fn.pin_init_scope.html`,
    note: 'Absent in v6.18, present in v6.19.',
  },
  {
    path: 'pin_init::init_scope',
    kind: 'fn',
    since: '6.19',
    signatures: [{ text: 'pub fn init_scope<T, E, F, I>(make_init: F) -> impl Init<T, E> where F: FnOnce() -> Result<I, E>, I: Init<T, E>' }],
    docs: 'Unpinned variant of `pin_init_scope`: run a fallible closure that produces an `Init`, then run that initializer.',
    link: `${P}fn.init_scope.html`,
    note: 'Absent in v6.18, present in v6.19.',
  },

  // ───────────────────────── macro-body syntaxes ─────────────────────────
  {
    path: 'syntax::arrow-init',
    kind: 'syntax',
    since: '6.4',
    signatures: [{ text: 'pin_init!(S { field <- initializer, .. })' }],
    docs:
      'Inside `[try_][pin_]init!`, `field <- init` runs an initializer directly in the field slot instead of moving a value in. A `#[pin]` field accepts any `PinInit<F, E>`; an unpinned field needs an `Init<F, E>`. ' +
      'Writing `field: new_mutex!(..)` with a colon is a type error (it tries to store the initializer itself); write `field <- new_mutex!(..)`.',
    link: `${P}macro.pin_init.html`,
    note: FIRST64,
  },
  {
    path: 'syntax::error-suffix',
    kind: 'syntax',
    since: '6.4',
    signatures: [{ text: 'try_pin_init!(S { .. }? ErrorType)' }],
    docs:
      'A `? E` after the closing brace of `try_pin_init!`/`try_init!` sets the initializer error type. The kernel macros default to `kernel::error::Error` when it is omitted; the `pin_init` crate versions (6.15–6.19) require it. From 7.0 plain `pin_init!`/`init!` accept it too. ' +
      'Every `?` and `<-` inside the body must produce errors convertible into this type.',
    link: `${K}macro.try_pin_init.html`,
    note: FIRST64,
  },
  {
    path: 'syntax::this-ref',
    kind: 'syntax',
    since: '6.4',
    signatures: [{ text: 'pin_init!(&this in S { field: make(this), .. })' }],
    docs:
      'The `&this in` prefix binds `this` as a `NonNull<S>` pointing at the struct being initialised, so fields can store a pointer back to their owner. ' +
      'The memory behind `this` is not fully initialised yet; only take the address, never read through it during initialisation.',
    link: `${P}macro.pin_init.html`,
    note: FIRST64,
  },
  {
    path: 'syntax::zeroed-tail',
    kind: 'syntax',
    since: '6.6',
    until: '6.17',
    replacement: 'syntax::init-zeroed-tail',
    signatures: [{ text: 'pin_init!(S { a: 1, ..Zeroable::zeroed() })' }],
    docs:
      'A struct-update-style tail that zeroes the whole struct first and then writes the listed fields, so unlisted fields stay zero. The struct must implement `Zeroable`, and the tail must be last. ' +
      'From 6.17 the spelling is `..Zeroable::init_zeroed()` and this form no longer matches.',
    link: `${P}macro.pin_init.html`,
    note: FIRST66 + ' 6.17 rename: ' + PI617,
  },
  {
    path: 'syntax::init-zeroed-tail',
    kind: 'syntax',
    since: '6.17',
    signatures: [{ text: 'pin_init!(S { a: 1, ..Zeroable::init_zeroed() })' }],
    docs:
      'Zero-fills all fields that are not mentioned, then initialises the listed ones; the struct must be `Zeroable`. This is the 6.17+ spelling of the older `..Zeroable::zeroed()` tail.',
    link: `${P}macro.pin_init.html`,
    note: PI617,
  },
  {
    path: 'syntax::init-code-block',
    kind: 'syntax',
    since: '6.18',
    signatures: [{ text: 'pin_init!(S { a <- init_a(), _: { setup(a)?; }, b: 2 })' }],
    docs:
      'An `_: { ... }` entry in the field list runs arbitrary statements at that point of the initialisation, after the fields above it are written. ' +
      'Combined with field references it allows registering or configuring a field before the next one is set up. On 6.17 and older the macro rejects it.',
    link: `${P}macro.pin_init.html`,
    note: PI618,
  },
  {
    path: 'syntax::init-field-refs',
    kind: 'syntax',
    since: '6.18',
    signatures: [{ text: 'pin_init!(S { a <- init_a(), b: compute(&*a) })' }],
    docs:
      'After a field is initialised, later expressions in the same init macro can refer to it by name: as `Pin<&mut F>` for a `#[pin]` field, as `&mut F` otherwise. ' +
      'Earlier releases keep such bindings private to the macro, so the same code fails to resolve the identifier there.',
    link: `${P}macro.pin_init.html`,
    note: PI618,
  },
  {
    path: 'syntax::init-error-suffix',
    kind: 'syntax',
    since: '7.0',
    signatures: [{ text: 'pin_init!(S { a: f()?, .. }? Error) / init!(S { .. }? E)' }],
    docs:
      'From 7.0 the plain `pin_init!` and `init!` take the same `? E` suffix as the `try_` macros, setting the error type (otherwise `Infallible`). ' +
      'Up to 6.19 they only match without it; there write `try_pin_init!(S { .. }? E)` (or `kernel::try_pin_init!`, which works on every release).',
    link: `${P}macro.pin_init.html`,
    note: T70 + ' v6.19 `pin_init!` has one arm without the suffix.',
  },
  {
    path: 'syntax::default-error-attr',
    kind: 'syntax',
    since: '7.0',
    signatures: [{ text: 'pin_init!(#[default_error(Error)] S { .. })' }],
    docs:
      'A `#[default_error(E)]` attribute in front of the struct path picks the error type used when no `? E` suffix is written. It is how `kernel::try_pin_init!` supplies `kernel::error::Error` from 7.0; wrapper macros of your own can do the same. Older releases reject any attribute there.',
    link: `${P}macro.pin_init.html`,
    note: T70,
  },
  {
    path: 'syntax::init-field-attributes',
    kind: 'syntax',
    since: '7.0',
    signatures: [{ text: 'pin_init!(S { #[cfg(CONFIG_FOO)] foo: 0, bar <- init_bar() })' }],
    docs:
      'Attributes such as `#[cfg(..)]` on the entries of an init macro, so a field that only exists under a configuration can be initialised only then. Up to 6.19 the macros match no attribute before a field.',
    link: `${P}macro.pin_init.html`,
    note: T70 + ' In v6.19 every `@munch_fields` arm of rust/pin-init/src/macros.rs starts with the field name, `_:` or `..`.',
  },
  {
    path: 'syntax::zeroable-union',
    kind: 'syntax',
    since: '6.16',
    signatures: [{ text: '#[derive(Zeroable)] union U { a: u32, b: [u8; 4] }' }],
    docs:
      '`#[derive(Zeroable)]` on a union, accepted from 6.16 when every field is `Zeroable`. Up to 6.15 the derive handles structs only; implement the trait by hand there (`unsafe impl Zeroable for U {}` after checking that zero is valid for every field).',
    link: `${P}derive.Zeroable.html`,
    note: 'Read: absent in v6.14 (rust/macros/zeroable.rs and the `__derive_zeroable` arms take only `struct`), present in v6.18 (`union` arm in rust/pin-init/src/macros.rs). Added by pin-init PR #42 (April 2025), sent in the pin-init-v6.16 pull based on 6.15-rc3; 6.15–6.17 trees not read.',
  },
];
