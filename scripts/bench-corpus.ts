// Generates kernel-style Rust for the benchmark and the robustness tests: deterministic, varied, our own code.
import * as fs from 'node:fs';
import * as path from 'node:path';

/** A small seeded random source (mulberry32), so every run generates the same corpus. */
export class Rng {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** A float in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** An integer in [0, n). */
  int(n: number): number {
    return Math.floor(this.next() * n);
  }

  pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)];
  }
}

const NOUNS = ['ring', 'queue', 'chan', 'slot', 'port', 'bank', 'lane', 'cell', 'pool', 'desc', 'irq', 'fifo', 'page', 'zone', 'ctl'];
const VERBS = ['poll', 'flush', 'reset', 'drain', 'probe', 'arm', 'kick', 'sync', 'park', 'scan', 'tick', 'sweep'];
const TYPES = ['u32', 'u64', 'usize', 'i32', 'bool', 'u8'];

function ident(rng: Rng, i: number): string {
  return `${rng.pick(NOUNS)}_${rng.pick(VERBS)}_${i}`;
}

function camel(s: string): string {
  return s.replace(/(^|_)([a-z0-9])/g, (_m, _u: string, c: string) => c.toUpperCase());
}

/** One block of code; each returns its lines. */
type Unit = (rng: Rng, i: number) => string[];

const pinInitStruct: Unit = (rng, i) => {
  const name = camel(ident(rng, i));
  const ty = rng.pick(TYPES);
  const lock = rng.pick(['Mutex', 'SpinLock']);
  const ctor = lock === 'Mutex' ? 'new_mutex' : 'new_spinlock';
  return [
    `/// Shared state of ${name.toLowerCase()}, kept behind a ${lock.toLowerCase()}.`,
    '#[pin_data]',
    `pub struct ${name} {`,
    '    #[pin]',
    `    inner: ${lock}<${name}Inner>,`,
    '    #[pin]',
    '    ready: CondVar,',
    `    id: ${ty},`,
    '}',
    '',
    `struct ${name}Inner {`,
    `    count: ${ty},`,
    '    pending: KVec<u32>,',
    '    stopped: bool,',
    '}',
    '',
    `impl ${name} {`,
    `    /// Makes an initializer for a fresh ${name}.`,
    `    pub fn new(id: ${ty}) -> impl PinInit<Self, Error> {`,
    '        try_pin_init!(Self {',
    `            inner <- ${ctor}!(${name}Inner {`,
    `                count: ${ty === 'bool' ? 'false' : '0'},`,
    '                pending: KVec::new(),',
    '                stopped: false,',
    '            }),',
    '            ready <- new_condvar!(),',
    '            id,',
    '        }? Error)',
    '    }',
    '',
    '    fn stop(&self) {',
    '        let mut guard = self.inner.lock();',
    '        guard.stopped = true;',
    '        drop(guard);',
    '        self.ready.notify_all();',
    '    }',
    '}',
    '',
  ];
};

const lockUse: Unit = (rng, i) => {
  const f = ident(rng, i);
  const n = 2 + rng.int(5);
  const out = [
    `fn ${f}(state: &Mutex<KVec<u32>>, limit: usize) -> Result<usize> {`,
    '    let mut guard = state.lock();',
    '    let mut seen = 0usize;',
    '    for value in guard.iter_mut() {',
    '        if seen >= limit {',
    '            break;',
    '        }',
  ];
  for (let k = 0; k < n; k++) out.push(`        *value = value.wrapping_add(${k + 1});`);
  out.push('        seen += 1;', '    }', '    if seen == 0 {', '        return Err(EINVAL);', '    }', '    Ok(seen)', '}', '');
  return out;
};

