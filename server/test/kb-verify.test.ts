import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import type { KbItem } from '../src/kb/types';
import { kbSignatureShape, verifyTree, type VerifyReport } from '../src/kb/verify/compare';
import { compareShapes, normalizeType } from '../src/kb/verify/shape';
import { readMakefileRelease, TreeSurface } from '../src/kb/verify/tree-surface';
import { ROOT, sharedParser, tempDir, writeTree } from './helpers';

// A miniature kernel tree of our own. It exercises the layouts (`sync.rs` + `sync/lock.rs`, `widget/mod.rs`, `#[path]`),
// re-exports (`pub use` chains, a glob in the prelude, a macro re-exported by `pub use`), a private module, a
// file no `mod` declares, proc macros, impls on a type reached through an alias, and trait associated items.
const FILES: Record<string, string> = {
  'rust/kernel/lib.rs': [
    '//! Miniature kernel crate for the verifier tests.',
    'extern crate self as kernel;',
    'pub mod prelude;',
    'pub mod sync;',
    'pub mod widget;',
    '#[path = "hidden_impl.rs"]',
    'mod hidden;',
    'pub use hidden::Exposed;',
    '',
    '/// Builds a widget.',
    '#[macro_export]',
    'macro_rules! make_widget { () => {}; }',
  ].join('\n'),
  'rust/kernel/prelude.rs': 'pub use crate::sync::Mutex;\npub use macros::{vtable, Zeroable};\npub use crate::widget::*;\n',
  'rust/kernel/sync.rs': 'pub mod lock;\npub use lock::mutex::Mutex;\npub use lock::mutex::new_mutex;\n',
  'rust/kernel/sync/lock.rs': [
    'pub mod mutex;',
    '/// A lock.',
    '#[pin_data]',
    'pub struct Lock<T: ?Sized, B: Backend> {',
    '    #[pin]',
    '    state: Opaque<B::State>,',
    '    data: UnsafeCell<T>,',
    '}',
    '',
    'pub unsafe trait Backend {',
    '    type State;',
    '    unsafe fn init(ptr: *mut Self::State);',
    '}',
    '',
    'impl<T, B: Backend> Lock<T, B> {',
    '    /// Makes one.',
    "    pub fn new(t: T, name: &'static CStr, key: Pin<&'static LockClassKey>) -> impl PinInit<Self> {",
    '        todo!()',
    '    }',
    "    pub fn lock(&self) -> Guard<'_, T, B> {",
    '        todo!()',
    '    }',
    '    fn helper(&self) {}',
    '}',
  ].join('\n'),
  'rust/kernel/sync/lock/mutex.rs': [
    'pub type Mutex<T> = super::Lock<T, MutexBackend>;',
    'pub struct MutexBackend;',
    '#[macro_export]',
    'macro_rules! new_mutex { ($x:expr) => {}; }',
    'pub use new_mutex;',
  ].join('\n'),
  'rust/kernel/widget/mod.rs': [
    'pub mod gear;',
    'pub enum Mode {',
    '    Fast,',
    '    Slow,',
    '}',
    'pub const LIMIT: u32 = 4;',
    'macro_rules! declare_codes {',
    '    ($($name:ident = $value:expr),* $(,)?) => { $( pub const $name: u32 = $value; )* };',
    '}',
    'declare_codes!(ALPHA = 1, BETA = 2,);',
  ].join('\n'),
  'rust/kernel/widget/gear.rs': [
    'use crate::error::Result;',
    'pub struct Gear;',
    'impl Gear {',
    '    pub const fn new() -> Self {',
    '        Gear',
    '    }',
    '    pub fn spin(&mut self, times: u32) -> u32 {',
    '        times',
    '    }',
    '    accessor!(teeth, u32);',
    '}',
    'macro_rules! accessor {',
    '    ($name:ident, $ty:ty) => { pub fn $name(&self) -> $ty { 0 } };',
    '}',
    '/// Turns a gear.',
    'pub fn turn(gear: &mut Gear, times: u32) -> Result<u32> {',
    '    Ok(times)',
    '}',
  ].join('\n'),
  'rust/kernel/hidden_impl.rs': 'pub struct Exposed;\npub struct Secret;\n',
  'rust/kernel/orphan.rs': 'pub struct Orphan;\n',
  'rust/macros/lib.rs': [
    '#[proc_macro_attribute]',
    'pub fn vtable(attr: TokenStream, item: TokenStream) -> TokenStream {',
    '    item',
    '}',
    '#[proc_macro_derive(Zeroable)]',
    'pub fn derive_zeroable(item: TokenStream) -> TokenStream {',
    '    item',
    '}',
  ].join('\n'),
};

