/** kernel::sync locks (Lock, Mutex, SpinLock, Guard, CondVar, LockClassKey, global locks); read: v6.3.8, v6.4.6, v6.5, v6.6, v6.8, v6.9, v6.11.11, v6.12.117, v6.13.7, v6.14, v6.18, v6.19, v7.0, v7.2.12 and v7.3.4 trees (7.1 bracketed by 7.0 and 7.2.12); 6.15–6.17 from the tip/locking "LOCKDEP and Rust locking changes for v6.15" series. */
import type { KbItem } from '../types';

const S = 'https://rust.docs.kernel.org/kernel/sync/';
const L = 'https://rust.docs.kernel.org/kernel/sync/lock/';
const K = 'https://rust.docs.kernel.org/kernel/';

/** 6.4 is the first release with the lock types. */
const FIRST64 = 'Absent in v6.3.8 (rust/kernel/sync has only arc.rs), present in v6.4.6.';
/** Evidence for the 6.15 locking changes. */
const LOCK615 =
  'Absent in v6.14, present in v6.18; part of the "LOCKDEP and Rust locking changes for v6.15" series that was applied to tip:locking/core for the 6.15 merge window. 6.15–6.17 trees not read.';
/** Evidence for 6.9 additions. */
const FIRST69 = 'Absent in v6.8, present in v6.9.';
/** Evidence for 7.0 additions. */
const T70 = 'Read: absent in v6.19, present in v7.0.';
/** Evidence for 7.3 additions (the interrupt-disabling spinlock series, committed to tip/locking 2026-08-10). */
const T73 = 'Read: absent in v7.2.12, present in v7.3.4.';
/** Evidence for items first seen in the 7.2 tree; 7.1 has no tree. */
const T71 = 'Read: absent in v7.0, present in v7.2.12; the facts sheet dates it to 7.1 from a 7.1 tree this project could not read, so 7.1 stays open.';

/** Signature eras shared by `Lock::new` and its aliases. */
const LOCK_NEW_SIGS = [
  { since: '6.4', until: '6.15', text: 'pub fn new(t: T, name: &\'static CStr, key: &\'static LockClassKey) -> impl PinInit<Self>' },
  { since: '6.15', until: '6.19', text: 'pub fn new(t: T, name: &\'static CStr, key: Pin<&\'static LockClassKey>) -> impl PinInit<Self>' },
  { since: '6.19', text: 'pub fn new(t: impl PinInit<T>, name: &\'static CStr, key: Pin<&\'static LockClassKey>) -> impl PinInit<Self>' },
];