const hrtimerWiring: Unit = (rng, i) => {
  const name = camel(ident(rng, i));
  const ms = 1 + rng.int(500);
  return [
    '#[pin_data]',
    `struct ${name}Timer {`,
    '    #[pin]',
    '    timer: HrTimer<Self>,',
    '    #[pin]',
    '    hits: SpinLock<u64>,',
    '}',
    '',
    'impl_has_hr_timer! {',
    `    impl HasHrTimer<Self> for ${name}Timer { self.timer }`,
    '}',
    '',
    `impl HrTimerCallback for ${name}Timer {`,
    `    type Pointer<'a> = Pin<KBox<${name}Timer>>;`,
    '',
    `    fn run(this: Pin<&mut Self>) -> HrTimerRestart {`,
    '        let mut hits = this.hits.lock();',
    '        *hits += 1;',
    `        if *hits < ${ms} {`,
    '            HrTimerRestart::Restart',
    '        } else {',
    '            HrTimerRestart::NoRestart',
    '        }',
    '    }',
    '}',
    '',
    `fn ${name.toLowerCase()}_period() -> Delta {`,
    `    Delta::from_millis(${ms})`,
    '}',
    '',
  ];
};

const vmaCode: Unit = (rng, i) => {
  const f = ident(rng, i);
  return [
    `/// Maps the pages of ${f} into a new user mapping.`,
    `fn ${f}_mmap(pages: &[Page], vma: &virt::VmaNew) -> Result {`,
    '    if vma.flags() & flags::WRITE != 0 {',
    '        return Err(EPERM);',
    '    }',
    '    vma.try_clear_maywrite().map_err(|_| EPERM)?;',
    '    let start = vma.start();',
    '    for (n, page) in pages.iter().enumerate() {',
    '        let addr = start + n * PAGE_SIZE;',
    '        if addr >= vma.end() {',
    '            break;',
    '        }',
    '        // SAFETY: the mapping is new and only this function inserts into it.',
    '        vma.vm_insert_page(addr, page)?;',
    '    }',
    '    Ok(())',
    '}',
    '',
  ];
};

const macroHeavy: Unit = (rng, i) => {
  const m = `${rng.pick(NOUNS)}_regs_${i}`;
  const regs = 3 + rng.int(6);
  const out = [
    `macro_rules! ${m} {`,
    '    ($($name:ident = $off:expr),* $(,)?) => {',
    '        $(',
    '            #[allow(dead_code)]',
    '            const $name: usize = $off;',
    '        )*',
    '    };',
    '}',
    '',
    `${m}! {`,
  ];
  for (let k = 0; k < regs; k++) out.push(`    REG_${i}_${k} = 0x${(k * 4).toString(16)},`);
  out.push('}', '', `fn dump_${m}(base: usize) {`);
  for (let k = 0; k < regs; k++) out.push(`    pr_info!("reg {} at {:#x}: {}\\n", ${k}, base + REG_${i}_${k}, c_str!("${m}"));`);
  out.push('    pr_debug!("dumped {} registers\\n", ' + regs + ');', '}', '');
  return out;
};

const plainCode: Unit = (rng, i) => {
  const e = camel(ident(rng, i));
  const arms = 3 + rng.int(6);
  const out = [`#[derive(Clone, Copy, Debug, PartialEq, Eq)]`, `enum ${e}State {`];
  for (let k = 0; k < arms; k++) out.push(`    S${k},`);
  out.push('}', '', `impl ${e}State {`, `    fn next(self) -> Self {`, '        match self {');
  for (let k = 0; k < arms; k++) out.push(`            Self::S${k} => Self::S${(k + 1) % arms},`);
  out.push('        }', '    }', '', '    fn code(self) -> u32 {', '        let raw = self as u32;', `        raw.wrapping_mul(${rng.int(1000)}) ^ 0x${rng.int(65536).toString(16)}`, '    }', '}', '');
  return out;
};

const timeCode: Unit = (rng, i) => {
  const f = ident(rng, i);
  return [
    `fn ${f}_elapsed(start: Instant<Monotonic>) -> Delta {`,
    '    let now = Instant::<Monotonic>::now();',
    '    let spent = now - start;',
    `    if spent.as_millis() > ${10 + rng.int(90)} {`,
    `        pr_warn!("${f} took {} ms\\n", spent.as_millis());`,
    '    }',
    '    spent',
    '}',
    '',
  ];
};