function makefile(major: number, minor: number, sublevel = 0): string {
  return `VERSION = ${major}\nPATCHLEVEL = ${minor}\nSUBLEVEL = ${sublevel}\nEXTRAVERSION =\nNAME = Miniature\n`;
}

/** Writes the miniature tree (with edits: a file set to null is left out) and returns its folder. */
function miniTree(options: { minor?: number; sublevel?: number; edit?: Record<string, string | null> } = {}): string {
  const dir = tempDir('kr-kbverify-');
  const files: Record<string, string> = { ...FILES, Makefile: makefile(6, options.minor ?? 15, options.sublevel ?? 0) };
  for (const [k, v] of Object.entries(options.edit ?? {})) {
    if (v === null) delete files[k];
    else files[k] = v;
  }
  writeTree(dir, files);
  return dir;
}

const L = 'https://example.invalid/';

/** Knowledge-base entries that describe the miniature tree correctly at 6.15. */
function goodItems(): KbItem[] {
  const base = { docs: 'Test entry.', link: L };
  return [
    { ...base, path: 'kernel::sync', kind: 'module', since: '6.3' },
    { ...base, path: 'kernel::sync::lock::Lock', kind: 'struct', since: '6.4', signatures: [{ text: '#[pin_data] pub struct Lock<T: ?Sized, B: Backend> { /* private */ }' }] },
    {
      ...base, path: 'kernel::sync::lock::Lock::new', aliases: ['kernel::sync::Mutex::new'], kind: 'method', since: '6.4',
      signatures: [
        { until: '6.15', text: "pub fn new(t: T, name: &'static CStr, key: &'static LockClassKey) -> impl PinInit<Self>" },
        // Comments, spacing and path qualification differ from the tree; the shape is the same.
        { since: '6.15', text: "pub fn new( t : T, name: &'static kernel::str::CStr, /* pinned */ key: Pin<&'static LockClassKey> )\n  -> impl PinInit<Self>" },
      ],
    },
    { ...base, path: 'kernel::sync::lock::Lock::lock', kind: 'method', since: '6.4', signatures: [{ text: "pub fn lock(&self) -> Guard<'_, T, B>" }] },
    { ...base, path: 'kernel::sync::Mutex', aliases: ['kernel::sync::lock::mutex::Mutex', 'kernel::prelude::Mutex'], kind: 'type-alias', since: '6.4', signatures: [{ text: 'pub type Mutex<T> = Lock<T, MutexBackend>;' }] },
    { ...base, path: 'kernel::sync::lock::Backend', kind: 'trait', since: '6.4', signatures: [{ text: 'pub unsafe trait Backend { type State; unsafe fn init(..); }' }] },
    { ...base, path: 'kernel::sync::lock::Backend::State', kind: 'assoc-type', since: '6.4', signatures: [{ text: 'type State;' }] },
    { ...base, path: 'kernel::new_mutex!', aliases: ['kernel::sync::new_mutex!', 'kernel::sync::lock::mutex::new_mutex!'], kind: 'macro', since: '6.4', signatures: [{ text: 'new_mutex!(value)' }] },
    { ...base, path: 'kernel::make_widget!', kind: 'macro', since: '6.10' },
    { ...base, path: 'macros::#[vtable]', aliases: ['kernel::prelude::#[vtable]'], kind: 'attribute', since: '6.1' },
    { ...base, path: 'macros::#[derive(Zeroable)]', aliases: ['kernel::prelude::#[derive(Zeroable)]'], kind: 'derive', since: '6.6' },
    { ...base, path: 'kernel::widget', kind: 'module', since: '6.10' },
    { ...base, path: 'kernel::widget::Mode', aliases: ['kernel::prelude::Mode'], kind: 'enum', since: '6.10', signatures: [{ text: 'pub enum Mode { Fast, Slow }' }] },
    { ...base, path: 'kernel::widget::Mode::Fast', kind: 'variant', since: '6.10' },
    { ...base, path: 'kernel::widget::LIMIT', kind: 'const', since: '6.10', signatures: [{ text: 'pub const LIMIT: u32' }] },
    { ...base, path: 'kernel::widget::gear::Gear', kind: 'struct', since: '6.12', signatures: [{ text: 'pub struct Gear;' }] },
    { ...base, path: 'kernel::widget::gear::Gear::new', kind: 'fn', since: '6.12', signatures: [{ text: 'pub const fn new() -> Gear' }] },
    { ...base, path: 'kernel::widget::gear::Gear::spin', kind: 'method', since: '6.12', signatures: [{ text: 'pub fn spin(&mut self, times: u32) -> u32' }] },
    { ...base, path: 'kernel::widget::gear::turn', kind: 'fn', since: '6.12', signatures: [{ text: 'pub fn turn(gear: &mut Gear, times: u32) -> kernel::error::Result<u32>' }] },
    { ...base, path: 'kernel::Exposed', kind: 'struct', since: '6.12' },
    // Generated by macro_rules! invocations, at item level and inside an impl.
    { ...base, path: 'kernel::widget::BETA', kind: 'const', since: '6.12', signatures: [{ text: 'pub const BETA: u32' }] },
    { ...base, path: 'kernel::widget::gear::Gear::teeth', kind: 'method', since: '6.12', signatures: [{ text: 'pub fn teeth(&self) -> u32' }] },
    { ...base, path: 'kernel::widget::OldThing', kind: 'struct', since: '6.1', until: '6.10' },
    { ...base, path: 'kernel::widget::FutureThing', kind: 'struct', since: '6.16' },
    { ...base, path: 'syntax::widget-arrow', kind: 'syntax', since: '6.10', signatures: [{ text: 'make_widget!(a <- b)' }] },
  ];
}

