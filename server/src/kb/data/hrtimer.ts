/** kernel::time::hrtimer (6.15+: three API eras 6.15–6.16, 6.17, 6.18+; unchanged 6.18 → 7.3), Arc::as_ptr, Box::into_pin; read: v6.14, v6.18, v6.19, 7.0, 7.2 and 7.3 trees, 6.15/6.16 hrtimer.rs + time.rs file versions, 6.17 reconstructed from v6.18 minus the dated 2025-09-04 commits. */
import type { KbItem } from '../types';

const H = 'https://rust.docs.kernel.org/kernel/time/hrtimer/';

/** Where the 6.17 state comes from (no 6.17 tree was available). */
const N617 =
  'No 6.17 tree was read. The 6.17 state is the v6.18 file minus the hrtimer commits dated 2025-09-04 (Lyude Paul series, 6.18). The per-file log and the merge tag `rust-timekeeping-for-v6.17` put the TimerMode/ClockSource rework in 6.17.';

export const hrtimer: readonly KbItem[] = [
  // ───────────────────────── module ─────────────────────────
  {
    path: 'kernel::time::hrtimer',
    kind: 'module',
    since: '6.15',
    docs:
      'High-resolution timers whose C `struct hrtimer` lives inside your own struct, so arming a timer never allocates. ' +
      'You embed an `HrTimer<Self>` field, implement `HasHrTimer` with `impl_has_hr_timer!`, implement `HrTimerCallback`, and start the timer through a pointer type ' +
      '(`Arc<T>`, `Pin<Box<T>>`, or for scoped use `Pin<&T>` / `Pin<&mut T>`). Starting returns a handle that cancels the timer when dropped. ' +
      'The API changed in each of 6.16 (hrtimer-private `Ktime`), 6.17 (mode and clock move into types) and 6.18 (callback receives a context), so code seldom compiles unchanged across them. ' +
      'From 6.18 through 7.3 the public API stays the same; 7.4 only renames the clock trait in the mode bounds (`ClockSource` becomes `ClockId`).',
    link: `${H}index.html`,
    note: 'rust/kernel/time/hrtimer.rs and its arc/pin/pin_mut/tbox files are byte-identical in the 6.18, 6.19 and 7.0 trees; the 7.2 file adds only module-level examples, and the 7.3 file changes only how `HrTimerRestart` spells its C discriminants. 7.1 (no tree) is bracketed by 7.0 and 7.2.',
  },

  // ───────────────────────── HrTimer ─────────────────────────
  {
    path: 'kernel::time::hrtimer::HrTimer',
    kind: 'struct',
    since: '6.15',
    signatures: [{ text: '#[pin_data] #[repr(C)] pub struct HrTimer<T> { #[pin] timer: Opaque<bindings::hrtimer>, /* private */ }' }],
    changes: [
      { version: '6.17', note: 'The private runtime `mode` field was dropped; mode and clock now come from `<T as HasHrTimer<T>>::TimerMode`.' },
      { version: '6.18', note: 'Gained `forward`, `forward_now` and `expires`.' },
    ],
    docs:
      'A pinned wrapper around a C `struct hrtimer`, meant to be a `#[pin]` field of the struct that the callback runs on. ' +
      'It must be initialised in place (`timer <- HrTimer::new(…)` inside `pin_init!`, with the arguments of the target release: see `HrTimer::new`) and never moved afterwards. ' +
      'There is no public `start` or `cancel` method on `HrTimer` itself: you start through `HrTimerPointer::start` (or the unsafe/scoped variants) and cancel through the returned `HrTimerHandle`. ' +
      'Only one timer field per `(Self, T)` pair can be registered, because `HasHrTimer<T>` is implemented once.',
    docsByRelease: [
      {
        until: '6.17',
        text:
          'A pinned wrapper around a C `struct hrtimer`, meant to be a `#[pin]` field of the struct that the callback runs on. ' +
          'Initialise it in place with the mode and clock as arguments, `timer <- HrTimer::new(HrTimerMode::Relative, ClockId::Monotonic)` inside `pin_init!`, and never move it afterwards. ' +
          'There is no public `start` or `cancel` method on `HrTimer` itself: you start through `HrTimerPointer::start` (or the unsafe/scoped variants) and cancel through the returned `HrTimerHandle`. ' +
          'Only one timer field per `(Self, T)` pair can be registered, because `HasHrTimer<T>` is implemented once.',
      },
      {
        since: '6.17',
        text:
          'A pinned wrapper around a C `struct hrtimer`, meant to be a `#[pin]` field of the struct that the callback runs on. ' +
          'Initialise it in place with `timer <- HrTimer::new()` inside `pin_init!`; the mode and clock come from the `mode:` given to `impl_has_hr_timer!`. Never move it afterwards. ' +
          'There is no public `start` or `cancel` method on `HrTimer` itself: you start through `HrTimerPointer::start` (or the unsafe/scoped variants) and cancel through the returned `HrTimerHandle`. ' +
          'Only one timer field per `(Self, T)` pair can be registered, because `HasHrTimer<T>` is implemented once.',
      },
    ],
    link: `${H}struct.HrTimer.html`,
  },
  {
    path: 'kernel::time::hrtimer::HrTimer::new',
    kind: 'method',
    since: '6.15',
    signatures: [
      { since: '6.15', until: '6.17', text: 'pub fn new(mode: HrTimerMode, clock: ClockId) -> impl PinInit<Self> where T: HrTimerCallback' },
      { since: '6.17', text: 'pub fn new() -> impl PinInit<Self> where T: HrTimerCallback, T: HasHrTimer<T>' },
    ],
    changes: [
      { version: '6.17', note: 'Both arguments removed: the mode and clock are now chosen by the `mode:` given to `impl_has_hr_timer!` (the `HasHrTimer::TimerMode` type). Write `timer <- HrTimer::new()`.' },
    ],
    docs:
      'Returns an in-place initializer for the timer field, to be used with `<-` inside `pin_init!`. ' +
      'The argument list depends on the release (see the signature above): on 6.15–6.16 it takes the mode and the clock at run time, e.g. `timer <- HrTimer::new(HrTimerMode::Relative, ClockId::Monotonic)`; ' +
      'from 6.17 it takes none and reads both from the `HasHrTimer` implementation, e.g. `timer <- HrTimer::new()` with `mode: RelativeMode<Monotonic>` in `impl_has_hr_timer!`. ' +
      'The wrong argument list for the release is a compile error.',
    docsByRelease: [
      {
        until: '6.17',
        text:
          'Returns an in-place initializer for the timer field, to be used with `<-` inside `pin_init!`. ' +
          'It takes the mode and the clock at run time, e.g. `timer <- HrTimer::new(HrTimerMode::Relative, ClockId::Monotonic)`. ' +
          'From 6.17 the arguments are gone (the `HasHrTimer` implementation names the mode), so this call has to change when you move to 6.17.',
      },
      {
        since: '6.17',
        text:
          'Returns an in-place initializer for the timer field, to be used with `<-` inside `pin_init!`. ' +
          'It takes no arguments: the mode and clock come from the `HasHrTimer` implementation, e.g. `timer <- HrTimer::new()` with `mode: RelativeMode<Monotonic>` in `impl_has_hr_timer!`. ' +
          'Before 6.17 it took the mode and clock as arguments; calling it that way now is a compile error.',
      },
    ],
    link: `${H}struct.HrTimer.html#method.new`,
    note: N617,
  },
  {
    path: 'kernel::time::hrtimer::HrTimer::forward',
    kind: 'method',
    since: '6.18',
    signatures: [{ text: 'pub fn forward(self: Pin<&mut Self>, now: HrTimerInstant<T>, interval: Delta) -> u64 where T: HasHrTimer<T>' }],
    docs:
      'Moves the expiry time forward in steps of `interval` until it lies after `now`, and returns how many intervals were skipped (the overrun count). ' +
      'It needs exclusive pinned access, which in practice means the timer is not armed; inside a running callback use `HrTimerCallbackContext::forward` instead. ' +
      'It does not re-arm the timer by itself.',
    link: `${H}struct.HrTimer.html#method.forward`,
  },
  {
    path: 'kernel::time::hrtimer::HrTimer::forward_now',
    kind: 'method',
    since: '6.18',
    signatures: [{ text: 'pub fn forward_now(self: Pin<&mut Self>, interval: Delta) -> u64 where T: HasHrTimer<T>' }],
    docs: 'Same as `forward` with `now` read from the timer\'s own clock (`HrTimerInstant::<T>::now()`). Returns the overrun count.',
    link: `${H}struct.HrTimer.html#method.forward_now`,
  },
  {
    path: 'kernel::time::hrtimer::HrTimer::expires',
    kind: 'method',
    since: '6.18',
    signatures: [{ text: 'pub fn expires(&self) -> HrTimerInstant<T> where T: HasHrTimer<T>' }],
    docs:
      'Reads the currently programmed expiry as an `Instant` of the timer\'s clock. ' +
      'The read is unsynchronised, so a concurrent start or forward may make the value stale by the time you use it.',
    link: `${H}struct.HrTimer.html#method.expires`,
  },
  {
    path: 'kernel::time::hrtimer::HrTimerInstant',
    kind: 'type-alias',
    since: '6.18',
    signatures: [{ text: 'pub type HrTimerInstant<T> = Instant<<<T as HasHrTimer<T>>::TimerMode as HrTimerMode>::Clock>;' }],
    docs: 'Shorthand for an `Instant` on the clock that the timer embedded in `T` uses. It is the `now` argument of the `forward` functions and the return type of `HrTimer::expires`.',
    link: `${H}type.HrTimerInstant.html`,
  },
  {
    path: 'kernel::time::hrtimer::Ktime',
    kind: 'struct',
    since: '6.16',
    until: '6.17',
    replacement: 'kernel::time::hrtimer::HrTimerMode::Expires',
    signatures: [{ text: '#[repr(transparent)] #[derive(Copy, Clone, PartialEq, PartialOrd, Eq, Ord)] pub struct Ktime { /* ktime_t */ }  // only method: pub fn to_ns(self) -> i64' }],
    docs:
      'A stop-gap copy of the old `kernel::time::Ktime` that the hrtimer module carried for 6.16 only, after `kernel::time::Ktime` was replaced by `Instant`/`Delta`. ' +
      'It is `pub` and is the `expires` type of every start function in 6.16, but has no public constructor, so code outside the kernel crate cannot really arm a timer on 6.16. ' +
      'From 6.17 the expiry type is `<Mode as HrTimerMode>::Expires` (`Instant<C>` or `Delta`).',
    link: `${H}struct.Ktime.html`,
  },

  // ───────────────────────── pointer traits ─────────────────────────
  {
    path: 'kernel::time::hrtimer::HrTimerPointer',
    kind: 'trait',
    since: '6.15',
    signatures: [
      { since: '6.15', until: '6.17', text: 'pub trait HrTimerPointer: Sync + Sized { type TimerHandle: HrTimerHandle; fn start(self, expires: Ktime) -> Self::TimerHandle; }' },
      {
        since: '6.17',
        text: 'pub trait HrTimerPointer: Sync + Sized { type TimerMode: HrTimerMode; type TimerHandle: HrTimerHandle; fn start(self, expires: <Self::TimerMode as HrTimerMode>::Expires) -> Self::TimerHandle; }',
      },
    ],
    changes: [
      { version: '6.16', note: '`Ktime` in `start` now means `kernel::time::hrtimer::Ktime` instead of `kernel::time::Ktime`.' },
      { version: '6.17', note: 'Added associated type `TimerMode`; `start` takes the mode\'s `Expires` type instead of `Ktime`.' },
    ],
    docs:
      'Implemented by owning pointer types whose target contains an `HrTimer`: `Arc<T>` and `Pin<Box<T, A>>` (both since 6.15). ' +
      'Calling `start` consumes the pointer (clone an `Arc` first if you want to keep one) and returns a handle; the timer keeps the target alive until it is cancelled or stops. ' +
      'Leaking the handle is allowed and safe for these types. Stack references use `UnsafeHrTimerPointer`/`ScopedHrTimerPointer` instead.',
    link: `${H}trait.HrTimerPointer.html`,
    note: N617,
  },
  {
    path: 'kernel::time::hrtimer::HrTimerPointer::start',
    kind: 'method',
    since: '6.15',
    signatures: [
      { since: '6.15', until: '6.16', text: 'fn start(self, expires: kernel::time::Ktime) -> Self::TimerHandle' },
      { since: '6.16', until: '6.17', text: 'fn start(self, expires: kernel::time::hrtimer::Ktime) -> Self::TimerHandle' },
      { since: '6.17', text: 'fn start(self, expires: <Self::TimerMode as HrTimerMode>::Expires) -> Self::TimerHandle' },
    ],
    changes: [
      { version: '6.16', note: 'The `Ktime` argument type moved to the hrtimer-private copy, which has no public constructor.' },
      { version: '6.17', note: 'Argument is `Instant<C>` for absolute modes and `Delta` for relative modes, checked at compile time.' },
    ],
    docs:
      'Arms (or re-arms) the timer. On 6.15 pass e.g. `Ktime::from_raw(ns)`; on 6.17+ pass `Delta::from_millis(10)` for a `Relative*Mode` timer or an `Instant<C>` for an `Absolute*Mode` one. ' +
      'Keep the returned handle: dropping it cancels the timer and waits for a running callback to finish.',
    link: `${H}trait.HrTimerPointer.html#tymethod.start`,
  },
  {
    path: 'kernel::time::hrtimer::HrTimerPointer::TimerHandle',
    kind: 'assoc-type',
    since: '6.15',
    signatures: [{ text: 'type TimerHandle: HrTimerHandle;' }],
    docs: 'The handle returned by `start`: `ArcHrTimerHandle<T>` for `Arc<T>`, `BoxHrTimerHandle<T, A>` for `Pin<Box<T, A>>`.',
    link: `${H}trait.HrTimerPointer.html#associatedtype.TimerHandle`,
  },
  {
    path: 'kernel::time::hrtimer::HrTimerPointer::TimerMode',
    kind: 'assoc-type',
    since: '6.17',
    signatures: [{ text: 'type TimerMode: HrTimerMode;' }],
    docs: 'The timer mode of the pointee; the provided impls set it to `<T as HasHrTimer<T>>::TimerMode`, so it is whatever `mode:` you gave `impl_has_hr_timer!`.',
    link: `${H}trait.HrTimerPointer.html#associatedtype.TimerMode`,
  },
  {
    path: 'kernel::time::hrtimer::UnsafeHrTimerPointer',
    kind: 'trait',
    since: '6.15',
    signatures: [
      { since: '6.15', until: '6.17', text: 'pub unsafe trait UnsafeHrTimerPointer: Sync + Sized { type TimerHandle: HrTimerHandle; unsafe fn start(self, expires: Ktime) -> Self::TimerHandle; }' },
      {
        since: '6.17',
        text: 'pub unsafe trait UnsafeHrTimerPointer: Sync + Sized { type TimerMode: HrTimerMode; type TimerHandle: HrTimerHandle; unsafe fn start(self, expires: <Self::TimerMode as HrTimerMode>::Expires) -> Self::TimerHandle; }',
      },
    ],
    changes: [{ version: '6.17', note: 'Added `TimerMode`; `start` takes the mode\'s `Expires` type.' }],
    docs:
      'For borrowed pointers (`Pin<&T>`, `Pin<&mut T>`, both since 6.15) where leaking the handle would let the timer outlive the borrow. ' +
      '`start` is `unsafe`: the caller must drop the handle before the referent goes away. ' +
      'Prefer the safe `ScopedHrTimerPointer::start_scoped`, which every implementor gets for free.',
    link: `${H}trait.UnsafeHrTimerPointer.html`,
  },
  {
    path: 'kernel::time::hrtimer::UnsafeHrTimerPointer::start',
    kind: 'method',
    since: '6.15',
    signatures: [
      { since: '6.15', until: '6.16', text: 'unsafe fn start(self, expires: kernel::time::Ktime) -> Self::TimerHandle' },
      { since: '6.16', until: '6.17', text: 'unsafe fn start(self, expires: kernel::time::hrtimer::Ktime) -> Self::TimerHandle' },
      { since: '6.17', text: 'unsafe fn start(self, expires: <Self::TimerMode as HrTimerMode>::Expires) -> Self::TimerHandle' },
    ],
    changes: [{ version: '6.17', note: 'Expiry argument typed by the timer mode.' }],
    docs: 'Arms the timer through a borrowed pointer. Safety: the returned handle must be dropped (not leaked) while the referent is still alive.',
    link: `${H}trait.UnsafeHrTimerPointer.html#tymethod.start`,
  },
  {
    path: 'kernel::time::hrtimer::ScopedHrTimerPointer',
    kind: 'trait',
    since: '6.15',
    signatures: [
      { since: '6.15', until: '6.17', text: 'pub unsafe trait ScopedHrTimerPointer { fn start_scoped<T, F>(self, expires: Ktime, f: F) -> T where F: FnOnce() -> T; }' },
      {
        since: '6.17',
        text: 'pub unsafe trait ScopedHrTimerPointer { type TimerMode: HrTimerMode; fn start_scoped<T, F>(self, expires: <Self::TimerMode as HrTimerMode>::Expires, f: F) -> T where F: FnOnce() -> T; }',
      },
    ],
    changes: [{ version: '6.17', note: 'Added `TimerMode`; `start_scoped` takes the mode\'s `Expires` type.' }],
    docs:
      'Safe way to run a timer on a stack object. There is a blanket impl for every `UnsafeHrTimerPointer`, so `Pin<&T>` and `Pin<&mut T>` have it. ' +
      'The timer is armed, `f` runs, and the timer is cancelled before `start_scoped` returns.',
    link: `${H}trait.ScopedHrTimerPointer.html`,
  },
  {
    path: 'kernel::time::hrtimer::ScopedHrTimerPointer::start_scoped',
    kind: 'method',
    since: '6.15',
    signatures: [
      { since: '6.15', until: '6.16', text: 'fn start_scoped<T, F>(self, expires: kernel::time::Ktime, f: F) -> T where F: FnOnce() -> T' },
      { since: '6.16', until: '6.17', text: 'fn start_scoped<T, F>(self, expires: kernel::time::hrtimer::Ktime, f: F) -> T where F: FnOnce() -> T' },
      { since: '6.17', text: 'fn start_scoped<T, F>(self, expires: <Self::TimerMode as HrTimerMode>::Expires, f: F) -> T where F: FnOnce() -> T' },
    ],
    changes: [{ version: '6.17', note: 'Expiry argument typed by the timer mode.' }],
    docs: 'Arms the timer, runs the closure, then cancels the timer (waiting for a running callback) and returns the closure\'s value.',
    link: `${H}trait.ScopedHrTimerPointer.html#tymethod.start_scoped`,
  },

  // ───────────────────────── callbacks ─────────────────────────
  {
    path: 'kernel::time::hrtimer::RawHrTimerCallback',
    kind: 'trait',
    since: '6.15',
    signatures: [
      {
        text: [
          'pub trait RawHrTimerCallback { type CallbackTarget<\'a>; unsafe extern "C" fn run(this: *mut bindings::hrtimer) -> bindings::hrtimer_restart; }',
          "impl<T> RawHrTimerCallback for Arc<T> { type CallbackTarget<'a> = ArcBorrow<'a, T>; }",
          "impl<T, A> RawHrTimerCallback for Pin<Box<T, A>> { type CallbackTarget<'a> = Pin<&'a mut T>; }",
          "impl<'a, T> RawHrTimerCallback for Pin<&'a T> { type CallbackTarget<'b> = Self; }",
          "impl<'a, T> RawHrTimerCallback for Pin<&'a mut T> { type CallbackTarget<'b> = Self; }",
        ].join('\n'),
      },
    ],
    docs:
      'The bridge from the C callback to Rust, implemented by the pointer types (`Arc<T>`, `Pin<Box<T, A>>`, `Pin<&T>`, `Pin<&mut T>`). ' +
      'Driver code does not implement it; it only names it through `HrTimerCallback::Pointer`. `CallbackTarget` is what your `run` receives: `ArcBorrow<\'_, T>` for `Arc`, `Pin<&mut T>` for `Pin<Box>` and `Pin<&mut T>`, `Pin<&T>` for `Pin<&T>`.',
    link: `${H}trait.RawHrTimerCallback.html`,
  },
  {
    path: 'kernel::time::hrtimer::RawHrTimerCallback::CallbackTarget',
    kind: 'assoc-type',
    since: '6.15',
    signatures: [{ text: "type CallbackTarget<'a>;" }],
    docs: 'The borrowed form of the pointer handed to `HrTimerCallback::run`.',
    link: `${H}trait.RawHrTimerCallback.html#associatedtype.CallbackTarget`,
  },
  {
    path: 'kernel::time::hrtimer::RawHrTimerCallback::run',
    kind: 'method',
    since: '6.15',
    signatures: [{ text: 'unsafe extern "C" fn run(this: *mut bindings::hrtimer) -> bindings::hrtimer_restart' }],
    docs: 'The function registered with C as the timer\'s callback; only the hrtimer core may call it.',
    link: `${H}trait.RawHrTimerCallback.html#tymethod.run`,
  },
  {
    path: 'kernel::time::hrtimer::HrTimerCallback',
    kind: 'trait',
    since: '6.15',
    signatures: [
      {
        since: '6.15',
        until: '6.18',
        text: "pub trait HrTimerCallback { type Pointer<'a>: RawHrTimerCallback; fn run(this: <Self::Pointer<'_> as RawHrTimerCallback>::CallbackTarget<'_>) -> HrTimerRestart where Self: Sized; }",
      },
      {
        since: '6.18',
        text: "pub trait HrTimerCallback { type Pointer<'a>: RawHrTimerCallback; fn run(this: <Self::Pointer<'_> as RawHrTimerCallback>::CallbackTarget<'_>, ctx: HrTimerCallbackContext<'_, Self>) -> HrTimerRestart where Self: Sized, Self: HasHrTimer<Self>; }",
      },
    ],
    changes: [{ version: '6.18', note: '`run` gained a second parameter `ctx: HrTimerCallbackContext<\'_, Self>` (breaking for every implementor).' }],
    docs:
      'Implement this on the struct that embeds the timer to say what happens when it fires. ' +
      'Set `type Pointer<\'a> = Arc<Self>;` (or `Pin<Box<Self>>`, `Pin<&\'a Self>`, `Pin<&\'a mut Self>`) to match how you start the timer. ' +
      'The callback runs in interrupt context (hard or soft irq depending on mode), so it must not sleep; return `HrTimerRestart::Restart` only after moving the expiry forward, otherwise it fires again immediately.',
    link: `${H}trait.HrTimerCallback.html`,
  },
  {
    path: 'kernel::time::hrtimer::HrTimerCallback::Pointer',
    kind: 'assoc-type',
    since: '6.15',
    signatures: [{ text: "type Pointer<'a>: RawHrTimerCallback;" }],
    docs: 'The pointer type used to start this timer; it decides the type of `this` in `run`. It must be the same type you call `start` on, or the pointer impls will not apply.',
    link: `${H}trait.HrTimerCallback.html#associatedtype.Pointer`,
  },
  {
    path: 'kernel::time::hrtimer::HrTimerCallback::run',
    kind: 'method',
    since: '6.15',
    signatures: [
      { since: '6.15', until: '6.18', text: "fn run(this: <Self::Pointer<'_> as RawHrTimerCallback>::CallbackTarget<'_>) -> HrTimerRestart where Self: Sized" },
      {
        since: '6.18',
        text: "fn run(this: <Self::Pointer<'_> as RawHrTimerCallback>::CallbackTarget<'_>, ctx: HrTimerCallbackContext<'_, Self>) -> HrTimerRestart where Self: Sized, Self: HasHrTimer<Self>",
      },
    ],
    changes: [{ version: '6.18', note: 'New `ctx` parameter; use `ctx.forward_now(period)` before returning `Restart` for a periodic timer.' }],
    docs:
      'Called when the timer expires. Before 6.18 the API has no way to move the expiry, so returning `Restart` re-queues the timer at an expiry that has already passed; ' +
      'from 6.18 call `ctx.forward(..)` or `ctx.forward_now(..)` and then return `HrTimerRestart::Restart`. Code written for one signature does not compile with the other.',
    link: `${H}trait.HrTimerCallback.html#tymethod.run`,
  },
  {
    path: 'kernel::time::hrtimer::HrTimerCallbackContext',
    kind: 'struct',
    since: '6.18',
    signatures: [{ text: "pub struct HrTimerCallbackContext<'a, T: HasHrTimer<T>>(/* private */);" }],
    docs:
      'A token that only exists while a timer callback is running, passed as the second argument of `HrTimerCallback::run`. ' +
      'It gives access to operations that are only valid from inside the callback, such as forwarding the expiry of the timer that is firing. ' +
      'You cannot construct or keep it beyond the callback.',
    link: `${H}struct.HrTimerCallbackContext.html`,
  },
  {
    path: 'kernel::time::hrtimer::HrTimerCallbackContext::forward',
    kind: 'method',
    since: '6.18',
    signatures: [{ text: 'pub fn forward(&mut self, now: HrTimerInstant<T>, interval: Delta) -> u64' }],
    docs: 'Pushes the expiry of the firing timer forward by whole `interval`s until it is after `now`; returns the number of intervals skipped. Return `HrTimerRestart::Restart` afterwards to re-arm.',
    link: `${H}struct.HrTimerCallbackContext.html#method.forward`,
  },
  {
    path: 'kernel::time::hrtimer::HrTimerCallbackContext::forward_now',
    kind: 'method',
    since: '6.18',
    signatures: [{ text: 'pub fn forward_now(&mut self, duration: Delta) -> u64' }],
    docs: 'Like `forward`, using the current time of the timer\'s clock. Typical periodic pattern: `ctx.forward_now(Delta::from_millis(10)); HrTimerRestart::Restart`.',
    link: `${H}struct.HrTimerCallbackContext.html#method.forward_now`,
  },
  {
    path: 'kernel::time::hrtimer::HrTimerRestart',
    kind: 'enum',
    since: '6.15',
    signatures: [{ text: '#[derive(Copy, Clone, PartialEq, Eq, Debug)] #[repr(u32)] pub enum HrTimerRestart { NoRestart, Restart }' }],
    docs: 'What the callback returns: whether the hrtimer core should re-queue the timer at its (possibly forwarded) expiry time or leave it stopped.',
    link: `${H}enum.HrTimerRestart.html`,
  },
  {
    path: 'kernel::time::hrtimer::HrTimerRestart::NoRestart',
    kind: 'variant',
    since: '6.15',
    docs: 'Leave the timer stopped after the callback returns. The usual choice for one-shot timers.',
    link: `${H}enum.HrTimerRestart.html#variant.NoRestart`,
  },
  {
    path: 'kernel::time::hrtimer::HrTimerRestart::Restart',
    kind: 'variant',
    since: '6.15',
    docs: 'Re-queue the timer at its current expiry. Move the expiry forward first (6.18+: through the callback context); otherwise the timer is already due and fires again at once.',
    link: `${H}enum.HrTimerRestart.html#variant.Restart`,
  },

  // ───────────────────────── handles ─────────────────────────
  {
    path: 'kernel::time::hrtimer::HrTimerHandle',
    kind: 'trait',
    since: '6.15',
    signatures: [{ text: 'pub unsafe trait HrTimerHandle { fn cancel(&mut self) -> bool; }' }],
    docs:
      'Implemented by the handles that the start functions return. Every provided handle cancels the timer in its `Drop`, waiting for a running callback, so dropping the handle is a cancel. ' +
      'Several handles for the same timer may exist, and any of them can cancel it.',
    link: `${H}trait.HrTimerHandle.html`,
  },
  {
    path: 'kernel::time::hrtimer::HrTimerHandle::cancel',
    kind: 'method',
    since: '6.15',
    signatures: [{ text: 'fn cancel(&mut self) -> bool' }],
    changes: [{ version: '6.18', note: 'Return value documented: `true` if the timer was active when cancelled (no signature change).' }],
    docs:
      'Stops the timer; if the callback is running it blocks until the callback returns, so do not call it from the timer\'s own callback or with a lock the callback takes. ' +
      'A concurrent start may re-arm the timer right after this returns.',
    link: `${H}trait.HrTimerHandle.html#tymethod.cancel`,
  },
  {
    path: 'kernel::time::hrtimer::ArcHrTimerHandle',
    kind: 'struct',
    since: '6.15',
    signatures: [
      { since: '6.15', until: '6.17', text: "pub struct ArcHrTimerHandle<T> where T: HasHrTimer<T> { /* holds an Arc<T> */ }\nimpl<T> HrTimerPointer for Arc<T> where T: 'static + Send + Sync + HasHrTimer<T>, T: for<'a> HrTimerCallback<Pointer<'a> = Self> { type TimerHandle = ArcHrTimerHandle<T>; }" },
      { since: '6.17', text: "pub struct ArcHrTimerHandle<T> where T: HasHrTimer<T> { /* holds an Arc<T> */ }\nimpl<T> HrTimerPointer for Arc<T> where T: 'static + Send + Sync + HasHrTimer<T>, T: for<'a> HrTimerCallback<Pointer<'a> = Self> { type TimerMode = <T as HasHrTimer<T>>::TimerMode; type TimerHandle = ArcHrTimerHandle<T>; }" },
    ],
    docs:
      'Handle returned by starting a timer through `Arc<T>` (supported since 6.15). It keeps one reference count, so the object lives at least until the handle is dropped; dropping it cancels the timer. ' +
      'In the callback, `this` is an `ArcBorrow<\'_, T>`.',
    link: `${H}struct.ArcHrTimerHandle.html`,
  },
  {
    path: 'kernel::time::hrtimer::BoxHrTimerHandle',
    kind: 'struct',
    since: '6.15',
    signatures: [
      { since: '6.15', until: '6.17', text: "pub struct BoxHrTimerHandle<T, A> where T: HasHrTimer<T>, A: Allocator { /* owns the boxed T */ }\nimpl<T, A> HrTimerPointer for Pin<Box<T, A>> where T: 'static + Send + Sync + HasHrTimer<T>, T: for<'a> HrTimerCallback<Pointer<'a> = Pin<Box<T, A>>>, A: Allocator" },
      { since: '6.17', text: "pub struct BoxHrTimerHandle<T, A> where T: HasHrTimer<T>, A: Allocator { /* owns the boxed T */ }\nimpl<T, A> HrTimerPointer for Pin<Box<T, A>> where T: 'static + Send + Sync + HasHrTimer<T>, T: for<'a> HrTimerCallback<Pointer<'a> = Pin<Box<T, A>>>, A: Allocator { type TimerMode = <T as HasHrTimer<T>>::TimerMode; }" },
    ],
    docs:
      'Handle returned by starting a timer through `Pin<Box<T, A>>` (supported since 6.15, e.g. `KBox::pin_init(..)?.start(..)`). ' +
      'Starting moves the box into the handle; dropping the handle cancels the timer and then frees the allocation. In the callback, `this` is `Pin<&mut T>`.',
    link: `${H}struct.BoxHrTimerHandle.html`,
  },
  {
    path: 'kernel::time::hrtimer::PinHrTimerHandle',
    kind: 'struct',
    since: '6.15',
    signatures: [
      { text: "pub struct PinHrTimerHandle<'a, T> where T: HasHrTimer<T> { /* holds Pin<&'a T> */ }\nunsafe impl<'a, T> UnsafeHrTimerPointer for Pin<&'a T> where T: Send + Sync + HasHrTimer<T>, T: HrTimerCallback<Pointer<'a> = Self>" },
    ],
    docs: 'Handle for a timer started through a shared pinned reference `Pin<&T>` (since 6.15). Use it via `start_scoped`, or keep it strictly within the borrow; dropping it cancels. In the callback, `this` is `Pin<&T>`.',
    link: `${H}struct.PinHrTimerHandle.html`,
  },
  {
    path: 'kernel::time::hrtimer::PinMutHrTimerHandle',
    kind: 'struct',
    since: '6.15',
    signatures: [
      { text: "pub struct PinMutHrTimerHandle<'a, T> where T: HasHrTimer<T> { /* private */ }\nunsafe impl<'a, T> UnsafeHrTimerPointer for Pin<&'a mut T> where T: Send + Sync + HasHrTimer<T>, T: HrTimerCallback<Pointer<'a> = Self>" },
    ],
    docs: 'Handle for a timer started through `Pin<&mut T>` (since 6.15). Same rules as `PinHrTimerHandle`; in the callback, `this` is `Pin<&mut T>`.',
    link: `${H}struct.PinMutHrTimerHandle.html`,
  },

  // ───────────────────────── HasHrTimer + macro ─────────────────────────
  {
    path: 'kernel::time::hrtimer::HasHrTimer',
    kind: 'trait',
    since: '6.15',
    signatures: [
      {
        since: '6.15',
        until: '6.17',
        text: 'pub unsafe trait HasHrTimer<T> { unsafe fn raw_get_timer(this: *const Self) -> *const HrTimer<T>; unsafe fn timer_container_of(ptr: *mut HrTimer<T>) -> *mut Self where Self: Sized; unsafe fn c_timer_ptr(this: *const Self) -> *const bindings::hrtimer; unsafe fn start(this: *const Self, expires: Ktime); }',
      },
      {
        since: '6.17',
        text: 'pub unsafe trait HasHrTimer<T> { type TimerMode: HrTimerMode; unsafe fn raw_get_timer(this: *const Self) -> *const HrTimer<T>; unsafe fn timer_container_of(ptr: *mut HrTimer<T>) -> *mut Self where Self: Sized; unsafe fn c_timer_ptr(this: *const Self) -> *const bindings::hrtimer; unsafe fn start(this: *const Self, expires: <Self::TimerMode as HrTimerMode>::Expires); }',
      },
    ],
    changes: [{ version: '6.17', note: 'Added associated type `TimerMode`, which fixes the mode, clock and expiry type of the timer.' }],
    docs:
      'Links a struct to its `HrTimer<T>` field. It is an unsafe trait with pointer-arithmetic methods; do not implement it by hand, use `impl_has_hr_timer!`, which only compiles if the named field really is an `HrTimer<T>`. ' +
      'The `c_timer_ptr` and `start` methods are provided; the pointer impls call `start`, drivers normally do not.',
    link: `${H}trait.HasHrTimer.html`,
    note: N617,
  },
  {
    path: 'kernel::time::hrtimer::HasHrTimer::TimerMode',
    kind: 'assoc-type',
    since: '6.17',
    signatures: [{ text: 'type TimerMode: HrTimerMode;' }],
    docs: 'The mode type (e.g. `RelativeMode<Monotonic>`) chosen with `mode:` in `impl_has_hr_timer!`. It decides the clock used by `HrTimer::new()` and the argument type of `start`.',
    link: `${H}trait.HasHrTimer.html#associatedtype.TimerMode`,
  },
  {
    path: 'kernel::time::hrtimer::HasHrTimer::raw_get_timer',
    kind: 'method',
    since: '6.15',
    signatures: [{ text: 'unsafe fn raw_get_timer(this: *const Self) -> *const HrTimer<T>' }],
    docs: 'Projects a raw pointer to the container onto its timer field without creating references. Generated by `impl_has_hr_timer!`.',
    link: `${H}trait.HasHrTimer.html#tymethod.raw_get_timer`,
  },
  {
    path: 'kernel::time::hrtimer::HasHrTimer::timer_container_of',
    kind: 'method',
    since: '6.15',
    signatures: [{ text: 'unsafe fn timer_container_of(ptr: *mut HrTimer<T>) -> *mut Self where Self: Sized' }],
    docs: 'The inverse of `raw_get_timer` (a `container_of`): from the timer field back to the containing struct. Generated by `impl_has_hr_timer!`.',
    link: `${H}trait.HasHrTimer.html#tymethod.timer_container_of`,
  },
  {
    path: 'kernel::time::hrtimer::HasHrTimer::c_timer_ptr',
    kind: 'method',
    since: '6.15',
    signatures: [{ text: 'unsafe fn c_timer_ptr(this: *const Self) -> *const bindings::hrtimer' }],
    docs: 'Provided method giving the raw C `struct hrtimer` pointer inside the container.',
    link: `${H}trait.HasHrTimer.html#method.c_timer_ptr`,
  },
  {
    path: 'kernel::time::hrtimer::HasHrTimer::start',
    kind: 'method',
    since: '6.15',
    signatures: [
      { since: '6.15', until: '6.16', text: 'unsafe fn start(this: *const Self, expires: kernel::time::Ktime)' },
      { since: '6.16', until: '6.17', text: 'unsafe fn start(this: *const Self, expires: kernel::time::hrtimer::Ktime)' },
      { since: '6.17', text: 'unsafe fn start(this: *const Self, expires: <Self::TimerMode as HrTimerMode>::Expires)' },
    ],
    changes: [
      { version: '6.17', note: 'Expiry argument typed by the mode; the C mode passed to `hrtimer_start_range_ns` now comes from `TimerMode::C_MODE` (a wrong-ID bug was fixed before 6.17 shipped).' },
    ],
    docs: 'Low-level provided method that arms the embedded timer. Safety: `this` must be valid and stay alive until the timer has fired or been cancelled. Use the pointer traits instead.',
    link: `${H}trait.HasHrTimer.html#method.start`,
  },
  {
    path: 'kernel::impl_has_hr_timer!',
    kind: 'macro',
    since: '6.15',
    signatures: [
      { since: '6.15', until: '6.17', text: 'impl_has_hr_timer! { impl$({GENERICS})? HasHrTimer<TIMER_TYPE> for SELF { self.FIELD } }' },
      { since: '6.17', text: 'impl_has_hr_timer! { impl$({GENERICS})? HasHrTimer<TIMER_TYPE> for SELF { mode: MODE_TYPE, field: self.FIELD $(,)? } }' },
    ],
    changes: [{ version: '6.17', note: 'The body now needs `mode: <HrTimerMode type>, field: self.<field>`; the bare `{ self.field }` form no longer matches.' }],
    docs:
      'Generates the `unsafe impl HasHrTimer<..>` for a struct with an `HrTimer<T>` field, with a compile-time check that the field has that type. ' +
      'It is a `#[macro_export]` macro, so it lives only at the crate root: invoke it as `kernel::impl_has_hr_timer!` or import `kernel::impl_has_hr_timer`; there is no `kernel::time::hrtimer::impl_has_hr_timer`. ' +
      'The accepted body differs by release: see `syntax::impl-has-hr-timer-bare` (6.15–6.16) and `syntax::impl-has-hr-timer-mode-field` (6.17+).',
    link: 'https://rust.docs.kernel.org/kernel/macro.impl_has_hr_timer.html',
    note: 'Declared with `#[macro_export]` in rust/kernel/time/hrtimer.rs in every tree read (6.18, 6.19, 7.0, 7.2, 7.3), which puts it at the crate root only.',
  },
  {
    path: 'syntax::impl-has-hr-timer-bare',
    kind: 'syntax',
    since: '6.15',
    until: '6.17',
    replacement: 'syntax::impl-has-hr-timer-mode-field',
    signatures: [{ text: 'impl_has_hr_timer! { impl HasHrTimer<Self> for Foo { self.timer } }' }],
    docs:
      'The 6.15–6.16 body of `impl_has_hr_timer!`: just the field path. The mode and clock are passed at runtime to `HrTimer::new(mode, clock)`. ' +
      'On 6.17+ this form is rejected; add `mode:` and `field:` keys.',
    link: 'https://rust.docs.kernel.org/kernel/macro.impl_has_hr_timer.html',
  },
  {
    path: 'syntax::impl-has-hr-timer-mode-field',
    kind: 'syntax',
    since: '6.17',
    signatures: [{ text: 'impl_has_hr_timer! { impl HasHrTimer<Self> for Foo { mode: RelativeMode<Monotonic>, field: self.timer } }' }],
    docs:
      'The 6.17+ body of `impl_has_hr_timer!`: `mode:` names an `HrTimerMode` type (e.g. `RelativeMode<Monotonic>` or `AbsoluteMode<BootTime>`) and `field:` the timer field; a trailing comma is allowed. ' +
      'The mode type sets `HasHrTimer::TimerMode`, so `start` then takes a `Delta` (relative modes) or an `Instant<C>` (absolute modes).',
    link: 'https://rust.docs.kernel.org/kernel/macro.impl_has_hr_timer.html',
    note: N617,
  },
  {
    path: 'syntax::impl-has-hr-timer-generics',
    kind: 'syntax',
    since: '6.15',
    signatures: [
      { since: '6.15', until: '6.17', text: 'impl_has_hr_timer! { impl{T: Send} HasHrTimer<Self> for Foo<T> { self.timer } }' },
      { since: '6.17', text: 'impl_has_hr_timer! { impl{T: Send} HasHrTimer<Self> for Foo<T> { mode: RelativeMode<Monotonic>, field: self.timer } }' },
    ],
    docs:
      'Generic parameters of the generated impl go in braces right after `impl`, without angle brackets: `impl{T: Send}` becomes `unsafe impl<T: Send> HasHrTimer<..> for ..`. ' +
      'Writing `impl{<T: Send>}` puts a second pair of angle brackets into the generated impl and does not compile.',
    note: 'The macro matches `impl$({$($generics:tt)*})?` and expands to `unsafe impl$(<$($generics)*>)?` (rust/kernel/time/hrtimer.rs, 6.18 through 7.3).',
    link: 'https://rust.docs.kernel.org/kernel/macro.impl_has_hr_timer.html',
  },

  // ───────────────────────── modes ─────────────────────────
  {
    path: 'kernel::time::hrtimer::HrTimerMode',
    kind: 'enum',
    since: '6.15',
    until: '6.17',
    replacement: 'kernel::time::hrtimer::HrTimerMode',
    signatures: [
      {
        text: 'pub enum HrTimerMode { Absolute, Relative, Pinned, Soft, Hard, AbsolutePinned, RelativePinned, AbsoluteSoft, RelativeSoft, AbsolutePinnedSoft, RelativePinnedSoft, AbsoluteHard, RelativeHard, AbsolutePinnedHard, RelativePinnedHard }',
      },
    ],
    docs:
      'On 6.15–6.16, a runtime enum passed to `HrTimer::new` choosing absolute/relative expiry, CPU pinning and soft/hard irq context. ' +
      'In 6.17 the same name became a sealed trait implemented by zero-sized mode types (`RelativeMode<C>`, `AbsolutePinnedSoftMode<C>`, …); the bare `Pinned`, `Soft` and `Hard` variants have no counterpart. ' +
      'This entry and the 6.17 trait share a path; tools should pick by release.',
    link: `${H}enum.HrTimerMode.html`,
  },
  {
    path: 'kernel::time::hrtimer::HrTimerMode',
    kind: 'trait',
    since: '6.17',
    signatures: [{ text: 'pub trait HrTimerMode: private::Sealed { const C_MODE: bindings::hrtimer_mode; type Clock: ClockSource; type Expires: HrTimerExpires; }' }],
    docs:
      'Sealed trait (you cannot implement it) describing a timer mode at the type level: which clock it runs on and what `start` takes. ' +
      'Implementors are the twelve `*Mode<C: ClockSource>` structs; `Absolute*` modes expire at an `Instant<C>`, `Relative*` modes after a `Delta`. ' +
      'You name one in `impl_has_hr_timer!` (`mode: RelativeMode<Monotonic>`).',
    link: `${H}trait.HrTimerMode.html`,
    note: N617,
  },
  {
    path: 'kernel::time::hrtimer::HrTimerMode::Clock',
    kind: 'assoc-type',
    since: '6.17',
    signatures: [{ text: 'type Clock: ClockSource;' }],
    docs: 'The clock (`Monotonic`, `RealTime`, `BootTime`, `Tai`) the timer is set up on; it is the `C` parameter of the mode struct.',
    link: `${H}trait.HrTimerMode.html#associatedtype.Clock`,
  },
  {
    path: 'kernel::time::hrtimer::HrTimerMode::Expires',
    kind: 'assoc-type',
    since: '6.17',
    signatures: [{ text: 'type Expires: HrTimerExpires;' }],
    docs: 'The argument type of every start function for this mode: `Instant<C>` for absolute modes, `Delta` for relative modes. Using the other one is a type error.',
    link: `${H}trait.HrTimerMode.html#associatedtype.Expires`,
  },
  {
    path: 'kernel::time::hrtimer::HrTimerMode::C_MODE',
    kind: 'const',
    since: '6.17',
    signatures: [{ text: 'const C_MODE: bindings::hrtimer_mode;' }],
    docs: 'The C `enum hrtimer_mode` value for this mode; used internally when setting up and starting the timer.',
    link: `${H}trait.HrTimerMode.html#associatedconstant.C_MODE`,
  },
  ...(
    [
      ['AbsoluteMode', 'absolute expiry (`Instant<C>`)', 'HRTIMER_MODE_ABS'],
      ['RelativeMode', 'relative expiry (`Delta`)', 'HRTIMER_MODE_REL'],
      ['AbsolutePinnedMode', 'absolute expiry, pinned to the CPU it was started on', 'HRTIMER_MODE_ABS_PINNED'],
      ['RelativePinnedMode', 'relative expiry, pinned to the CPU it was started on', 'HRTIMER_MODE_REL_PINNED'],
      ['AbsoluteSoftMode', 'absolute expiry, callback in softirq context', 'HRTIMER_MODE_ABS_SOFT'],
      ['RelativeSoftMode', 'relative expiry, callback in softirq context', 'HRTIMER_MODE_REL_SOFT'],
      ['AbsolutePinnedSoftMode', 'absolute expiry, pinned, softirq callback', 'HRTIMER_MODE_ABS_PINNED_SOFT'],
      ['RelativePinnedSoftMode', 'relative expiry, pinned, softirq callback', 'HRTIMER_MODE_REL_PINNED_SOFT'],
      ['AbsoluteHardMode', 'absolute expiry, callback in hard irq context even on PREEMPT_RT', 'HRTIMER_MODE_ABS_HARD'],
      ['RelativeHardMode', 'relative expiry, callback in hard irq context even on PREEMPT_RT', 'HRTIMER_MODE_REL_HARD'],
      ['AbsolutePinnedHardMode', 'absolute expiry, pinned, hard irq callback', 'HRTIMER_MODE_ABS_PINNED_HARD'],
      ['RelativePinnedHardMode', 'relative expiry, pinned, hard irq callback', 'HRTIMER_MODE_REL_PINNED_HARD'],
    ] as const
  ).map(
    ([name, what, c]): KbItem => ({
      path: `kernel::time::hrtimer::${name}`,
      kind: 'struct',
      since: '6.17',
      signatures: [
        {
          text: `pub struct ${name}<C: ClockSource>(PhantomData<C>);  // HrTimerMode: Clock = C, Expires = ${name.startsWith('Absolute') ? 'Instant<C>' : 'Delta'}, C_MODE = ${c}`,
        },
      ],
      docs:
        `Type-level timer mode: ${what}. It is never constructed; you only name it, as in \`mode: ${name}<Monotonic>\` inside \`impl_has_hr_timer!\`. ` +
        `Start functions then take ${name.startsWith('Absolute') ? 'an `Instant<C>` on the same clock' : 'a `Delta`'}.`,
      link: `${H}struct.${name}.html`,
    }),
  ),
  {
    path: 'kernel::time::hrtimer::HrTimerExpires',
    kind: 'trait',
    since: '6.17',
    signatures: [{ text: 'pub trait HrTimerExpires { fn as_nanos(&self) -> i64; }' }],
    docs: 'Types usable as an expiry value: implemented for `Instant<C>` (absolute) and `Delta` (relative). It turns the value into the nanosecond count the C API wants; drivers rarely call it.',
    link: `${H}trait.HrTimerExpires.html`,
  },
  {
    path: 'kernel::time::hrtimer::HrTimerExpires::as_nanos',
    kind: 'method',
    since: '6.17',
    signatures: [{ text: 'fn as_nanos(&self) -> i64' }],
    docs: 'The expiry as a raw nanosecond value (absolute time on the clock, or a duration).',
    link: `${H}trait.HrTimerExpires.html#tymethod.as_nanos`,
  },

  // ───────────────────────── helpers added for hrtimer ─────────────────────────
  {
    path: 'kernel::sync::Arc::as_ptr',
    kind: 'method',
    since: '6.15',
    signatures: [{ text: 'pub fn as_ptr(this: &Self) -> *const T' }],
    docs: 'Associated function (call it as `Arc::as_ptr(&a)`) returning a raw pointer to the shared data without touching the reference count. The pointer is valid only while some `Arc` to the object exists.',
    link: 'https://rust.docs.kernel.org/kernel/sync/struct.Arc.html#method.as_ptr',
    note: 'Absent in v6.14, present in v6.18/v6.19; 6.15 from the `rust-hrtimer-for-v6.15-v3` merge-tag shortlog.',
  },
  {
    path: 'kernel::alloc::Box::into_pin',
    aliases: ['kernel::alloc::kbox::Box::into_pin', 'kernel::alloc::KBox::into_pin', 'kernel::prelude::KBox::into_pin'],
    kind: 'method',
    since: '6.15',
    signatures: [{ text: 'pub fn into_pin(this: Self) -> Pin<Self>' }],
    docs: 'Associated function (`KBox::into_pin(b)`) turning an existing box into a pinned box without reallocating, mirroring the standard library. After this the contents may not be moved out unless `T: Unpin`.',
    link: 'https://rust.docs.kernel.org/kernel/alloc/kbox/struct.Box.html#method.into_pin',
    note: 'Absent in v6.14, present in v6.18/v6.19; 6.15 from the `rust-hrtimer-for-v6.15-v3` merge-tag shortlog.',
  },
];