const UNITS: readonly Unit[] = [pinInitStruct, lockUse, hrtimerWiring, vmaCode, macroHeavy, plainCode, plainCode, lockUse, timeCode];

/** The imports at the top of a generated driver file. */
function header(rng: Rng, modName: string): string[] {
  const out = [
    `//! ${modName}: generated kernel-style driver code for benchmarks.`,
    '',
    'use kernel::prelude::*;',
    'use kernel::sync::{new_condvar, new_mutex, new_spinlock, CondVar, Mutex, SpinLock};',
    'use kernel::time::hrtimer::{HasHrTimer, HrTimer, HrTimerCallback, HrTimerRestart};',
    'use kernel::time::{Delta, Instant, Monotonic};',
    'use kernel::mm::virt::{self, flags};',
    'use kernel::page::{Page, PAGE_SIZE};',
    'use kernel::{c_str, impl_has_hr_timer};',
  ];
  if (rng.int(3) === 0) out.push('use kernel::alloc::{KBox, KVec};');
  out.push('');
  return out;
}

/** A module! block like a driver's entry point. */
function moduleBlock(modName: string): string[] {
  const ty = camel(modName);
  return [
    'module! {',
    `    type: ${ty}Module,`,
    `    name: "${modName}",`,
    '    authors: ["Bench Author"],',
    `    description: "Generated ${modName} driver",`,
    '    license: "GPL",',
    '}',
    '',
    `struct ${ty}Module;`,
    '',
    `impl kernel::Module for ${ty}Module {`,
    '    fn init(_module: &\'static ThisModule) -> Result<Self> {',
    `        pr_info!("${modName} loaded\\n");`,
    `        Ok(${ty}Module)`,
    '    }',
    '}',
    '',
  ];
}

/** One generated file of at least `lines` lines. */
export function generateFile(lines: number, seed: number, modName = `bench_${seed}`): string {
  const rng = new Rng(seed);
  const out = header(rng, modName);
  out.push(...moduleBlock(modName));
  let i = 0;
  while (out.length < lines) out.push(...rng.pick(UNITS)(rng, i++));
  return `${out.join('\n')}\n`;
}

/** What generateCorpus wrote. */
export interface Corpus {
  dir: string;
  files: string[];
  lines: number;
}

/** Writes a kernel-like tree (Makefile naming `release`, rust/kernel, drivers/*) with at least `minLines` lines. */
export function generateCorpus(dir: string, minLines = 60_000, release = '6.16', seed = 7): Corpus {
  const rng = new Rng(seed);
  const [major, minor] = release.split('.');
  fs.mkdirSync(path.join(dir, 'rust', 'kernel'), { recursive: true });
  fs.writeFileSync(path.join(dir, 'Makefile'), `VERSION = ${major}\nPATCHLEVEL = ${minor}\nSUBLEVEL = 0\nEXTRAVERSION =\nNAME = Bench\n`);
  fs.writeFileSync(path.join(dir, 'rust', 'kernel', 'lib.rs'), '//! stub kernel crate for the benchmark corpus\n');
  const files: string[] = [];
  let lines = 0;
  let n = 0;
  const subsystems = ['misc', 'gpu', 'net', 'block', 'cpufreq', 'pci'];
  while (lines < minLines) {
    // Mostly ordinary files, now and then a long one.
    const size = n % 17 === 5 ? 4000 + rng.int(2500) : 150 + rng.int(1400);
    const sub = subsystems[n % subsystems.length];
    const name = `${rng.pick(NOUNS)}_${n}`;
    const text = generateFile(size, seed * 1000 + n, name);
    const file = path.join(dir, 'drivers', sub, `${name}.rs`);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, text);
    files.push(file);
    lines += text.split('\n').length - 1;
    n++;
  }
  return { dir, files, lines };
}