/** The good entries with some replaced (same path and kind) or added. */
function withItems(changes: KbItem[]): KbItem[] {
  const out = goodItems();
  for (const c of changes) {
    const i = out.findIndex((o) => o.path === c.path && o.kind === c.kind);
    if (i >= 0) out[i] = c;
    else out.push(c);
  }
  return out;
}

function find(items: KbItem[], p: string): KbItem {
  const item = items.find((i) => i.path === p);
  assert.ok(item, p);
  return item;
}

async function verify(dir: string, items: KbItem[]): Promise<VerifyReport> {
  const parser = await sharedParser();
  return verifyTree(parser, TreeSurface.build(parser, dir), items);
}

function categories(r: VerifyReport): string[] {
  return r.disagreements.map((d) => `${d.category} ${d.path}`).sort();
}

test('a miniature tree the knowledge base describes correctly gives no disagreements', async () => {
  const r = await verify(miniTree(), goodItems());
  assert.deepEqual(categories(r), []);
  assert.equal(r.release, '6.15');
  assert.equal(r.exact, true);
  assert.equal(r.counts.notCheckable, 1, 'the syntax entry is counted, not checked');
  assert.equal(r.counts.checked, goodItems().length - 1);
  assert.equal(r.counts.agreements, r.counts.checked);
  // Every entry with a comparable signature was compared: the macro's is pseudo-syntax.
  assert.equal(r.counts.signaturesCompared, 14);
  assert.equal(r.surface.files, 9, 'orphan.rs is not declared by any mod and is not read');
});

