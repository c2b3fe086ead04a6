/** kernel::time (Jiffies, Ktime, Instant, Delta and its units, ClockId, ClockSource and clocks, delay::fsleep/udelay); read: 6.12 (Debian 6.12.117), v6.14, v6.18, v6.19, 7.0, 7.2 (Debian 7.2.12) and 7.3 (Debian 7.3.4) trees, 6.15/6.16 time.rs file versions, 6.17 reconstructed from v6.18 minus dated commits; 7.1 bracketed by 7.0 and 7.2. */
import type { KbItem } from '../types';

const T = 'https://rust.docs.kernel.org/kernel/time/';

const PRE612 = (what: string, rel: string): string =>
  `${what} is present in the 6.12 and 6.14 files. ${rel}`;

/** Checked in the trees: kernel/time.rs is absent in v6.8; v6.9 has only jiffies; v6.10-rc5 adds Ktime. */
const READ_69_610 = 'Read: absent in v6.8, present in v6.9 (jiffies only); `Ktime` and `NSEC_PER_MSEC` absent in v6.9, present in v6.10-rc5.';

/** time.rs is byte-identical in the 6.18, 6.19 and 7.0 trees; the 7.1 changes below are bracketed by the 7.0 and 7.2 trees. */
const N71 =
  'No 7.1 tree was read: absent from the 7.0 tree (rust/kernel/time.rs identical to 6.18 and 6.19), present in the 7.2 tree (Debian 7.2.12). The change is put at 7.1 after the 7.x facts survey, which diffed a 7.1 tree; that tree is not here, so 7.1 itself stays open.';

/** The Delta time-unit rework: absent in the 7.2 tree, present in the 7.3 tree. */
const N73 =
  'Absent in the 7.2 tree (Debian 7.2.12), present in the 7.3 tree (Debian 7.3.4, rust/kernel/time.rs). The 7.x facts survey names mainline commit 2e0d41002a27 (2026-08-11, in the 7.3 merge window) for it; that commit was not read here.';

const N617 =
  'No 6.17 tree was read. The 6.17 state is the v6.18 file minus commits dated 2025-09-04 (6.18), plus the merge tag `rust-timekeeping-for-v6.17` (generic Instant, ClockSource, fsleep, 32-bit-safe divisions).';

