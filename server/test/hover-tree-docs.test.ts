import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { before, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { formatSignature, hoverAt } from '../src/analysis/hover';
import { treeDocSummary } from '../src/analysis/tree-docs';
import { TreeApi } from '../src/analysis/tree-api';
import { rustFilesUnder } from '../src/core/files';
import { indexFile, type IndexedItem } from '../src/analysis/tree-index';
import { KernelIndex } from '../src/features/kernel-index';
import { sharedParser } from './helpers';

// Real kernel trees laid out one per release (scripts/accuracy-table.ts documents the layout); read in place, never
// copied into the repository. Without them the real-docs tests are skipped.
const CORPUS = process.env.KERNEL_RUST_CORPUS ?? '/tmp/kr-corpus';
const TREE = path.join(CORPUS, '6.18');
const missing = fs.existsSync(path.join(TREE, 'rust', 'kernel', 'lib.rs')) ? false : `no Linux 6.18 tree at ${TREE} (set KERNEL_RUST_CORPUS)`;

const DRIVER = [
  'use kernel::prelude::*;',
  'use kernel::sync::Mutex;',
  'use kernel::time::hrtimer::HrTimer;',
  '#[pin_data]',
  'struct Demo {',
  '    #[pin]',
  '    m: Mutex<u32>,',
  '    #[pin]',
  '    t: HrTimer<Demo>,',
  '}',
  'fn demo() -> impl PinInit<Demo> {',
  '    pin_init!(Demo { m <- new_mutex!(0), t <- HrTimer::new() })',
  '}',
  '',
].join('\n');

let index: KernelIndex;

before(async () => {
  if (missing) return;
  index = new KernelIndex(TreeApi.build(await sharedParser(), TREE));
});

async function hover(needle: string, target: string, useTree = true): Promise<string> {
  const parser = await sharedParser();
  const tree = parser.parse(DRIVER);
  assert.ok(tree);
  try {
    const at = DRIVER.indexOf(needle);
    assert.ok(at >= 0, needle);
    const h = hoverAt(tree, at, target, path.join(TREE, 'drivers', 'demo.rs'), useTree ? (item) => index.docFor(item) : undefined);
    assert.ok(h, `no hover at ${needle}`);
    return h.markdown;
  } finally {
    tree.delete();
  }
}

/** The hover's section taken from the tree ("From your kernel tree ..."), up to the next rule. */
function treeSection(md: string): string {
  const part = md.split('\n\n---\n\n').find((p) => p.startsWith('From your kernel tree'));
  assert.ok(part, `no tree section in:\n${md}`);
  return part;
}

test('a macro keeps its usage signature when the tree\'s docs are shown, and says where it has lived', { skip: missing }, async () => {
  const md = await hover('pin_init!(', '6.18');
  assert.match(md, /^```rust\npin_init!\(/, 'the knowledge base\'s call form, not the tree\'s definition');
  assert.doesNotMatch(md, /macro_rules!/);
  assert.match(treeSection(md), /in-place, pinned initializer/i, 'the tree\'s own first paragraph is there');
  assert.match(md, /in the prelude since 6\.4/);
  assert.match(md, /moved crates in 6\.15/);
});

test('tree docs are capped to their first paragraph with a link to the rest, with no headings or hidden lines', { skip: missing }, async () => {
  const md = await hover('Mutex;', '6.18');
  const section = treeSection(md);
  // mutex.rs documents Mutex with examples, a `# Examples` heading and a hidden `# Ok::<(), Error>(())` line.
  assert.doesNotMatch(md, /^#+ /m, 'no Markdown heading and no rustdoc hidden line');
  assert.doesNotMatch(md, /Ok::<\(\), Error>/);
  assert.doesNotMatch(section, /```/, 'no code from the tree docs');
  assert.doesNotMatch(section, /\[`/, 'intra-doc links are reduced to their text');
  const link = /\[More in your tree\]\((file:\/\/[^)#]+)#L(\d+)\)/.exec(section);
  assert.ok(link, section);
  const lines = fs.readFileSync(fileURLToPath(link[1]), 'utf8').split('\n');
  assert.match(lines[Number(link[2]) - 1], /pub type Mutex\b/, 'the link opens the definition');
  const paragraphs = section.split('\n\n').filter((p) => !p.startsWith('From your kernel tree') && !p.startsWith('[More'));
  assert.equal(paragraphs.length, 1, section);

  const timer = treeSection(await hover('HrTimer;', '6.18'));
  assert.doesNotMatch(timer, /Invariants/, 'the tree\'s `# Invariants` section is behind the link, not a title in the hover');
});

test('a where clause ends without a trailing comma', { skip: missing }, async () => {
  const md = await hover('new()', '6.18');
  const sig = /^```rust\n([\s\S]*?)\n```/.exec(md)?.[1] ?? '';
  assert.match(sig, /where/);
  assert.doesNotMatch(sig, /,\s*$/);
  const parser = await sharedParser();
  const items: IndexedItem[] = [];
  for (const file of rustFilesUnder(path.join(TREE, 'rust', 'kernel'))) {
    const tree = parser.parse(fs.readFileSync(file, 'utf8'));
    assert.ok(tree);
    items.push(...indexFile(tree.rootNode, file, 'kernel', 'kernel'));
    tree.delete();
  }
  assert.ok(items.length > 1000);
  for (const item of items) assert.doesNotMatch(item.signature, /,\s*$|,\s*\)/, `${item.path}: ${item.signature}`);
});

test('prose is right for the target: HrTimer at 6.15 describes new(mode, clock), at 6.18 new()', { skip: missing }, async () => {
  const at615 = await hover('HrTimer;', '6.15', false);
  assert.match(at615, /HrTimer::new\(HrTimerMode::Relative, ClockId::Monotonic\)/);
  assert.doesNotMatch(at615, /HrTimer::new\(\)/);
  const new615 = await hover('new()', '6.15', false);
  assert.match(new615, /takes the mode and the clock/);
  assert.doesNotMatch(new615, /RelativeMode<Monotonic>/);
  const at618 = await hover('HrTimer;', '6.18');
  assert.match(at618, /HrTimer::new\(\)/);
  assert.doesNotMatch(at618, /HrTimerMode::Relative, ClockId/);
  // A 6.18 tree asked about a 6.15 target: its signature is not passed off as the target's, and its docs say whose they are.
  const mixed = await hover('new()', '6.15');
  assert.match(mixed, /pub fn new\(mode: HrTimerMode, clock: ClockId\)/);
  assert.match(mixed, /From your kernel tree, which is Linux 6\.18, not the target/);
});

test('the summary keeps the first paragraph and drops headings, code and link definitions', () => {
  const docs = ['# Overview', '', 'Makes a [`Thing`] from [parts](crate::parts), see [the site](https://example.org).', 'Second line.', '', '```', '# use x;', 'let a = 1;', '```', '', '[`Thing`]: crate::Thing'].join('\n');
  const s = treeDocSummary(docs);
  assert.equal(s.text, 'Makes a `Thing` from parts, see [the site](https://example.org).\nSecond line.');
  assert.equal(s.more, true);
  assert.deepEqual(treeDocSummary('Just this.'), { text: 'Just this.', more: false });
  assert.deepEqual(treeDocSummary(''), { text: '', more: false });
});

test('long where clauses go on their own lines, one bound each, with no comma at the end', () => {
  assert.equal(formatSignature('pub fn f() where T: A,'), 'pub fn f() where T: A');
  assert.equal(
    formatSignature('pub fn read_only_file<T>(&self, name: &CStr, data: impl PinInit<T, E>) -> impl PinInit<File<T>, E> where T: Writer + Send, F: Fn(&T) -> u32,'),
    'pub fn read_only_file<T>(&self, name: &CStr, data: impl PinInit<T, E>) -> impl PinInit<File<T>, E>\nwhere\n    T: Writer + Send,\n    F: Fn(&T) -> u32',
  );
});