test('items generated by the crate\'s own macro_rules! are part of the surface, with the invocation as location', async () => {
  const good = goodItems();
  const r = await verify(miniTree(), withItems([
    { ...find(good, 'kernel::widget::BETA'), since: '6.16' },
    { ...find(good, 'kernel::widget::gear::Gear::teeth'), signatures: [{ text: 'pub fn teeth(&self) -> u64' }] },
  ]));
  assert.deepEqual(categories(r), ['present-but-kb-says-absent kernel::widget::BETA', 'signature kernel::widget::gear::Gear::teeth']);
  assert.equal(r.disagreements.find((d) => d.path === 'kernel::widget::BETA')?.treeLocation, 'rust/kernel/widget/mod.rs:10');
});

test('a wrong since: the tree has an item the knowledge base says is not there yet', async () => {
  const good = goodItems();
  const items = withItems([{ ...find(good, 'kernel::widget::Mode'), since: '6.16' }]);
  const r = await verify(miniTree(), items);
  assert.deepEqual(categories(r), ['present-but-kb-says-absent kernel::widget::Mode']);
  const d = r.disagreements[0];
  assert.match(d.kbClaims, /not yet in 6\.15 \(since 6\.16\)/);
  assert.equal(d.treeLocation, 'rust/kernel/widget/mod.rs:2');
  assert.match(d.hint ?? '', /6\.15 or earlier/);
});

test('a wrong since the other way: the knowledge base says available, the tree does not have it yet', async () => {
  const items = withItems([{ ...find(goodItems(), 'kernel::sync::lock::Lock::lock'), since: '6.14' }]);
  const tree = miniTree({ minor: 15, edit: { 'rust/kernel/sync/lock.rs': FILES['rust/kernel/sync/lock.rs'].replace(/ {4}pub fn lock[\s\S]*?\n {4}\}\n/, '') } });
  const r2 = await verify(tree, items);
  assert.deepEqual(categories(r2), ['missing kernel::sync::lock::Lock::lock']);
  assert.match(r2.disagreements[0].kbClaims, /available in 6\.15 \(since 6\.14\)/);
});

test('removed items must be gone and later items must not be there yet', async () => {
  const tree = miniTree({
    edit: { 'rust/kernel/widget/mod.rs': FILES['rust/kernel/widget/mod.rs'] + '\npub struct OldThing;\npub struct FutureThing;\n' },
  });
  const r = await verify(tree, goodItems());
  assert.deepEqual(categories(r), ['present-but-kb-says-absent kernel::widget::FutureThing', 'present-but-kb-says-absent kernel::widget::OldThing']);
  assert.match(r.disagreements.find((d) => d.path.endsWith('OldThing'))!.kbClaims, /removed in 6\.10/);
});

test('a missing item: the knowledge base lists something the tree does not define, or does not export', async () => {
  const tree = miniTree({ edit: { 'rust/kernel/widget/gear.rs': FILES['rust/kernel/widget/gear.rs'].replace(/\/\/\/ Turns[\s\S]*$/, '') } });
  const r = await verify(tree, goodItems());
  assert.deepEqual(categories(r), ['missing kernel::widget::gear::turn']);
  assert.equal(r.disagreements[0].treeHas, 'nothing at this path or its aliases');
  // Items in a private module are not reachable unless re-exported.
  const r2 = await verify(miniTree(), withItems([{ path: 'kernel::hidden::Secret', kind: 'struct', since: '6.12', docs: 'x', link: L }]));
  assert.deepEqual(categories(r2), ['not-public kernel::hidden::Secret']);
  assert.match(r2.disagreements[0].treeHas, /struct at rust\/kernel\/hidden_impl\.rs:2, not reachable from other crates/);
});