export const time: readonly KbItem[] = [
  {
    path: 'kernel::time',
    kind: 'module',
    since: '6.9',
    docs:
      'Time primitives for Rust kernel code. The module was reworked twice: 6.16 replaced `Ktime` with `Instant` (a point in time) and `Delta` (a span), and 6.17 made `Instant` generic over a clock type and replaced the `ClockId` enum with `ClockSource` marker types. ' +
      'The submodules are `hrtimer` (6.15+) and `delay` (6.17+). From 7.1 `ClockSource` is an `unsafe trait`; 7.3 made `Delta` generic over a time unit (`Delta<Nsec>` by default, `Delta<Jiffy>`); in 7.4 the `ClockSource` trait is renamed `ClockId` (a name that meant an enum on 6.15–6.16).',
    link: `${T}index.html`,
    note: PRE612(
      'The module (with `msecs_to_jiffies`)',
      READ_69_610,
    ),
  },

  // ───────────────────────── jiffies ─────────────────────────
  {
    path: 'kernel::time::Jiffies',
    kind: 'type-alias',
    since: '6.9',
    signatures: [{ text: 'pub type Jiffies = c_ulong;' }],
    docs: 'The kernel tick counter unit (1/HZ seconds) as a plain integer alias. It takes no units into account, so it mixes freely with any `c_ulong`; used for example by `CondVar::wait_interruptible_timeout`.',
    link: `${T}type.Jiffies.html`,
    note: PRE612('`Jiffies`', READ_69_610),
  },
  {
    path: 'kernel::time::Msecs',
    kind: 'type-alias',
    since: '6.9',
    signatures: [{ text: 'pub type Msecs = c_uint;' }],
    docs: 'Milliseconds as a plain `c_uint`, the input type of `msecs_to_jiffies`.',
    link: `${T}type.Msecs.html`,
    note: PRE612('`Msecs`', READ_69_610),
  },
  {
    path: 'kernel::time::msecs_to_jiffies',
    kind: 'fn',
    since: '6.9',
    signatures: [{ text: 'pub fn msecs_to_jiffies(msecs: Msecs) -> Jiffies' }],
    docs: 'Converts milliseconds to jiffies, rounding up the way the C helper does. Safe for any input; huge values saturate to the maximum jiffies timeout.',
    link: `${T}fn.msecs_to_jiffies.html`,
    note: PRE612('`msecs_to_jiffies`', READ_69_610),
  },

  // ───────────────────────── Ktime (old) ─────────────────────────
  {
    path: 'kernel::time::Ktime',
    kind: 'struct',
    since: '6.10',
    until: '6.16',
    replacement: 'kernel::time::Instant',
    signatures: [{ text: '#[repr(transparent)] #[derive(Copy, Clone)] pub struct Ktime { /* ktime_t */ }  // impl Sub for Ktime' }],
    changes: [{ version: '6.15', note: 'Became the expiry type of the new hrtimer start functions.' }],
    docs:
      'Thin wrapper over a C `ktime_t` (signed nanoseconds) used both for points in time and for durations. ' +
      'Removed in 6.16 in favour of `Instant` (point in time) and `Delta` (span); the hrtimer module kept a private stand-in for 6.16 only. ' +
      'On 6.15 an hrtimer expiry is built with `Ktime::from_raw(nanoseconds)`.',
    link: `${T}struct.Ktime.html`,
    note: PRE612(
      '`Ktime`',
      `${READ_69_610} Present in the 6.15 file, absent in the 6.16 one.`,
    ),
  },
  {
    path: 'kernel::time::Ktime::from_raw',
    kind: 'method',
    since: '6.10',
    until: '6.16',
    signatures: [{ text: 'pub fn from_raw(inner: bindings::ktime_t) -> Self' }],
    docs: 'Wraps a raw nanosecond `ktime_t`. It is the only way to build a relative or absolute hrtimer expiry on 6.15.',
    link: `${T}struct.Ktime.html#method.from_raw`,
    note: 'Same since/until evidence as `kernel::time::Ktime`.',
  },
  {
    path: 'kernel::time::Ktime::ktime_get',
    kind: 'method',
    since: '6.10',
    until: '6.16',
    replacement: 'kernel::time::Instant::now',
    signatures: [{ text: 'pub fn ktime_get() -> Self' }],
    docs: 'Current `CLOCK_MONOTONIC` time. Do not call it from NMI context. Replaced by `Instant::now()` in 6.16.',
    link: `${T}struct.Ktime.html#method.ktime_get`,
    note: 'Same since/until evidence as `kernel::time::Ktime`.',
  },
  {
    path: 'kernel::time::Ktime::to_ns',
    kind: 'method',
    since: '6.10',
    until: '6.16',
    replacement: 'kernel::time::Delta::as_nanos',
    signatures: [{ text: 'pub fn to_ns(self) -> i64' }],
    docs: 'The raw nanosecond value.',
    link: `${T}struct.Ktime.html#method.to_ns`,
    note: 'Same since/until evidence as `kernel::time::Ktime`.',
  },
  {
    path: 'kernel::time::Ktime::to_ms',
    kind: 'method',
    since: '6.10',
    until: '6.16',
    replacement: 'kernel::time::Delta::as_millis',
    signatures: [{ text: 'pub fn to_ms(self) -> i64' }],
    docs: 'The value in whole milliseconds (truncating division).',
    link: `${T}struct.Ktime.html#method.to_ms`,
    note: 'Same since/until evidence as `kernel::time::Ktime`.',
  },
  {
    path: 'kernel::time::ktime_ms_delta',
    kind: 'fn',
    since: '6.10',
    until: '6.16',
    replacement: 'kernel::time::Delta::as_millis',
    signatures: [{ text: 'pub fn ktime_ms_delta(later: Ktime, earlier: Ktime) -> i64' }],
    docs: 'Milliseconds between two `Ktime`s. From 6.16 write `(later - earlier).as_millis()` with `Instant`s, or `start.elapsed().as_millis()`.',
    link: `${T}fn.ktime_ms_delta.html`,
    note: 'Same since/until evidence as `kernel::time::Ktime` (it came with the same patch).',
  },
  {
    path: 'kernel::time::NSEC_PER_MSEC',
    kind: 'const',
    since: '6.10',
    signatures: [{ text: 'pub const NSEC_PER_MSEC: i64' }],
    docs: 'Nanoseconds per millisecond (1_000_000) as `i64`.',
    link: `${T}constant.NSEC_PER_MSEC.html`,
    note: PRE612('`NSEC_PER_MSEC`', `${READ_69_610} Present through v6.19.`),
  },
  {
    path: 'kernel::time::NSEC_PER_USEC',
    kind: 'const',
    since: '6.16',
    signatures: [{ text: 'pub const NSEC_PER_USEC: i64' }],
    docs: 'Nanoseconds per microsecond (1_000) as `i64`.',
    link: `${T}constant.NSEC_PER_USEC.html`,
  },
  {
    path: 'kernel::time::NSEC_PER_SEC',
    kind: 'const',
    since: '6.16',
    signatures: [{ text: 'pub const NSEC_PER_SEC: i64' }],
    docs: 'Nanoseconds per second (1_000_000_000) as `i64`.',
    link: `${T}constant.NSEC_PER_SEC.html`,
  },

  // ───────────────────────── Instant ─────────────────────────
  {
    path: 'kernel::time::Instant',
    kind: 'struct',
    since: '6.16',
    signatures: [
      { since: '6.16', until: '6.17', text: '#[repr(transparent)] #[derive(Copy, Clone, PartialEq, PartialOrd, Eq, Ord)] pub struct Instant { /* ktime_t, CLOCK_MONOTONIC */ }' },
      { since: '6.17', text: '#[repr(transparent)] #[derive(PartialEq, PartialOrd, Eq, Ord)] pub struct Instant<C: ClockSource> { /* ktime_t */ }  // Copy + Clone' },
    ],
    changes: [
      { version: '6.17', note: 'Became generic over the clock: `Instant<C: ClockSource>`; bare `Instant` no longer names a type, write `Instant<Monotonic>`.' },
      { version: '6.18', note: 'Added `Instant<C> + Delta` and `Instant<C> - Delta` (giving `Instant<C>`).' },
    ],
    docs:
      'A point in time, always in `0..=KTIME_MAX`. `Instant - Instant` gives a `Delta`; from 6.18 you can also add or subtract a `Delta`. ' +
      'On 6.16 it always reads `CLOCK_MONOTONIC`. From 6.17 the clock is a type parameter, so mixing clocks (e.g. subtracting a `BootTime` instant from a `Monotonic` one) is a compile error. ' +
      'With overflow checks enabled, arithmetic that leaves the valid range panics.',
    link: `${T}struct.Instant.html`,
    note: N617,
  },
  {
    path: 'kernel::time::Instant::now',
    kind: 'method',
    since: '6.16',
    signatures: [
      { since: '6.16', until: '6.17', text: 'pub fn now() -> Self  // CLOCK_MONOTONIC' },
      { since: '6.17', text: 'impl<C: ClockSource> Instant<C> { pub fn now() -> Self }  // reads C::ktime_get()' },
    ],
    changes: [{ version: '6.17', note: 'Reads the clock given by the type parameter; call as `Instant::<Monotonic>::now()` unless the type is inferred.' }],
    docs: 'Reads the current time. From 6.17 the clock must be known from the type, e.g. `let t: Instant<Monotonic> = Instant::now();`.',
    link: `${T}struct.Instant.html#method.now`,
  },
  {
    path: 'kernel::time::Instant::elapsed',
    kind: 'method',
    since: '6.16',
    signatures: [{ text: 'pub fn elapsed(&self) -> Delta' }],
    docs: 'Time passed since this instant on the same clock (`now() - *self`). On `RealTime` the result can be negative if the wall clock was set backwards.',
    link: `${T}struct.Instant.html#method.elapsed`,
  },

  // ───────────────────────── Delta ─────────────────────────
  {
    path: 'kernel::time::Delta',
    kind: 'struct',
    since: '6.16',
    signatures: [
      { until: '7.3', text: '#[derive(Copy, Clone, PartialEq, PartialOrd, Eq, Ord, Debug)] pub struct Delta { /* nanos: i64 */ }' },
      { since: '7.3', text: '#[derive(Copy, Clone, PartialEq, PartialOrd, Eq, Ord, Debug)] pub struct Delta<U: TimeUnit = Nsec> { /* value: U::Repr */ }' },
    ],
    changes: [
      { version: '6.18', note: 'Gained arithmetic: `Delta ± Delta`, `+=`/`-=`, `Delta * i64`, `*=` and `Delta / Delta -> i64`, plus `rem_nanos`.' },
      { version: '7.1', note: 'Gained the `const fn from_nanos` constructor.' },
      { version: '7.3', note: 'Became generic over its unit: `Delta<U: TimeUnit = Nsec>`. Plain `Delta` still means nanoseconds and keeps every method; `Delta<Jiffy>` only has `from_jiffies`/`as_jiffies`.' },
    ],
    docs:
      'A signed span of time; it can be negative. Build one with the saturating constructors `from_micros`/`from_millis`/`from_secs`, with `Delta::ZERO`, or by subtracting two `Instant`s. ' +
      'It is the argument of `fsleep`/`udelay` and the expiry type of relative hrtimer modes (6.17+). There is no `%` operator (not available on 32-bit); use `rem_nanos`. ' +
      'Up to 7.2 it always counts nanoseconds. From 7.3 the unit is a type parameter that defaults to nanoseconds, so code writing plain `Delta` keeps compiling; the conversions and arithmetic exist only for the nanosecond form.',
    link: `${T}struct.Delta.html`,
    note: N73,
  },
  {
    path: 'kernel::time::Delta::from_nanos',
    kind: 'method',
    since: '7.1',
    signatures: [{ text: 'pub const fn from_nanos(nanos: i64) -> Self' }],
    docs: 'A span of exactly `nanos` nanoseconds (no scaling, so nothing to saturate). Usable in `const` items.',
    link: `${T}struct.Delta.html#method.from_nanos`,
    note: `${N71} Checked later against the 7.1.5 tree (danayer/linux-7.1.5, Makefile 7.1.5): it is there, so 7.1 is its first release.`,
  },
  {
    path: 'kernel::time::Delta::as_millis_ceil',
    kind: 'method',
    since: '7.3',
    signatures: [{ text: 'pub fn as_millis_ceil(self) -> i64' }],
    docs: 'The span in milliseconds, rounded up (toward positive infinity), so a timeout built from it is never shorter than the span. Not `const`.',
    link: `${T}struct.Delta.html#method.as_millis_ceil`,
    note: 'Absent in the 7.2 tree (Debian 7.2.12), present in the 7.3 tree (Debian 7.3.4).',
  },
  {
    path: 'kernel::time::TimeUnit',
    kind: 'trait',
    since: '7.3',
    signatures: [{ text: 'pub trait TimeUnit: private::Sealed { type Repr: Copy + Clone + PartialEq + PartialOrd + Eq + Ord + Debug; }' }],
    docs: 'Sealed trait naming the unit a `Delta<U>` counts in and the integer type that holds it. Only `Nsec` (`i64`) and `Jiffy` (`isize`) implement it; you cannot add units.',
    link: `${T}trait.TimeUnit.html`,
    note: N73,
  },
  {
    path: 'kernel::time::TimeUnit::Repr',
    kind: 'assoc-type',
    since: '7.3',
    signatures: [{ text: 'type Repr: Copy + Clone + PartialEq + PartialOrd + Eq + Ord + Debug;' }],
    docs: 'The stored integer type: `i64` for `Nsec`, `isize` for `Jiffy`.',
    link: `${T}trait.TimeUnit.html#associatedtype.Repr`,
  },
  {
    path: 'kernel::time::Nsec',
    kind: 'enum',
    since: '7.3',
    signatures: [{ text: '#[derive(Copy, Clone, PartialEq, PartialOrd, Eq, Ord, Debug)] pub enum Nsec {}  // impl TimeUnit, Repr = i64' }],
    docs: 'Nanoseconds as a time unit, and the default parameter of `Delta`: `Delta` and `Delta<Nsec>` are the same type. An empty enum used only as a type parameter, never as a value.',
    link: `${T}enum.Nsec.html`,
    note: N73,
  },
  {
    path: 'kernel::time::Jiffy',
    kind: 'enum',
    since: '7.3',
    signatures: [{ text: '#[derive(Copy, Clone, PartialEq, PartialOrd, Eq, Ord, Debug)] pub enum Jiffy {}  // impl TimeUnit, Repr = isize' }],
    docs: 'Scheduler ticks (jiffies) as a time unit, for `Delta<Jiffy>`. An empty enum used only as a type parameter. Unlike the plain `Jiffies` integer alias, a `Delta<Jiffy>` cannot be mixed up with other integers or with nanosecond spans.',
    link: `${T}enum.Jiffy.html`,
    note: N73,
  },
  {
    path: 'kernel::time::Delta::from_jiffies',
    kind: 'method',
    since: '7.3',
    signatures: [{ text: 'impl Delta<Jiffy> { pub const fn from_jiffies(jiffies: isize) -> Self }' }],
    docs: 'A span of `jiffies` ticks, stored as is. It exists only on `Delta<Jiffy>`: write `Delta::<Jiffy>::from_jiffies(n)`. There is no conversion to or from nanosecond deltas on this type.',
    link: `${T}struct.Delta.html#method.from_jiffies`,
    note: N73,
  },
  {
    path: 'kernel::time::Delta::as_jiffies',
    kind: 'method',
    since: '7.3',
    signatures: [{ text: 'impl Delta<Jiffy> { pub const fn as_jiffies(self) -> isize }' }],
    docs: 'The tick count of a `Delta<Jiffy>`.',
    link: `${T}struct.Delta.html#method.as_jiffies`,
    note: N73,
  },
  {
    path: 'kernel::time::Delta::ZERO',
    kind: 'const',
    since: '6.16',
    signatures: [{ text: 'pub const ZERO: Self' }],
    docs: 'A span of zero nanoseconds; handy as a starting value or to compare against.',
    link: `${T}struct.Delta.html#associatedconstant.ZERO`,
  },
  {
    path: 'kernel::time::Delta::from_micros',
    kind: 'method',
    since: '6.16',
    signatures: [{ text: 'pub const fn from_micros(micros: i64) -> Self' }],
    docs: 'A span of `micros` microseconds. Saturates at the `i64` nanosecond limits instead of overflowing. Usable in `const` items.',
    link: `${T}struct.Delta.html#method.from_micros`,
  },
  {
    path: 'kernel::time::Delta::from_millis',
    kind: 'method',
    since: '6.16',
    signatures: [{ text: 'pub const fn from_millis(millis: i64) -> Self' }],
    docs: 'A span of `millis` milliseconds, saturating on overflow. Usable in `const` items.',
    link: `${T}struct.Delta.html#method.from_millis`,
  },
  {
    path: 'kernel::time::Delta::from_secs',
    kind: 'method',
    since: '6.16',
    signatures: [{ text: 'pub const fn from_secs(secs: i64) -> Self' }],
    docs: 'A span of `secs` seconds, saturating on overflow. Usable in `const` items.',
    link: `${T}struct.Delta.html#method.from_secs`,
  },
  {
    path: 'kernel::time::Delta::is_zero',
    kind: 'method',
    since: '6.16',
    signatures: [{ text: 'pub fn is_zero(self) -> bool' }],
    docs: 'True if the span is exactly zero.',
    link: `${T}struct.Delta.html#method.is_zero`,
  },
  {
    path: 'kernel::time::Delta::is_negative',
    kind: 'method',
    since: '6.16',
    signatures: [{ text: 'pub fn is_negative(self) -> bool' }],
    docs: 'True if the span is below zero, e.g. when the two instants were subtracted in the wrong order.',
    link: `${T}struct.Delta.html#method.is_negative`,
  },
  {
    path: 'kernel::time::Delta::as_nanos',
    kind: 'method',
    since: '6.16',
    signatures: [{ text: 'pub const fn as_nanos(self) -> i64' }],
    docs: 'The span in nanoseconds.',
    link: `${T}struct.Delta.html#method.as_nanos`,
  },
  {
    path: 'kernel::time::Delta::as_micros_ceil',
    kind: 'method',
    since: '6.16',
    signatures: [
      { since: '6.16', until: '6.17', text: 'pub const fn as_micros_ceil(self) -> i64' },
      { since: '6.17', text: 'pub fn as_micros_ceil(self) -> i64' },
    ],
    changes: [{ version: '6.17', note: 'No longer `const fn` (32-bit builds now use a C helper for the division).' }],
    docs: 'The span in microseconds, rounded up, so a delay built from it is never shorter than asked. Cannot be used in `const` context from 6.17.',
    link: `${T}struct.Delta.html#method.as_micros_ceil`,
    confidence: 'uncertain',
    uncertainAbout: ['signatures'],
    note: 'const in the 6.16 file, non-const in v6.18. Put at 6.17 because the `rust-timekeeping-for-v6.17` merge lists "avoid 64-bit divisions on 32-bit", and a 2025-08-07 patch posted against the 6.17-era file already shows the C-helper form. The 6.17 file itself was not read.',
  },
  {
    path: 'kernel::time::Delta::as_millis',
    kind: 'method',
    since: '6.16',
    signatures: [
      { since: '6.16', until: '6.17', text: 'pub const fn as_millis(self) -> i64' },
      { since: '6.17', text: 'pub fn as_millis(self) -> i64' },
    ],
    changes: [{ version: '6.17', note: 'No longer `const fn` (32-bit builds use `ktime_to_ms`).' }],
    docs: 'The span in whole milliseconds, truncated toward zero.',
    link: `${T}struct.Delta.html#method.as_millis`,
    confidence: 'uncertain',
    uncertainAbout: ['signatures'],
    note: 'Same evidence as `Delta::as_micros_ceil`: const in 6.16, non-const in v6.18, change put at 6.17 from the merge message and an Aug-2025 patch context.',
  },
  {
    path: 'kernel::time::Delta::rem_nanos',
    kind: 'method',
    since: '6.18',
    signatures: [{ text: 'pub fn rem_nanos(self, dividend: i32) -> Self' }],
    docs: 'Remainder of the span divided by `dividend` nanoseconds. The divisor is only 32 bits wide because the kernel has no 64-by-64-bit remainder on 32-bit targets.',
    link: `${T}struct.Delta.html#method.rem_nanos`,
  },

  // ───────────────────────── clocks ─────────────────────────
  {
    path: 'kernel::time::ClockId',
    kind: 'enum',
    since: '6.15',
    until: '6.17',
    replacement: 'kernel::time::ClockSource',
    signatures: [{ text: '#[derive(Clone, Copy, PartialEq, Eq, Debug)] #[repr(u32)] pub enum ClockId { RealTime, Monotonic, BootTime, TAI }' }],
    docs:
      'Runtime clock selector of 6.15–6.16, defined in `kernel::time` (the hrtimer module only imports it privately) and passed as the second argument of `HrTimer::new`, e.g. `ClockId::Monotonic`. ' +
      'In 6.17 it was replaced by the `ClockSource` trait and the marker types `RealTime`, `Monotonic`, `BootTime` and `Tai` (note the spelling change from `TAI`). ' +
      'Releases 6.17–7.3 have no `kernel::time::ClockId` at all; from 7.4 the name is reused for the trait that `ClockSource` was renamed to, which is a different kind of item.',
    link: `${T}enum.ClockId.html`,
    note: `${N617} The enum is in the 6.15 and 6.16 rust/kernel/time.rs file versions; hrtimer.rs of those releases has a private \`use super::ClockId;\`.`,
  },
  {
    path: 'kernel::time::ClockId::RealTime',
    kind: 'variant',
    since: '6.15',
    until: '6.17',
    replacement: 'kernel::time::RealTime',
    signatures: [{ text: 'ClockId::RealTime  // variant of pub enum ClockId, #[repr(u32)]' }],
    docs: 'A value of the 6.15–6.16 `ClockId` enum: wall-clock time (`CLOCK_REALTIME`), which can jump when the time is set. From 6.17 the clock is a type instead: the unit struct `kernel::time::RealTime`.',
    link: `${T}enum.ClockId.html#variant.RealTime`,
  },
  {
    path: 'kernel::time::ClockId::Monotonic',
    kind: 'variant',
    since: '6.15',
    until: '6.17',
    replacement: 'kernel::time::Monotonic',
    signatures: [{ text: 'ClockId::Monotonic  // variant of pub enum ClockId, #[repr(u32)]' }],
    docs: 'A value of the 6.15–6.16 `ClockId` enum: `CLOCK_MONOTONIC`, which never jumps and stops during suspend; the usual choice, as in `HrTimer::new(HrTimerMode::Relative, ClockId::Monotonic)`. From 6.17 the clock is a type instead: the unit struct `kernel::time::Monotonic`.',
    link: `${T}enum.ClockId.html#variant.Monotonic`,
  },
  {
    path: 'kernel::time::ClockId::BootTime',
    kind: 'variant',
    since: '6.15',
    until: '6.17',
    replacement: 'kernel::time::BootTime',
    signatures: [{ text: 'ClockId::BootTime  // variant of pub enum ClockId, #[repr(u32)]' }],
    docs: 'A value of the 6.15–6.16 `ClockId` enum: `CLOCK_BOOTTIME`, like monotonic but counting time spent in suspend. From 6.17 the clock is a type instead: the unit struct `kernel::time::BootTime`.',
    link: `${T}enum.ClockId.html#variant.BootTime`,
  },
  {
    path: 'kernel::time::ClockId::TAI',
    kind: 'variant',
    since: '6.15',
    until: '6.17',
    replacement: 'kernel::time::Tai',
    signatures: [{ text: 'ClockId::TAI  // variant of pub enum ClockId, #[repr(u32)]' }],
    docs: 'A value of the 6.15–6.16 `ClockId` enum: `CLOCK_TAI`, atomic time that follows the wall clock without leap-second steps. From 6.17 the clock is the unit struct `kernel::time::Tai` (different spelling).',
    link: `${T}enum.ClockId.html#variant.TAI`,
  },
  {
    path: 'kernel::time::ClockSource',
    kind: 'trait',
    since: '6.17',
    signatures: [
      { until: '7.1', text: 'pub trait ClockSource { const ID: bindings::clockid_t; fn ktime_get() -> bindings::ktime_t; }' },
      { since: '7.1', text: 'pub unsafe trait ClockSource { const ID: bindings::clockid_t; fn ktime_get() -> bindings::ktime_t; }' },
    ],
    changes: [
      { version: '7.1', note: 'Became an `unsafe trait`: implementations must be written `unsafe impl ClockSource for …` and promise that `ktime_get` stays in `0..=KTIME_MAX`.' },
    ],
    docs:
      'Marker trait for the POSIX clock an `Instant<C>` or an hrtimer mode uses, implemented by `Monotonic`, `RealTime`, `BootTime` and `Tai`. ' +
      'It has nothing to do with the C `struct clocksource` (hardware counters). Pick `Monotonic` unless you need wall-clock or suspend-aware time. ' +
      'It is not sealed, but an implementation must return values in `0..=KTIME_MAX` from `ktime_get`: up to 7.0 that is only a documented rule of a safe trait, from 7.1 it is the safety contract of an `unsafe trait`.',
    link: `${T}trait.ClockSource.html`,
    until: '7.4',
    replacement: 'kernel::time::ClockId',
    confidence: 'uncertain',
    uncertainAbout: ['until'],
    note: `${N617} The \`unsafe trait\` form: ${N71} The 7.4 rename comes from the merge tag \`rust-timekeeping-for-v7.4-rc1\` (2026-10-11) as reported by the 7.x facts survey; no 7.4 tree was read. Checked later against the 7.1.5 tree (danayer/linux-7.1.5, Makefile 7.1.5): its 7.1 signature is as given.`,
  },
  {
    path: 'kernel::time::ClockSource::ID',
    kind: 'const',
    since: '6.17',
    signatures: [{ text: 'const ID: bindings::clockid_t;' }],
    docs: 'The C `clockid_t` of the clock (e.g. `CLOCK_MONOTONIC`), used when setting up an hrtimer.',
    link: `${T}trait.ClockSource.html#associatedconstant.ID`,
    until: '7.4',
    replacement: 'kernel::time::ClockId::ID',
    confidence: 'uncertain',
    uncertainAbout: ['until'],
    note: 'Renamed with its trait in the 7.4 merge window; no 7.4 tree was read.',
  },
  {
    path: 'kernel::time::ClockSource::ktime_get',
    kind: 'method',
    since: '6.17',
    signatures: [{ text: 'fn ktime_get() -> bindings::ktime_t' }],
    docs: 'Reads the clock as raw nanoseconds; `Instant::<C>::now()` wraps this. Not for NMI context.',
    link: `${T}trait.ClockSource.html#tymethod.ktime_get`,
    until: '7.4',
    replacement: 'kernel::time::ClockId::ktime_get',
    confidence: 'uncertain',
    uncertainAbout: ['until'],
    note: 'Renamed with its trait in the 7.4 merge window; no 7.4 tree was read.',
  },
  {
    path: 'kernel::time::ClockId',
    kind: 'trait',
    since: '7.4',
    signatures: [{ text: 'pub unsafe trait ClockId { const ID: bindings::clockid_t; fn ktime_get() -> bindings::ktime_t; }' }],
    docs:
      'The 7.4 name of the clock trait that 6.17–7.3 call `ClockSource` (same members, same `unsafe` contract): `Instant<C: ClockId>` and the hrtimer modes are generic over it, and `Monotonic`, `RealTime`, `BootTime` and `Tai` implement it. ' +
      'Not to be confused with the `ClockId` enum of 6.15–6.16, which was a runtime value (`ClockId::Monotonic`) rather than a trait bound.',
    link: `${T}trait.ClockId.html`,
    confidence: 'uncertain',
    uncertainAbout: ['since'],
    knownAbsentIn: '7.3',
    note: 'From the merge tag `rust-timekeeping-for-v7.4-rc1` (2026-10-11) as reported by the 7.x facts survey; 7.4 is still in development and no 7.4 tree was read. The 7.3.4 tree has `ClockSource` and no `ClockId`.',
  },
  {
    path: 'kernel::time::ClockId::ID',
    kind: 'const',
    since: '7.4',
    signatures: [{ text: 'const ID: bindings::clockid_t;' }],
    docs: 'The C `clockid_t` of the clock (e.g. `CLOCK_MONOTONIC`); `ClockSource::ID` before 7.4.',
    link: `${T}trait.ClockId.html#associatedconstant.ID`,
    confidence: 'uncertain',
    uncertainAbout: ['since'],
    knownAbsentIn: '7.3',
    note: 'Renamed from `ClockSource::ID` with its trait in the 7.4 merge window; no 7.4 tree was read.',
  },
  {
    path: 'kernel::time::ClockId::ktime_get',
    kind: 'method',
    since: '7.4',
    signatures: [{ text: 'fn ktime_get() -> bindings::ktime_t' }],
    docs: 'Reads the clock as raw nanoseconds; `ClockSource::ktime_get` before 7.4.',
    link: `${T}trait.ClockId.html#tymethod.ktime_get`,
    confidence: 'uncertain',
    uncertainAbout: ['since'],
    knownAbsentIn: '7.3',
    note: 'Renamed from `ClockSource::ktime_get` with its trait in the 7.4 merge window; no 7.4 tree was read.',
  },
  ...(
    [
      ['Monotonic', 'CLOCK_MONOTONIC', 'Steady time since boot that never jumps and stops while suspended. The right default for timeouts and periodic work.', 'Monotonic'],
      ['RealTime', 'CLOCK_REALTIME', 'Wall-clock (UTC) time. It can jump when the time is set, so do not use it to measure intervals.', 'RealTime'],
      ['BootTime', 'CLOCK_BOOTTIME', 'Like `Monotonic`, but also counts time spent in suspend.', 'BootTime'],
      ['Tai', 'CLOCK_TAI', 'International Atomic Time: tied to the wall clock but without leap-second steps. Replaces `ClockId::TAI`.', 'TAI'],
    ] as const
  ).map(
    ([name, c, what, old]): KbItem => ({
      path: `kernel::time::${name}`,
      kind: 'struct',
      since: '6.17',
      signatures: [
        { until: '7.1', text: `pub struct ${name};  // impl ClockSource, ID = ${c}` },
        { since: '7.1', text: `pub struct ${name};  // unsafe impl ClockSource, ID = ${c}` },
      ],
      docs:
        `${what} A zero-sized marker used as a type parameter, e.g. \`Instant<${name}>\` or \`RelativeMode<${name}>\`, never as a value. ` +
        `On 6.15–6.16 there is no such type: the clock is a value of the \`ClockId\` enum instead (\`ClockId::${old}\`).`,
      link: `${T}struct.${name}.html`,
    }),
  ),

  // ───────────────────────── delay ─────────────────────────
  {
    path: 'kernel::time::delay',
    kind: 'module',
    since: '6.17',
    docs: 'Sleep and busy-wait helpers that take a `Delta`: `fsleep` (6.17+) and `udelay` (6.19+).',
    link: `${T}delay/index.html`,
    note: N617,
  },
  {
    path: 'kernel::time::delay::fsleep',
    kind: 'fn',
    since: '6.17',
    signatures: [{ text: 'pub fn fsleep(delta: Delta)' }],
    docs:
      'Sleeps for at least `delta`, letting the C side pick between busy-waiting, `usleep_range` and `msleep` by length. It may sleep, so call it only where sleeping is allowed (not under a spinlock or in irq context); nothing checks this at compile time. ' +
      'Values outside 0..=`i32::MAX` microseconds are clamped to the maximum rather than meaning "forever" as in C. Example: `fsleep(Delta::from_millis(5))`.',
    link: `${T}delay/fn.fsleep.html`,
    note: 'Present in v6.18/v6.19, absent in the 6.16 file (no `delay` module); the time.rs log dates "Add wrapper for fsleep() function" 2025-06-30, merged with `rust-timekeeping-for-v6.17`.',
  },
  {
    path: 'kernel::time::delay::udelay',
    kind: 'fn',
    since: '6.19',
    signatures: [{ text: 'pub fn udelay(delta: Delta)' }],
    docs:
      'Busy-waits for at least `delta` without sleeping, so it is usable in atomic context, but it burns CPU: keep it to short waits. ' +
      'The valid range is 0..=`MAX_UDELAY_MS` milliseconds; debug builds assert on values outside it, and other builds clamp to that range.',
    link: `${T}delay/fn.udelay.html`,
    note: 'Absent in v6.18 delay.rs, present in the v6.19 tree (rev 094d86945).',
  },
];