export const locks: readonly KbItem[] = [
  // ───────────────────────── lock types ─────────────────────────
  {
    path: 'kernel::sync::lock::Lock',
    kind: 'struct',
    since: '6.4',
    signatures: [{ text: '#[pin_data] pub struct Lock<T: ?Sized, B: Backend> { #[pin] state: Opaque<B::State>, #[pin] _pin: PhantomPinned, data: UnsafeCell<T> }' }],
    changes: [
      { version: '6.19', note: 'The protected `data` field became structurally pinned, so `Lock::new` can take an `impl PinInit<T>` and the guard only hands out `&mut T` for `T: Unpin`.' },
    ],
    docs:
      'The generic lock behind `Mutex<T>` and `SpinLock<T>`; the backend `B` chooses the C primitive. It contains the C lock state and is `!Unpin`, so it can only be created through an initializer and must live in pinned memory (a `#[pin]` field, `KBox::pin_init`, `Arc::pin_init` or `stack_pin_init!`). ' +
      'Use the `Mutex`/`SpinLock` aliases and the `new_mutex!`/`new_spinlock!` macros rather than naming `Lock` directly.',
    link: `${L}struct.Lock.html`,
    note: FIRST64 + ' Structural pinning of `data`: absent in v6.18, present in v6.19.',
  },
  {
    path: 'kernel::sync::Mutex',
    aliases: ['kernel::sync::lock::mutex::Mutex'],
    kind: 'type-alias',
    since: '6.4',
    signatures: [{ text: 'pub type Mutex<T> = Lock<T, MutexBackend>;' }],
    docs:
      'A sleeping mutual-exclusion lock wrapping the C `struct mutex`. Create it with `new_mutex!(value)` inside `pin_init!` (`m <- new_mutex!(0)` on a `#[pin]` field) or allocate it with `KBox::pin_init(new_mutex!(0), GFP_KERNEL)?`; `let m = Mutex::new(..)` gives an initializer, not a usable mutex. ' +
      'Locking may sleep, so never take it in atomic context; use `SpinLock` there. `lock()` returns a guard that unlocks on drop.',
    link: `${S}type.Mutex.html`,
    note: FIRST64,
  },
  {
    path: 'kernel::sync::SpinLock',
    aliases: ['kernel::sync::lock::spinlock::SpinLock'],
    kind: 'type-alias',
    since: '6.4',
    signatures: [{ text: 'pub type SpinLock<T> = Lock<T, SpinLockBackend>;' }],
    docs:
      'A spinning lock wrapping the C `spinlock_t`; holding it disables preemption, so the critical section must not sleep (no `GFP_KERNEL` allocations, no mutexes). ' +
      'Construct it like a mutex: `s <- new_spinlock!(value)` on a `#[pin]` field or via `KBox::pin_init`/`Arc::pin_init`. This plain variant does not disable interrupts.',
    link: `${S}type.SpinLock.html`,
    note: FIRST64,
  },
  {
    path: 'kernel::sync::lock::Lock::new',
    aliases: ['kernel::sync::Mutex::new', 'kernel::sync::SpinLock::new'],
    kind: 'method',
    since: '6.4',
    signatures: LOCK_NEW_SIGS,
    changes: [
      { version: '6.15', note: 'The lockdep key argument became `Pin<&\'static LockClassKey>` (what `static_lock_class!()` returns from 6.15).' },
      { version: '6.19', note: 'The data argument became `impl PinInit<T>`, so a lock can protect a value that itself needs pinned initialisation; plain values still work because every value is an initializer of itself. `CStr` here is now `core::ffi::CStr`.' },
    ],
    docs:
      'Returns an initializer for the lock, never the lock itself; it needs a name and a lockdep class key, which is why code normally calls `new_mutex!`/`new_spinlock!` that fill both in. ' +
      'If you call it directly, pass `static_lock_class!()` for the key so the type matches on every release (a plain `&LockClassKey` stops compiling on 6.15+). ' +
      'The result must be placed in pinned memory before use.',
    link: `${L}struct.Lock.html#method.new`,
    note: FIRST64 + ' Pin key: ' + LOCK615 + ' `impl PinInit<T>` argument: absent in v6.18, present in v6.19.',
  },
  {
    path: 'kernel::sync::lock::Lock::lock',
    aliases: ['kernel::sync::Mutex::lock', 'kernel::sync::SpinLock::lock'],
    kind: 'method',
    since: '6.4',
    signatures: [{ text: 'pub fn lock(&self) -> Guard<\'_, T, B>' }],
    docs:
      'Acquires the lock, blocking (mutex) or spinning (spinlock) until available, and returns a guard that gives access to the data and releases the lock when dropped. ' +
      'Keep the guard in a named variable; `let _ = m.lock();` drops it immediately. Re-locking the same lock while holding its guard deadlocks.',
    link: `${L}struct.Lock.html#method.lock`,
    note: FIRST64,
  },
  {
    path: 'kernel::sync::lock::Lock::try_lock',
    aliases: ['kernel::sync::Mutex::try_lock', 'kernel::sync::SpinLock::try_lock'],
    kind: 'method',
    since: '6.13',
    signatures: [{ text: 'pub fn try_lock(&self) -> Option<Guard<\'_, T, B>>' }],
    docs:
      'Tries to take the lock without waiting; returns `None` if it is held. Good for opportunistic work or for avoiding lock-order problems, but do not spin on it in a loop.',
    link: `${L}struct.Lock.html#method.try_lock`,
    note: 'Absent in v6.12.117, present in v6.13.7 and later (requires `Backend::try_lock`, added at the same time).',
  },
  {
    path: 'kernel::sync::lock::Lock::from_raw',
    kind: 'fn',
    since: '6.14',
    signatures: [{ text: 'pub unsafe fn from_raw<\'a>(ptr: *mut B::State) -> &\'a Lock<(), B>' }],
    docs:
      'Views an existing C lock (a `struct mutex` or `spinlock_t` owned by C code) as a `&Lock<(), B>`, so Rust can lock it and get a guard. ' +
      'Unsafe: the pointer must be an initialised lock that outlives the returned reference. Only available for `Lock<(), B>`, since the C side owns no Rust data.',
    link: `${L}struct.Lock.html#method.from_raw`,
    note: 'Absent in v6.13.7, present in v6.14.',
  },

  // ───────────────────────── guards ─────────────────────────
  {
    path: 'kernel::sync::lock::Guard',
    kind: 'struct',
    since: '6.4',
    signatures: [{ text: '#[must_use] pub struct Guard<\'a, T: ?Sized, B: Backend> { /* private */ }' }],
    changes: [
      { version: '6.19', note: '`DerefMut` is only implemented when `T: Unpin`; use `Guard::as_mut()` to get `Pin<&mut T>` for pinned data.' },
    ],
    docs:
      'Proof that a lock is held; it derefs to the protected data and unlocks when dropped. It is `!Send`, so it cannot be moved to another thread. ' +
      'From 6.19 mutable access through `*guard` requires `T: Unpin`; for `!Unpin` data call `guard.as_mut()`. Condition variables take `&mut Guard` to release and reacquire the lock while waiting.',
    link: `${L}struct.Guard.html`,
    note: FIRST64 + ' `DerefMut` bound: absent in v6.18, present in v6.19.',
  },
  {
    path: 'kernel::sync::lock::Guard::lock_ref',
    kind: 'method',
    since: '6.15',
    signatures: [{ text: 'pub fn lock_ref(&self) -> &\'a Lock<T, B>' }],
    docs:
      'Returns the lock this guard belongs to, e.g. to assert with `core::ptr::eq` that a caller passed in a guard for the expected lock.',
    link: `${L}struct.Guard.html#method.lock_ref`,
    note: LOCK615,
  },
  {
    path: 'kernel::sync::lock::Guard::as_mut',
    kind: 'method',
    since: '6.19',
    signatures: [{ text: 'pub fn as_mut(&mut self) -> Pin<&mut T>' }],
    docs:
      'Gives pinned mutable access to the protected data. Needed from 6.19 when `T: !Unpin` (where `DerefMut` is not provided); for `Unpin` data plain `&mut *guard` is simpler.',
    link: `${L}struct.Guard.html#method.as_mut`,
    note: 'Absent in v6.18, present in v6.19.',
  },
  {
    path: 'kernel::sync::lock::Guard::new',
    kind: 'fn',
    since: '6.14',
    signatures: [{ text: 'pub unsafe fn new(lock: &\'a Lock<T, B>, state: B::GuardState) -> Self' }],
    docs:
      'Builds a guard for a lock that the caller has already acquired by other means (for example through C code). Unsafe: the lock must really be held, and the guard will release it on drop. Crate-private before 6.14.',
    link: `${L}struct.Guard.html#method.new`,
    note: '`pub(crate)` in v6.13.7, `pub` in v6.14.',
  },
  {
    path: 'kernel::sync::MutexGuard',
    aliases: ['kernel::sync::lock::mutex::MutexGuard'],
    kind: 'type-alias',
    since: '6.14',
    signatures: [{ text: 'pub type MutexGuard<\'a, T> = Guard<\'a, T, MutexBackend>;' }],
    docs:
      'Shorthand for the guard returned by `Mutex::lock`, handy in function signatures such as `fn f(g: &mut MutexGuard<\'_, Inner>)`. On older releases spell it `Guard<\'_, T, MutexBackend>`.',
    link: `${S}type.MutexGuard.html`,
    note: 'Absent in v6.13.7, present in v6.14.',
  },
  {
    path: 'kernel::sync::SpinLockGuard',
    aliases: ['kernel::sync::lock::spinlock::SpinLockGuard'],
    kind: 'type-alias',
    since: '6.14',
    signatures: [{ text: 'pub type SpinLockGuard<\'a, T> = Guard<\'a, T, SpinLockBackend>;' }],
    docs: 'Shorthand for the guard returned by `SpinLock::lock`. Before 6.14 write `Guard<\'_, T, SpinLockBackend>`.',
    link: `${S}type.SpinLockGuard.html`,
    note: 'Absent in v6.13.7, present in v6.14.',
  },
  {
    path: 'kernel::sync::lock::Backend',
    kind: 'trait',
    since: '6.4',
    signatures: [
      { since: '6.4', until: '6.13', text: 'pub unsafe trait Backend { type State; type GuardState; unsafe fn init(..); unsafe fn lock(..) -> Self::GuardState; unsafe fn unlock(..); unsafe fn relock(..); }' },
      { since: '6.13', until: '6.14', text: 'pub unsafe trait Backend { type State; type GuardState; unsafe fn init(..); unsafe fn lock(..); unsafe fn try_lock(ptr: *mut Self::State) -> Option<Self::GuardState>; unsafe fn unlock(..); unsafe fn relock(..); }' },
      { since: '6.14', text: 'pub unsafe trait Backend { type State; type GuardState; unsafe fn init(..); unsafe fn lock(..); unsafe fn try_lock(..); unsafe fn unlock(..); unsafe fn relock(..); unsafe fn assert_is_held(ptr: *mut Self::State); }' },
    ],
    changes: [
      { version: '6.13', note: 'New required method `try_lock`.' },
      { version: '6.14', note: 'New required method `assert_is_held`.' },
    ],
    docs:
      'The unsafe trait that plugs a C lock primitive into `Lock`; `MutexBackend` and `SpinLockBackend` implement it. Driver code normally never implements it, but an out-of-tree backend has to add the methods introduced in 6.13 and 6.14.',
    link: `${L}trait.Backend.html`,
    note: FIRST64 + ' try_lock: absent in v6.12.117, present in v6.13.7. assert_is_held: absent in v6.13.7, present in v6.14.',
  },

  // ───────────────────────── constructor macros ─────────────────────────
  {
    path: 'kernel::new_mutex!',
    kind: 'macro',
    since: '6.4',
    signatures: [{ text: 'new_mutex!(value $(, "name")?) -> impl PinInit<Mutex<T>>' }],
    docs:
      'Creates a mutex initializer with an automatic lockdep class and a name (the given literal, or `file:line`). Use it after `<-` on a `#[pin]` field or pass it to `KBox::pin_init`/`Arc::pin_init`. ' +
      'Each macro call site gets its own lock class, so wrapping it in a helper function makes all such mutexes share one class.',
    link: `${K}macro.new_mutex.html`,
    note: FIRST64,
  },
  {
    path: 'kernel::sync::new_mutex!',
    aliases: ['kernel::sync::lock::mutex::new_mutex!'],
    kind: 'macro',
    since: '6.9',
    signatures: [{ text: 'new_mutex!(value $(, "name")?) -> impl PinInit<Mutex<T>>' }],
    docs:
      'Re-export of `kernel::new_mutex!` inside `kernel::sync`, so `use kernel::sync::{new_mutex, Mutex};` works. On 6.4–6.8 only the crate-root path `kernel::new_mutex` exists.',
    link: `${S}macro.new_mutex.html`,
    note: FIRST69,
  },
  {
    path: 'kernel::new_spinlock!',
    kind: 'macro',
    since: '6.4',
    signatures: [{ text: 'new_spinlock!(value $(, "name")?) -> impl PinInit<SpinLock<T>>' }],
    docs:
      'Creates a spinlock initializer with a per-call-site lockdep class and an optional name. Place it with `<-` in a `#[pin]` field or allocate it with `KBox::pin_init`/`Arc::pin_init`.',
    link: `${K}macro.new_spinlock.html`,
    note: FIRST64,
  },
  {
    path: 'kernel::sync::new_spinlock!',
    aliases: ['kernel::sync::lock::spinlock::new_spinlock!'],
    kind: 'macro',
    since: '6.9',
    signatures: [{ text: 'new_spinlock!(value $(, "name")?) -> impl PinInit<SpinLock<T>>' }],
    docs: 'Re-export of `kernel::new_spinlock!` under `kernel::sync`; before 6.9 import it from the crate root.',
    link: `${S}macro.new_spinlock.html`,
    note: FIRST69,
  },
  {
    path: 'kernel::new_condvar!',
    kind: 'macro',
    since: '6.4',
    signatures: [{ text: 'new_condvar!($("name")?) -> impl PinInit<CondVar>' }],
    docs:
      'Creates a condition-variable initializer with its own lockdep class and an optional name. The condvar must be pinned, typically as a `#[pin]` field next to the lock it is used with.',
    link: `${K}macro.new_condvar.html`,
    note: FIRST64,
  },
  {
    path: 'kernel::sync::new_condvar!',
    kind: 'macro',
    since: '6.9',
    signatures: [{ text: 'new_condvar!($("name")?) -> impl PinInit<CondVar>' }],
    docs: 'Re-export of `kernel::new_condvar!` under `kernel::sync`; before 6.9 use the crate-root path.',
    link: `${S}macro.new_condvar.html`,
    note: FIRST69 + ' (`kernel::sync::condvar` itself is a private module.)',
  },

  // ───────────────────────── lockdep keys ─────────────────────────
  {
    path: 'kernel::sync::LockClassKey',
    kind: 'struct',
    since: '6.4',
    signatures: [
      { since: '6.4', until: '6.15', text: '#[repr(transparent)] pub struct LockClassKey(Opaque<bindings::lock_class_key>);' },
      { since: '6.15', text: '#[repr(transparent)] #[pin_data(PinnedDrop)] pub struct LockClassKey { #[pin] inner: Opaque<bindings::lock_class_key> }' },
    ],
    changes: [
      { version: '6.14', note: 'The public const constructor `LockClassKey::new` was removed (it allowed keys outside static memory).' },
      { version: '6.15', note: 'Keys are passed as `Pin<&\'static LockClassKey>`, and heap keys are possible through `LockClassKey::new_dynamic()` (unregistered on drop).' },
      { version: '7.0', note: 'Now `Send`; `new_static()` (for keys in a `static`) and `as_ptr()` are public, and `static_lock_class!` is also reachable as `kernel::sync::static_lock_class!`.' },
    ],
    docs:
      'A lockdep class: all locks sharing a key are treated as one class for deadlock detection. Usually you never touch it, because `new_mutex!`, `new_spinlock!` and `new_condvar!` create a static key per call site via `static_lock_class!()`. ' +
      'From 6.15 APIs take `Pin<&\'static LockClassKey>`; a dynamically allocated key must be created with `new_dynamic()` and kept alive (and pinned) for as long as any lock uses it.',
    link: `${S}struct.LockClassKey.html`,
    note: FIRST64 + ' new removed: present in v6.13.7, absent in v6.14 (fix applied to tip:locking/urgent in March 2025; stable 6.12.117 also lacks it). Pin/new_dynamic: ' + LOCK615 + ' 7.0 changes: ' + T70 + ' (rust/kernel/sync.rs).',
  },
  {
    path: 'kernel::sync::LockClassKey::new_static',
    kind: 'fn',
    since: '7.0',
    signatures: [{ text: 'pub const unsafe fn new_static() -> Self' }],
    docs:
      'Creates an unregistered key for use as the value of a `static`, which is how `static_lock_class!()` declares its key from 7.0. Unsafe: the result may only ever live in static memory, because lockdep identifies static keys by their address.',
    link: `${S}struct.LockClassKey.html#method.new_static`,
    note: T70 + ' (v6.19 builds the static with `MaybeUninit::uninit().assume_init()` instead.)',
  },
  {
    path: 'kernel::sync::LockClassKey::as_ptr',
    kind: 'method',
    since: '7.0',
    signatures: [{ text: 'pub fn as_ptr(&self) -> *mut bindings::lock_class_key' }],
    docs: 'The raw C `struct lock_class_key` pointer, for passing the key to C APIs that take one. Crate-private up to 6.19.',
    link: `${S}struct.LockClassKey.html#method.as_ptr`,
    note: '`pub(crate)` in v6.19, `pub` in v7.0 (read).',
  },
  {
    path: 'kernel::sync::LockClassKey::new',
    kind: 'fn',
    since: '6.4',
    until: '6.14',
    removedInStable: ['6.12'],
    replacement: 'kernel::static_lock_class!',
    signatures: [{ text: 'pub const fn new() -> Self' }],
    docs:
      'Const constructor used to create a key in a `static`. It was removed because nothing stopped keys from being created on the stack or heap, which lockdep does not allow. Use `static_lock_class!()` (or `new_dynamic()` from 6.15).',
    link: `${S}struct.LockClassKey.html#method.new`,
    note: 'Present in v6.4.6–v6.11.11 and v6.13.7; absent in v6.14. Also dropped by later stable updates (v6.12.117 lacks it). Which 6.12 point release dropped it is not known.',
  },
  {
    path: 'kernel::sync::LockClassKey::new_dynamic',
    kind: 'fn',
    since: '6.15',
    signatures: [{ text: 'pub fn new_dynamic() -> impl PinInit<Self>' }],
    docs:
      'Initializer for a lockdep key registered at run time, for locks whose class must be chosen dynamically. Allocate it pinned (e.g. `KBox::pin_init(LockClassKey::new_dynamic(), GFP_KERNEL)?`); dropping it unregisters the key, so it must outlive every lock that uses it.',
    link: `${S}struct.LockClassKey.html#method.new_dynamic`,
    note: LOCK615 + ' Introduced by the same patch that made keys pinned.',
  },
  {
    path: 'kernel::static_lock_class!',
    kind: 'macro',
    since: '6.4',
    signatures: [
      { since: '6.4', until: '6.15', text: 'static_lock_class!() -> &\'static LockClassKey' },
      { since: '6.15', text: 'static_lock_class!() -> Pin<&\'static LockClassKey>' },
    ],
    changes: [
      { version: '6.15', note: 'Returns a pinned reference, matching the new `Lock::new`/`CondVar::new` signatures.' },
      { version: '7.0', note: 'Documented (no longer hidden), builds its key with `LockClassKey::new_static()`, and is re-exported as `kernel::sync::static_lock_class!`.' },
    ],
    docs:
      'Declares a hidden `static` lockdep key at the call site and returns a reference to it. Use it when calling `Lock::new` or `CondVar::new` directly; because it always returns the type the constructors expect on that release, it keeps such code portable across the 6.15 change. Up to 6.19 it is hidden from the rendered docs.',
    link: `${K}macro.static_lock_class.html`,
    note: FIRST64 + ' Pin return: ' + LOCK615 + ' 7.0: ' + T70,
  },
  {
    path: 'kernel::sync::static_lock_class!',
    kind: 'macro',
    since: '7.0',
    signatures: [{ text: 'static_lock_class!() -> Pin<&\'static LockClassKey>' }],
    docs: 'The same macro as `kernel::static_lock_class!`, re-exported under `kernel::sync` from 7.0 so it can be imported next to the lock types. On 6.19 and older use the crate-root path.',
    link: `${S}macro.static_lock_class.html`,
    note: T70 + ' (`pub use static_lock_class;` in rust/kernel/sync.rs).',
  },

  // ───────────────────────── condition variables ─────────────────────────
  {
    path: 'kernel::sync::CondVar',
    kind: 'struct',
    since: '6.4',
    signatures: [{ text: '#[pin_data] pub struct CondVar { /* wait_queue_head, PhantomPinned */ }' }],
    changes: [
      { version: '6.8', note: '`wait` became uninterruptible and the interruptible wait was renamed `wait_interruptible`; `wait_uninterruptible` was removed.' },
      { version: '6.9', note: 'Added `wait_interruptible_timeout`, `notify_sync` and `CondVarTimeoutResult`.' },
      { version: '6.15', note: 'Added `wait_interruptible_freezable`; the constructor takes a pinned lockdep key.' },
    ],
    docs:
      'A condition variable (C wait queue) used together with a `Mutex` or `SpinLock`: take the lock, check the condition in a loop, and call a `wait*` method with `&mut guard`, which drops the lock while sleeping and retakes it before returning. ' +
      'Wake-ups can be spurious, so always re-check the condition. It must be pinned; create it with `new_condvar!()` in a `#[pin]` field.',
    link: `${S}struct.CondVar.html`,
    note: FIRST64,
  },
  {
    path: 'kernel::sync::CondVar::new',
    kind: 'fn',
    since: '6.4',
    signatures: [
      { since: '6.4', until: '6.15', text: 'pub fn new(name: &\'static CStr, key: &\'static LockClassKey) -> impl PinInit<Self>' },
      { since: '6.15', text: 'pub fn new(name: &\'static CStr, key: Pin<&\'static LockClassKey>) -> impl PinInit<Self>' },
    ],
    changes: [{ version: '6.15', note: 'The key argument became `Pin<&\'static LockClassKey>`.' }],
    docs:
      'Returns an initializer for a condition variable. Prefer `new_condvar!()`, which supplies the name and a static key; if you call it directly, pass `static_lock_class!()` so the key type matches on every release.',
    link: `${S}struct.CondVar.html#method.new`,
    note: FIRST64 + ' Pin key: ' + LOCK615,
  },
  {
    path: 'kernel::sync::CondVar::wait',
    kind: 'method',
    since: '6.4',
    signatures: [
      { since: '6.4', until: '6.8', text: '#[must_use] pub fn wait<T: ?Sized, B: Backend>(&self, guard: &mut Guard<\'_, T, B>) -> bool' },
      { since: '6.8', text: 'pub fn wait<T: ?Sized, B: Backend>(&self, guard: &mut Guard<\'_, T, B>)' },
    ],
    changes: [
      { version: '6.8', note: 'Now an uninterruptible wait returning `()`; the old interruptible behaviour (returning whether a signal is pending) moved to `wait_interruptible`.' },
    ],
    docs:
      'Releases the lock behind `guard`, sleeps until notified, and reacquires the lock. On 6.4–6.7 the sleep is interruptible and the `bool` result says whether a signal is pending (callers must check it); from 6.8 the sleep ignores signals and returns nothing. ' +
      'Code that used the `bool` must switch to `wait_interruptible` on 6.8+, and code that called `wait_uninterruptible` switches to `wait`.',
    link: `${S}struct.CondVar.html#method.wait`,
    note: 'Old form read in v6.4.6–v6.6, new form in v6.8. Change is "rust: sync: Makes `CondVar::wait()` an uninterruptible wait", posted 2023-12-14 (after the 6.7 merge window); no 6.7 tree read.',
  },
  {
    path: 'kernel::sync::CondVar::wait_uninterruptible',
    kind: 'method',
    since: '6.4',
    until: '6.8',
    replacement: 'kernel::sync::CondVar::wait',
    signatures: [{ text: 'pub fn wait_uninterruptible<T: ?Sized, B: Backend>(&self, guard: &mut Guard<\'_, T, B>)' }],
    docs: 'Uninterruptible wait of the first CondVar API. From 6.8 the same behaviour is simply called `wait`.',
    link: `${S}struct.CondVar.html#method.wait_uninterruptible`,
    note: 'Present in v6.4.6–v6.6, absent in v6.8; 6.7 not read (see `CondVar::wait`).',
  },
  {
    path: 'kernel::sync::CondVar::wait_interruptible',
    kind: 'method',
    since: '6.8',
    signatures: [{ text: '#[must_use] pub fn wait_interruptible<T: ?Sized, B: Backend>(&self, guard: &mut Guard<\'_, T, B>) -> bool' }],
    docs:
      'Like `wait`, but a signal can end the sleep. Returns `true` if a signal is pending; the caller should then usually stop and return `EINTR` (or `ERESTARTSYS`) instead of looping.',
    link: `${S}struct.CondVar.html#method.wait_interruptible`,
    note: 'Absent in v6.6, present in v6.8; 6.7 not read (see `CondVar::wait`).',
  },
  {
    path: 'kernel::sync::CondVar::wait_interruptible_timeout',
    kind: 'method',
    since: '6.9',
    signatures: [{ text: '#[must_use] pub fn wait_interruptible_timeout<T: ?Sized, B: Backend>(&self, guard: &mut Guard<\'_, T, B>, jiffies: Jiffies) -> CondVarTimeoutResult' }],
    docs:
      'Interruptible wait with a timeout in jiffies (convert with `msecs_to_jiffies`). The result tells whether it timed out, was woken, or was interrupted by a signal, and in the latter two cases how many jiffies remain.',
    link: `${S}struct.CondVar.html#method.wait_interruptible_timeout`,
    note: FIRST69,
  },
  {
    path: 'kernel::sync::CondVar::wait_interruptible_freezable',
    kind: 'method',
    since: '6.15',
    signatures: [{ text: '#[must_use] pub fn wait_interruptible_freezable<T: ?Sized, B: Backend>(&self, guard: &mut Guard<\'_, T, B>) -> bool' }],
    docs:
      'Interruptible wait that also lets the system freezer (suspend) freeze the sleeping task, for long waits in kernel threads or ioctl paths. Returns `true` when a signal is pending.',
    link: `${S}struct.CondVar.html#method.wait_interruptible_freezable`,
    note: LOCK615,
  },
  {
    path: 'kernel::sync::CondVar::notify_one',
    kind: 'method',
    since: '6.4',
    signatures: [{ text: 'pub fn notify_one(&self)' }],
    docs: 'Wakes one waiter, if any. Change the shared state under the lock first, then notify; a notification with no waiter is lost.',
    link: `${S}struct.CondVar.html#method.notify_one`,
    note: FIRST64,
  },
  {
    path: 'kernel::sync::CondVar::notify_all',
    kind: 'method',
    since: '6.4',
    signatures: [{ text: 'pub fn notify_all(&self)' }],
    docs: 'Wakes every waiter. Each one reacquires the lock in turn and must re-check its condition.',
    link: `${S}struct.CondVar.html#method.notify_all`,
    note: FIRST64,
  },
  {
    path: 'kernel::sync::CondVar::notify_sync',
    kind: 'method',
    since: '6.9',
    signatures: [{ text: 'pub fn notify_sync(&self)' }],
    docs:
      'Wakes one waiter with a hint that the caller is about to sleep itself, so the scheduler may keep the woken task on the current CPU. Use it for hand-off patterns such as request/reply.',
    link: `${S}struct.CondVar.html#method.notify_sync`,
    note: FIRST69,
  },
  {
    path: 'kernel::sync::CondVarTimeoutResult',
    kind: 'enum',
    since: '6.9',
    signatures: [{ text: 'pub enum CondVarTimeoutResult { Timeout, Woken { jiffies: Jiffies }, Signal { jiffies: Jiffies } }' }],
    docs:
      'Outcome of `CondVar::wait_interruptible_timeout`: `Timeout` when the time ran out, `Woken` after a notification (or spurious wake-up), `Signal` when interrupted; the latter two carry the remaining jiffies so a loop can continue with the rest of the budget.',
    link: `${S}enum.CondVarTimeoutResult.html`,
    note: FIRST69,
  },

  // ───────────────────────── global locks ─────────────────────────
  {
    path: 'kernel::sync::global_lock!',
    aliases: ['kernel::global_lock!'],
    kind: 'macro',
    since: '6.13',
    signatures: [
      { until: '7.3', text: 'global_lock! { unsafe(uninit) static NAME: Mutex<T> = value; } // or SpinLock<T>' },
      { since: '7.3', text: 'global_lock! { unsafe(uninit) static NAME: Mutex<T> = value; } // or SpinLock<T>, SpinLockIrq<T>' },
    ],
    changes: [{ version: '7.3', note: 'Also accepts `SpinLockIrq<T>`.' }],
    docs:
      'Declares a lock in a `static`, which `new_mutex!` cannot do. The generated `NAME` is a `GlobalLock`, and you must call `unsafe { NAME.init() }` exactly once (normally in module init) before the first `NAME.lock()`; that obligation is why the declaration says `unsafe(uninit)`. ' +
      'The macro also defines a type named `NAME`, used with `GlobalLockedBy<T, NAME>` and `GlobalGuard<NAME>`.',
    link: `${K}macro.global_lock.html`,
    note: 'Absent in v6.12.117, present in v6.13.7 and later. SpinLockIrq backend arm: ' + T73,
  },
  {
    path: 'kernel::sync::GlobalLock',
    aliases: ['kernel::sync::lock::GlobalLock'],
    kind: 'struct',
    since: '6.13',
    signatures: [{ text: 'pub struct GlobalLock<B: GlobalLockBackend> { /* Lock<B::Item, B::Backend> */ } // unsafe fn init(&\'static self); fn lock(&\'static self) -> GlobalGuard<B>; fn try_lock(&\'static self) -> Option<GlobalGuard<B>>' }],
    changes: [{ version: '6.15', note: '`GlobalLockBackend::get_lock_class` returns `Pin<&\'static LockClassKey>`.' }],
    docs:
      'A lock stored in a `static`, created only through `global_lock!`. Call the unsafe `init()` once before any `lock()`/`try_lock()`; using it uninitialised is undefined behaviour.',
    link: `${S}struct.GlobalLock.html`,
    note: 'Absent in v6.12.117, present in v6.13.7. get_lock_class type: `&\'static` in v6.14, `Pin<&\'static>` in v6.18; 6.15 from the locking series.',
  },
  {
    path: 'kernel::sync::GlobalGuard',
    aliases: ['kernel::sync::lock::GlobalGuard'],
    kind: 'struct',
    since: '6.13',
    signatures: [
      { until: '7.2', text: 'pub struct GlobalGuard<B: GlobalLockBackend> { /* Guard<\'static, B::Item, B::Backend> */ }' },
      { since: '7.2', text: '#[must_use] pub struct GlobalGuard<B: GlobalLockBackend> { /* Guard<\'static, B::Item, B::Backend> */ }' },
    ],
    changes: [{ version: '7.2', note: 'Marked `#[must_use]` (as is `GlobalLock::try_lock`), so a guard dropped at once is warned about.' }],
    docs: 'Guard returned by `GlobalLock::lock`; derefs to the protected data and also unlocks `GlobalLockedBy` values tied to the same global lock. Keep it in a named binding: dropping it releases the lock.',
    link: `${S}struct.GlobalGuard.html`,
    note: 'Absent in v6.12.117, present in v6.13.7. `#[must_use]`: absent in v7.0, present in v7.2.12 (read); the commit is dated 2026-06-04, after the 7.1 merge window, so 7.2.',
  },
  {
    path: 'kernel::sync::GlobalLockedBy',
    aliases: ['kernel::sync::lock::GlobalLockedBy'],
    kind: 'struct',
    since: '6.13',
    signatures: [{ text: 'pub struct GlobalLockedBy<T: ?Sized, B: GlobalLockBackend> // fn new(val: T) -> Self; fn as_ref(&self, &GlobalGuard<B>) -> &T; fn as_mut(&self, &mut GlobalGuard<B>) -> &mut T' }],
    docs:
      'Data stored anywhere (e.g. inside many objects) but protected by one global lock: access requires a `GlobalGuard` of that lock, checked at compile time through the lock type parameter.',
    link: `${S}struct.GlobalLockedBy.html`,
    note: 'Absent in v6.12.117, present in v6.13.7.',
  },

  // ───────────────────────── interrupt-disabling spinlock (7.3) ─────────────────────────
  {
    path: 'kernel::sync::SpinLockIrq',
    aliases: ['kernel::sync::lock::spinlock::SpinLockIrq'],
    kind: 'type-alias',
    since: '7.3',
    signatures: [{ text: 'pub type SpinLockIrq<T> = Lock<T, SpinLockIrqBackend>;' }],
    docs:
      'A spinlock that also disables local interrupts while held (and restores them on unlock), for data shared with interrupt handlers. Create it with `new_spinlock_irq!` in a `#[pin]` field or through `KBox::pin_init`; `lock()` returns a `SpinLockIrqGuard`. ' +
      'When interrupts are already off, `lock_with(&irq_off)` takes it without touching the interrupt state. The critical section must not sleep.',
    link: `${S}type.SpinLockIrq.html`,
    note: T73 + ' (rust/kernel/sync/lock/spinlock.rs; commits 5967f4df5552, ec4fad7c2bdc).',
  },
  {
    path: 'kernel::sync::SpinLockIrqGuard',
    aliases: ['kernel::sync::lock::spinlock::SpinLockIrqGuard'],
    kind: 'type-alias',
    since: '7.3',
    signatures: [{ text: 'pub type SpinLockIrqGuard<\'a, T> = Guard<\'a, T, SpinLockIrqBackend>;' }],
    docs: 'The guard of a `SpinLockIrq`: access to the data while the lock is held with interrupts disabled; dropping it unlocks and restores the interrupt state.',
    link: `${S}type.SpinLockIrqGuard.html`,
    note: T73,
  },
  {
    path: 'kernel::sync::lock::spinlock::SpinLockIrqBackend',
    kind: 'struct',
    since: '7.3',
    signatures: [{ text: 'pub struct SpinLockIrqBackend;' }],
    docs: 'The `Backend` behind `SpinLockIrq` (`spin_lock_irqsave`-style locking). Name it only in generic code; use the `SpinLockIrq` alias otherwise.',
    link: `${L}spinlock/struct.SpinLockIrqBackend.html`,
    note: T73,
  },
  {
    path: 'kernel::new_spinlock_irq!',
    kind: 'macro',
    since: '7.3',
    signatures: [{ text: 'new_spinlock_irq!(value $(, "name")?) -> impl PinInit<SpinLockIrq<T>>' }],
    docs: 'Initializer for a `SpinLockIrq` with its own lockdep class per call site and an optional name; place it with `<-` on a `#[pin]` field.',
    link: `${K}macro.new_spinlock_irq.html`,
    note: T73,
  },
  {
    path: 'kernel::sync::new_spinlock_irq!',
    aliases: ['kernel::sync::lock::spinlock::new_spinlock_irq!'],
    kind: 'macro',
    since: '7.3',
    signatures: [{ text: 'new_spinlock_irq!(value $(, "name")?) -> impl PinInit<SpinLockIrq<T>>' }],
    docs: 'Re-export of `kernel::new_spinlock_irq!` under `kernel::sync`, so it can be imported with `SpinLockIrq`.',
    link: `${S}macro.new_spinlock_irq.html`,
    note: T73,
  },
  {
    path: 'kernel::sync::SpinLockIrq::lock_with',
    kind: 'method',
    since: '7.3',
    signatures: [{ text: "pub fn lock_with<'a>(&'a self, context: &'a LocalInterruptDisabled) -> SpinLockGuard<'a, T>" }],
    docs:
      'Takes the lock when the caller proves, with a `LocalInterruptDisabled` token, that local interrupts are already off; it then behaves as a plain spinlock and returns a `SpinLockGuard`. Use it to take several `SpinLockIrq`s under one `local_interrupt_disable()`.',
    link: `${S}type.SpinLockIrq.html#method.lock_with`,
    note: T73,
  },
  {
    path: 'kernel::sync::SpinLockIrq::try_lock_with',
    kind: 'method',
    since: '7.3',
    signatures: [{ text: "#[must_use] pub fn try_lock_with<'a>(&'a self, context: &'a LocalInterruptDisabled) -> Option<SpinLockGuard<'a, T>>" }],
    docs: 'Non-blocking `lock_with`: `None` when the lock is held elsewhere.',
    link: `${S}type.SpinLockIrq.html#method.try_lock_with`,
    note: T73,
  },
  {
    path: 'kernel::interrupt::LocalInterruptDisabled',
    kind: 'struct',
    since: '7.3',
    signatures: [{ text: 'pub struct LocalInterruptDisabled(NotThreadSafe); // Drop re-enables interrupts' }],
    docs:
      'Proof that local interrupts are disabled on this CPU; it cannot be sent to another thread. Dropping the value returned by `local_interrupt_disable()` enables interrupts again; the unsafe `assume_disabled()` gives a reference when interrupts are known to be off already (for example in a handler).',
    link: `${K}interrupt/struct.LocalInterruptDisabled.html`,
    note: T73,
  },
  {
    path: 'kernel::interrupt::local_interrupt_disable',
    kind: 'fn',
    since: '7.3',
    signatures: [{ text: 'pub fn local_interrupt_disable() -> LocalInterruptDisabled' }],
    docs: 'Disables local interrupts (nesting-aware) and returns the token that re-enables them when dropped. Keep the token alive for as long as the interrupt-free section lasts.',
    link: `${K}interrupt/fn.local_interrupt_disable.html`,
    note: T73,
  },

  // ───────────────────────── SRCU (7.3) ─────────────────────────
  {
    path: 'kernel::sync::Srcu',
    aliases: ['kernel::sync::srcu::Srcu'],
    kind: 'struct',
    since: '7.3',
    signatures: [{ text: "#[pin_data(PinnedDrop)] pub struct Srcu { /* Opaque<srcu_struct> */ } // new(name, key) -> impl PinInit<Self, Error>; read_lock(&self) -> Guard<'_>; synchronize(&self); synchronize_expedited(&self)" }],
    docs:
      'An SRCU domain. Readers call `read_lock()` and may sleep inside the read-side section; writers call `synchronize()` to wait for all readers that started earlier. It must be pinned: create it with `new_srcu!()` in a `#[pin]` field. Construction can fail, so use `try_pin_init!` around it.',
    link: `${S}srcu/struct.Srcu.html`,
    note: T73,
  },
  {
    path: 'kernel::new_srcu!',
    aliases: ['kernel::sync::srcu::new_srcu!'],
    kind: 'macro',
    since: '7.3',
    signatures: [{ text: 'new_srcu!($("name")?) -> impl PinInit<Srcu, Error>' }],
    docs: 'Fallible initializer for an `Srcu` with a per-call-site lockdep class and an optional name. Hidden from the rendered docs.',
    link: `${S}srcu/struct.Srcu.html`,
    note: T73,
  },

  // ───────────────────────── Arc, ARef and atomics (7.x changes) ─────────────────────────
  {
    path: 'kernel::sync::Arc::DATA_OFFSET',
    kind: 'const',
    since: '7.0',
    signatures: [{ text: 'pub const DATA_OFFSET: usize' }],
    docs: 'Byte offset of the value inside the `Arc` allocation (after the refcount), for code that converts between a pointer to the data and the allocation itself.',
    link: `${S}struct.Arc.html#associatedconstant.DATA_OFFSET`,
    note: T70 + ' (rust/kernel/sync/arc.rs).',
  },
  {
    path: 'kernel::sync::aref::ARef',
    kind: 'struct',
    since: '6.17',
    signatures: [{ text: 'pub struct ARef<T: AlwaysRefCounted> { /* NonNull<T> */ }' }],
    docs:
      'An owned reference to an object whose refcount lives inside the object (devices, tasks, files): cloning increments the count, dropping decrements it. This is the home of `ARef`; `kernel::types::ARef` was a re-export of it.',
    link: `${S}aref/struct.ARef.html`,
    confidence: 'uncertain',
    uncertainAbout: ['since'],
    knownAbsentIn: '6.14',
    note: 'Absent in v6.14, present in v6.18 (read), as the `kernel::sync::aref` module; believed to be 6.17 (first commit 2025-07-22).',
  },
  {
    path: 'kernel::sync::aref::AlwaysRefCounted',
    kind: 'trait',
    since: '6.17',
    signatures: [{ text: 'pub unsafe trait AlwaysRefCounted { fn inc_ref(&self); unsafe fn dec_ref(obj: NonNull<Self>); }' }],
    docs: 'Implemented by wrappers of C objects that carry their own refcount, so `ARef<T>` can manage them. Unsafe: `inc_ref` must keep the object alive until the matching `dec_ref`.',
    link: `${S}aref/trait.AlwaysRefCounted.html`,
    confidence: 'uncertain',
    uncertainAbout: ['since'],
    knownAbsentIn: '6.14',
    note: 'Absent in v6.14, present in v6.18 (read); believed to be 6.17.',
  },
  // Constructors that return initializers: what `<-`, `KBox::pin_init` and the pin-init rules need to know of them.
  {
    path: 'kernel::types::Opaque::ffi_init',
    kind: 'method',
    since: '6.12',
    signatures: [{ text: 'pub fn ffi_init(init_func: impl FnOnce(*mut T)) -> impl PinInit<Self>' }],
    docs: 'An initializer for an `Opaque<T>` that hands the C function `init_func` a raw pointer to the slot, for C objects that must be set up at their final address (list heads, wait queues). It cannot fail; use `try_ffi_init` when the C call returns an error. Run it with `<-` or `KBox::pin_init`.',
    link: `${K}types/struct.Opaque.html#method.ffi_init`,
    confidence: 'uncertain',
    uncertainAbout: ['since'],
    note: 'Present with this signature in v6.12 through v7.3 (read); releases before 6.12 not read.',
  },
  {
    path: 'kernel::types::Opaque::try_ffi_init',
    kind: 'method',
    since: '6.13',
    signatures: [{ text: 'pub fn try_ffi_init<E>(init_func: impl FnOnce(*mut T) -> Result<(), E>) -> impl PinInit<Self, E>' }],
    docs: 'Like `ffi_init`, but `init_func` returns `Result<(), E>` and the initializer fails with that error; the error type is whatever the closure returns. Run it with `<-` inside `try_pin_init!`, or with `KBox::pin_init`.',
    link: `${K}types/struct.Opaque.html#method.try_ffi_init`,
    note: 'Absent in 6.12.118, present in v6.13 through v7.3 (read).',
  },
  {
    path: 'kernel::revocable::Revocable::new',
    kind: 'method',
    since: '6.14',
    signatures: [
      { since: '6.14', until: '6.15', text: 'pub fn new(data: impl PinInit<T>) -> impl PinInit<Self>' },
      { since: '6.18', text: 'pub fn new<E>(data: impl PinInit<T, E>) -> impl PinInit<Self, E>' },
    ],
    docs: 'An initializer for a `Revocable<T>` holding what `data` initializes; the value stays reachable until it is revoked. It is a pin-initializer (the wrapper must not move), so run it with `<-` in a `#[pin]` field or with `KBox::pin_init`/`Arc::pin_init`. From 6.18 it takes a fallible `data` and fails with its error.',
    link: `${K}revocable/struct.Revocable.html#method.new`,
    note: 'Read in v6.14 and v6.18 through v7.3; 6.15 to 6.17 not read, so no signature is given there.',
  },
  {
    path: 'kernel::devres::Devres::new',
    kind: 'method',
    since: '6.14',
    signatures: [
      { since: '6.14', until: '6.15', text: 'pub fn new(dev: &Device, data: T, flags: Flags) -> Result<Self>' },
      { since: '6.18', until: '7.0', text: "pub fn new<'a, E>(dev: &'a Device<Bound>, data: impl PinInit<T, E> + 'a) -> impl PinInit<Self, Error> + 'a where T: 'a, Error: From<E>" },
      { since: '7.0', text: 'pub fn new<E>(dev: &Device<Bound>, data: impl PinInit<T, E>) -> Result<Self> where Error: From<E>' },
    ],
    docs: 'Ties `data` to the lifetime of a bound device: when the driver unbinds, the data is revoked. In 6.18 and 6.19 it returns a pin-initializer that can fail with `Error` (run it with `<-` inside `try_pin_init!`, or with `KBox::pin_init`); in 6.14 and from 7.0 it returns `Result<Devres<T>>`, a value.',
    link: `${K}devres/struct.Devres.html#method.new`,
    note: 'Read in v6.14, v6.18, v6.19 and v7.0 through v7.3; 6.15 to 6.17 not read, so no signature is given there.',
  },
  {
    path: 'kernel::types::ARef',
    kind: 'struct',
    since: '6.3',
    until: '7.1',
    replacement: 'kernel::sync::aref::ARef',
    signatures: [{ text: 'pub struct ARef<T: AlwaysRefCounted> { /* NonNull<T> */ } // from 6.17 a re-export of kernel::sync::aref::ARef' }],
    docs:
      'The old path of `ARef`. From 6.17 it only re-exports `kernel::sync::aref::ARef`, and the re-export is gone in the 7.x series; import `kernel::sync::aref::ARef`, which works from 6.17 on.',
    link: `${K}types/struct.ARef.html`,
    confidence: 'uncertain',
    uncertainAbout: ['since'],
    note: 'Defined in v6.12 and v6.14 types.rs, re-exported from sync::aref in v6.18–v7.0, absent in v7.2.12 (read). First release not read (believed 6.3, with `kernel::task`). The facts sheet puts the removal in 7.1 from a 7.1 tree this project could not read, so the removal release is left open. Checked later against the 7.1.5 tree (danayer/linux-7.1.5, Makefile 7.1.5): it is gone there, so 7.1 removed it.',
  },
  {
    path: 'kernel::types::AlwaysRefCounted',
    kind: 'trait',
    since: '6.3',
    until: '7.1',
    replacement: 'kernel::sync::aref::AlwaysRefCounted',
    signatures: [{ text: 'pub unsafe trait AlwaysRefCounted { fn inc_ref(&self); unsafe fn dec_ref(obj: NonNull<Self>); }' }],
    docs: 'The old path of `AlwaysRefCounted`; a re-export of `kernel::sync::aref::AlwaysRefCounted` from 6.17 and removed in the 7.x series. Implement and import it from `kernel::sync::aref`.',
    link: `${K}types/trait.AlwaysRefCounted.html`,
    confidence: 'uncertain',
    uncertainAbout: ['since'],
    note: 'As for `kernel::types::ARef`: present in v6.12–v7.0, absent in v7.2.12 (read); 7.1 not read. Checked later against the 7.1.5 tree (danayer/linux-7.1.5, Makefile 7.1.5): it is gone there, so 7.1 removed it.',
  },
  {
    path: 'kernel::sync::atomic::Atomic',
    kind: 'struct',
    since: '6.18',
    signatures: [{ text: 'pub struct Atomic<T: AtomicType>(/* T::Repr */); // load, store, xchg, cmpxchg, fetch_add' }],
    changes: [
      { version: '7.0', note: '`bool`, `i8` and `i16` implement `AtomicType`, so `Atomic<bool>` and small integers work.' },
      { version: '7.1', note: 'Raw pointers implement `AtomicType`, `fetch_sub` was added, and `AtomicType` no longer requires `Send` (read in 7.2.12; 7.1 not read).' },
    ],
    docs:
      'A kernel atomic following the Linux memory model: every operation takes an explicit ordering (`Relaxed`, `Acquire`, `Release`, `Full`). Use it instead of `core::sync::atomic` in kernel code.',
    link: `${S}atomic/struct.Atomic.html`,
    confidence: 'uncertain',
    uncertainAbout: ['since'],
    knownAbsentIn: '6.17',
    note: 'Absent in v6.14, present in v6.18 (read), like the module. 7.0 impls: read absent in v6.19 predefine.rs, present in v7.0. 7.1 changes: absent in v7.0, present in v7.2.12. A 6.17-rc6 tree (datenpanne/kernel617 at 75d73010b) lacks it; Rust modules arrive in a merge window, so 6.17 lacks it too.',
  },
  {
    path: 'kernel::sync::atomic::Atomic::fetch_sub',
    kind: 'method',
    since: '7.1',
    signatures: [{ text: 'pub fn fetch_sub<Rhs, Ordering: ordering::Ordering>(&self, v: Rhs, _: Ordering) -> T where T: AtomicAdd<Rhs>' }],
    docs: 'Atomically subtracts `v` and returns the previous value, with the given ordering.',
    link: `${S}atomic/struct.Atomic.html#method.fetch_sub`,
    note: `${T71} Checked later against the 7.1.5 tree (danayer/linux-7.1.5, Makefile 7.1.5): it is there, so 7.1 is its first release.`,
  },
  {
    path: 'kernel::sync::atomic::AtomicFlag',
    kind: 'struct',
    since: '7.1',
    signatures: [{ text: 'pub struct AtomicFlag(Atomic<Flag>); // new(bool), load, store, xchg, cmpxchg, get_mut' }],
    docs:
      'An atomic boolean stored in the width the architecture handles best, for flags that are only set and tested. Prefer it over `Atomic<bool>` when nothing else shares the word.',
    link: `${S}atomic/struct.AtomicFlag.html`,
    note: `${T71} Checked later against the 7.1.5 tree (danayer/linux-7.1.5, Makefile 7.1.5): it is there, so 7.1 is its first release.`,
  },
];