test('a wrong signature is caught: parameters, return type, receiver, generics, qualifiers, variants', async () => {
  const good = goodItems();
  const cases: { path: string; text: string; aspect: string }[] = [
    { path: 'kernel::widget::gear::turn', text: 'pub fn turn(gear: &mut Gear) -> Result<u32>', aspect: 'parameters' },
    { path: 'kernel::widget::gear::turn', text: 'pub fn turn(gear: &Gear, times: u32) -> Result<u32>', aspect: 'parameters' },
    { path: 'kernel::widget::gear::turn', text: 'pub fn turn(gear: &mut Gear, times: u32) -> u32', aspect: 'return type' },
    { path: 'kernel::widget::gear::Gear::spin', text: 'pub fn spin(&self, times: u32) -> u32', aspect: 'receiver' },
    { path: 'kernel::widget::gear::Gear::new', text: 'pub fn new() -> Self', aspect: 'qualifiers' },
    { path: 'kernel::sync::lock::Lock', text: 'pub struct Lock<T: ?Sized> { }', aspect: 'generic parameters' },
    { path: 'kernel::sync::lock::Lock::new', text: "pub fn new(t: T, name: &'static CStr, key: &'static LockClassKey) -> impl PinInit<Self>", aspect: 'parameters' },
    { path: 'kernel::widget::Mode', text: 'pub enum Mode { Fast, Slow, Turbo }', aspect: 'variants' },
    { path: 'kernel::sync::lock::Backend', text: 'pub trait Backend { }', aspect: 'unsafe' },
    { path: 'kernel::widget::LIMIT', text: 'pub const LIMIT: usize', aspect: 'type' },
  ];
  for (const c of cases) {
    const item = find(good, c.path);
    const r = await verify(miniTree(), withItems([{ ...item, signatures: [{ text: c.text }] }]));
    assert.deepEqual(categories(r), [`signature ${c.path}`], c.text);
    assert.ok(r.disagreements[0].differences?.some((d) => d.aspect === c.aspect), `${c.text}: ${JSON.stringify(r.disagreements[0].differences)}`);
  }
});

test('a stable update may carry a backport the knowledge base lists; an exact release may not', async () => {
  const future = { path: 'kernel::widget::FutureThing', kind: 'struct', since: '6.16', backportedTo: ['6.15'], docs: 'x', link: L } satisfies KbItem;
  const edit = { 'rust/kernel/widget/mod.rs': FILES['rust/kernel/widget/mod.rs'] + '\npub struct FutureThing;\n' };
  const stable = await verify(miniTree({ sublevel: 7, edit }), withItems([future]));
  assert.deepEqual(categories(stable), []);
  assert.deepEqual(stable.backportTolerated.map((b) => b.path), ['kernel::widget::FutureThing']);
  const exact = await verify(miniTree({ sublevel: 0, edit }), withItems([future]));
  assert.deepEqual(categories(exact), ['present-but-kb-says-absent kernel::widget::FutureThing']);
  // The reverse: a stable line that later dropped an item (`removedInStable`, point unknown).
  const dropped = { ...find(goodItems(), 'kernel::widget::LIMIT'), removedInStable: ['6.15'] };
  const noLimit = { 'rust/kernel/widget/mod.rs': FILES['rust/kernel/widget/mod.rs'].replace('pub const LIMIT: u32 = 4;\n', '') };
  assert.deepEqual(categories(await verify(miniTree({ sublevel: 7, edit: noLimit }), withItems([dropped]))), []);
  assert.deepEqual(categories(await verify(miniTree({ sublevel: 0, edit: noLimit }), withItems([dropped]))), ['missing kernel::widget::LIMIT']);
});

test('uncertain facts are informational, with a suggestion when the exact release decides them', async () => {
  const item = { path: 'kernel::widget::Mode', kind: 'enum', since: '6.16', confidence: 'uncertain', uncertainAbout: ['since'], knownAbsentIn: '6.14', docs: 'x', link: L } satisfies KbItem;
  const r = await verify(miniTree(), withItems([item]));
  assert.deepEqual(categories(r), []);
  const note = r.uncertain.find((u) => u.path === 'kernel::widget::Mode');
  assert.ok(note);
  assert.equal(note.fact, 'since');
  assert.match(note.treeSays, /present in 6\.15/);
  assert.match(note.suggestion ?? '', /since: '6\.15'/);
  // At or before knownAbsentIn the absence is sure, so presence there is a disagreement.
  const r2 = await verify(miniTree({ minor: 14 }), withItems([item]).filter((i) => i.path !== 'kernel::sync::lock::Lock::new'));
  assert.deepEqual(categories(r2), ['present-but-kb-says-absent kernel::widget::Mode']);
});

test('a wrong alias is reported even when the main path is right', async () => {
  const item = { ...find(goodItems(), 'kernel::make_widget!'), aliases: ['kernel::widget::make_widget!'] };
  const r = await verify(miniTree(), withItems([item]));
  assert.deepEqual(categories(r), ['alias-missing kernel::make_widget!']);
});

test('signature shapes ignore noise and keep what matters', async () => {
  assert.equal(normalizeType("&'a mut  kernel::sync::Guard<'a, T, B>"), '&mut Guard<T, B>');
  assert.equal(normalizeType('::core::result::Result<(), Error>'), 'Result');
  assert.equal(normalizeType('Result<Pin<KBox<Mutex<u32>>>>'), 'Result<Pin<KBox<…>>>');
  const parser = await sharedParser();
  const a = kbSignatureShape(parser, '#[must_use] pub fn wait<T: ?Sized, B: Backend>(&self, guard: &mut Guard<\'_, T, B>) -> bool', 'method');
  const b = kbSignatureShape(parser, 'pub fn wait<T: ?Sized, B: Backend>(\n    &self,\n    guard: &mut lock::Guard<\'_, T, B>, // held\n) -> bool where T: Send', 'method');
  assert.ok(a && b);
  assert.deepEqual(compareShapes(a, b, { kb: [], tree: [] }), []);
  const c = kbSignatureShape(parser, 'pub fn wait<T: ?Sized>(&self, guard: &mut Guard<\'_, T, B>) -> bool', 'method');
  assert.ok(c);
  assert.deepEqual(compareShapes(a, c, { kb: [], tree: [] }).map((d) => d.aspect), ['generic parameters']);
  assert.equal(kbSignatureShape(parser, 'new_mutex!(value)', 'macro'), undefined);
});

test('the Makefile release is read with its sublevel', () => {
  assert.deepEqual(readMakefileRelease('VERSION = 7\nPATCHLEVEL = 3\nSUBLEVEL = 4\nEXTRAVERSION =\n'), { version: 7, patchlevel: 3, sublevel: 4, extraversion: '', release: '7.3', full: '7.3.4' });
  assert.equal(readMakefileRelease('VERSION = 7\n')?.release, undefined);
});

test('the CLI: exit 2 on usage errors, 1 on disagreements, JSON with --json, report files with --out', () => {
  const run = (...args: string[]) => spawnSync(process.execPath, ['--import', 'tsx', path.join(ROOT, 'scripts', 'kb-verify.ts'), ...args], { cwd: ROOT, encoding: 'utf8' });
  assert.equal(run().status, 2);
  const empty = tempDir('kr-kbverify-empty-');
  const noMakefile = run(empty);
  assert.equal(noMakefile.status, 2);
  assert.match(noMakefile.stderr, /no Makefile/);
  fs.writeFileSync(path.join(empty, 'Makefile'), 'all:\n');
  assert.equal(run(empty).status, 2, 'a Makefile without VERSION is a usage error');
  // The real knowledge base describes far more than the miniature tree has.
  const tree = miniTree();
  const out = tempDir('kr-kbverify-out-');
  const r = run('--json', '--out', out, tree);
  assert.equal(r.status, 1, r.stderr);
  const reports = JSON.parse(r.stdout) as VerifyReport[];
  assert.equal(reports.length, 1);
  assert.ok(reports[0].disagreements.some((d) => d.category === 'missing' && d.path === 'kernel::time'));
  assert.ok(fs.existsSync(path.join(out, '6.15.txt')) && fs.existsSync(path.join(out, '6.15.json')));
  assert.match(fs.readFileSync(path.join(out, '6.15.txt'), 'utf8'), /disagreements?/);
});
