// The user's kernel tree decides what its release has: a miniature tree (test-fixtures/tree-decides, our own code)
// lacks `kernel::sync::Mutex`, which the knowledge base says 6.15 has, carries a backported `kernel::time::Instant`,
// which the knowledge base says arrived in 6.16, and has a `widget` module the knowledge base never heard of.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { before, test } from 'node:test';
import { analyzeText } from '../src/analysis/analyze';
import { hoverAt } from '../src/analysis/hover';
import { TreeApi } from '../src/analysis/tree-api';
import type { Finding } from '../src/core/types';
import { KernelIndex } from '../src/features/kernel-index';
import { knowledgeBase, statusAt } from '../src/kb';
import { ROOT, sharedParser, tempDir, writeTree } from './helpers';

const TREE = path.join(ROOT, 'test-fixtures', 'tree-decides');
const DRIVER = path.join(TREE, 'drivers', 'demo', 'gadgets.rs');
const TEXT = fs.readFileSync(DRIVER, 'utf8');
const CLI = path.join(ROOT, 'dist', 'cli.js');
const CORPUS = process.env.KERNEL_RUST_CORPUS ?? '/tmp/kr-corpus';
const REAL = path.join(CORPUS, '7.3');
const noReal = fs.existsSync(path.join(REAL, 'rust', 'kernel', 'lib.rs')) ? false : `no Linux 7.3 tree at ${REAL} (set KERNEL_RUST_CORPUS)`;

let api: TreeApi;

before(async () => {
  api = TreeApi.build(await sharedParser(), TREE);
});

async function check(text: string, tree: TreeApi | undefined, file = DRIVER, target = '6.15'): Promise<Finding[]> {
  const r = analyzeText(await sharedParser(), text, { target, filePath: file, tree });
  assert.equal(r.status, 'analysed');
  return r.status === 'analysed' ? r.findings.filter((f) => f.ruleId === 'api-unavailable' || f.ruleId === 'api-removed') : [];
}

function lineOf(needle: string): number {
  return TEXT.slice(0, TEXT.indexOf(needle)).split('\n').length - 1;
}

test('the facts the fixture relies on: the knowledge base has Mutex at 6.15 and Instant only from 6.16', () => {
  const kb = knowledgeBase();
  assert.equal(statusAt(kb.resolve('kernel::sync::Mutex', '6.15')!, '6.15').state, 'available');
  assert.equal(statusAt(kb.resolve('kernel::time::Instant', '6.15')!, '6.15').state, 'not-yet');
  assert.equal(kb.lookup('kernel::widget::Gadget').length, 0);
  assert.ok(api.decides, 'the miniature tree has a prelude, so it decides');
});

test('with the tree deciding, findings follow the tree: Mutex and made-up absent items fire, Instant and the widget items do not', async () => {
  const findings = await check(TEXT, api);
  const at = findings.map((f) => `${f.range.start.line}:${/`([^`]+)`/.exec(f.message)?.[1]}`);
  assert.deepEqual(at.sort(), [
    `${lineOf('use kernel::sync::Mutex')}:kernel::sync::Mutex`,
    `${lineOf('use kernel::widget::Sprocket')}:kernel::widget::Sprocket`,
    `${lineOf('kernel::widget::missing_helper')}:kernel::widget::missing_helper`,
    `${lineOf('kernel::sprocket_info!')}:kernel::sprocket_info!`,
  ].sort());
  const mutex = findings.find((f) => f.message.includes('kernel::sync::Mutex'));
  assert.match(mutex?.message ?? '', /is not in Linux 6\.15: your kernel tree has no such item/);
  const disagreed = [...api.disagreements];
  assert.ok(disagreed.some(([p, kb]) => p === 'kernel::sync::Mutex' && kb === 'available'), JSON.stringify(disagreed));
  assert.ok(disagreed.some(([p, kb]) => p === 'kernel::time::Instant' && kb === 'missing'), JSON.stringify(disagreed));
});

test('without the tree the knowledge base decides: Instant fires, Mutex and the made-up paths are silent', async () => {
  const findings = await check(TEXT, undefined);
  assert.deepEqual(findings.map((f) => f.range.start.line), [lineOf('use kernel::time::Instant')]);
  assert.match(findings[0].message, /added in 6\.16/);
});

test('an absent item the knowledge base dates is reported with its release', async () => {
  // The tree lacks `kernel::time::Delta`; the knowledge base says it arrived after 6.15, so the message says when.
  const kb = knowledgeBase().resolve('kernel::time::Delta', '6.15');
  assert.ok(kb && statusAt(kb, '6.15').state === 'not-yet', 'knowledge base dates Delta after 6.15');
  const findings = await check('use kernel::time::Delta;\n', api);
  assert.equal(findings.length, 1);
  assert.match(findings[0].message, new RegExp(`added in ${kb.since.replace('.', '\\.')}`));
});

test('a tree whose kernel crate is a stand-in (no prelude) does not decide', async () => {
  const dir = tempDir();
  writeTree(dir, { Makefile: 'VERSION = 6\nPATCHLEVEL = 15\n', 'rust/kernel/lib.rs': '//! stand-in\npub mod widget;\n', 'rust/kernel/widget.rs': 'pub struct Gadget;\n' });
  const standIn = TreeApi.build(await sharedParser(), dir);
  assert.equal(standIn.decides, false);
  assert.equal(standIn.presence('kernel::sync::Mutex'), 'unknown');
  assert.deepEqual(await check('use kernel::sync::Mutex;\n', standIn, path.join(dir, 'drivers', 'x.rs')), []);
  assert.ok(standIn.item('kernel::widget::Gadget'), 'it still answers hover');
});

test('what the tree cannot be sure of stays silent: unexpanded macros, cfg-dropped names, undeclared files, type members', async () => {
  const dir = tempDir();
  writeTree(dir, {
    Makefile: 'VERSION = 6\nPATCHLEVEL = 15\n',
    'rust/kernel/lib.rs': '//! k\npub mod prelude;\npub mod gen;\npub mod cfgd;\npub mod plain;\n',
    'rust/kernel/prelude.rs': '',
    // An item-position macro from another crate may define anything in `gen`.
    'rust/kernel/gen.rs': 'other_crate::make_items!(Alpha, Beta);\n',
    'rust/kernel/cfgd.rs': '#[cfg(test)]\npub fn only_in_tests() {}\n',
    'rust/kernel/plain.rs': 'pub struct Thing;\n',
    // A file no `mod` declares (a configuration that does not build it).
    'rust/kernel/unbuilt.rs': '#[macro_export]\nmacro_rules! unbuilt_macro { () => {} }\npub struct Unbuilt;\n',
  });
  const t = TreeApi.build(await sharedParser(), dir);
  assert.equal(t.presence('kernel::gen::Alpha'), 'unknown');
  assert.equal(t.presence('kernel::cfgd::only_in_tests'), 'unknown');
  assert.equal(t.presence('kernel::unbuilt::Unbuilt'), 'unknown');
  assert.equal(t.presence('kernel::unbuilt_macro!'), 'unknown');
  assert.equal(t.presence('kernel::plain::Thing::new'), 'unknown', 'members of a type come from impls anywhere');
  assert.equal(t.presence('kernel::plain::Other'), 'absent');
  assert.equal(t.presence('kernel::plain::Thing'), 'present');
  const text = 'use kernel::gen::Alpha;\nuse kernel::cfgd::only_in_tests;\nuse kernel::unbuilt::Unbuilt;\nfn f() { kernel::unbuilt_macro!(); kernel::plain::Thing::new(); }\n';
  assert.deepEqual(await check(text, t, path.join(dir, 'drivers', 'x.rs')), []);
});

test('hover on items only the tree has shows the tree\'s signature and docs; go-to-definition data points at the source', async () => {
  const parser = await sharedParser();
  const tree = parser.parse(TEXT);
  assert.ok(tree);
  const index = new KernelIndex(api);
  try {
    const hover = (needle: string, nth = 0): string => {
      let at = -1;
      for (let i = 0; i <= nth; i++) at = TEXT.indexOf(needle, at + 1);
      const h = hoverAt(tree, at, '6.15', DRIVER, (item) => index.docFor(item), undefined, { api, docOf: (hit) => index.docOf(hit) });
      assert.ok(h, `hover at ${needle}`);
      return h.markdown;
    };
    const gadget = hover('Gadget::new');
    assert.match(gadget, /pub struct Gadget \{ … \}/);
    assert.match(gadget, /`kernel::prelude::Gadget` · struct · from your kernel tree \(Linux 6\.15\)/);
    assert.match(gadget, /A gadget that only the miniature tree defines\./);
    assert.doesNotMatch(gadget, /second paragraph/);
    assert.match(gadget, /rust\/kernel\/widget\.rs:6/);
    assert.match(hover('new(GADGET'), /pub fn new\(id: u32\) -> Self/);
    assert.match(hover('GADGET_LIMIT'), /pub const GADGET_LIMIT: u32 = 4/);
    assert.match(hover('gadget_info!'), /Logs a line about a gadget\./);
    // A knowledge-base item the tree backports: the tree's own signature and docs join the knowledge base's history.
    assert.match(hover('Instant::now'), /A reading of the monotonic clock, backported into this tree\./);
  } finally {
    tree.delete();
  }
  const def = api.item('kernel::widget::Gadget');
  assert.equal(def?.file, path.join(TREE, 'rust', 'kernel', 'widget.rs'));
  assert.deepEqual([def?.line, def?.character], [5, 11]);
});

test('the CLI uses the tree too, and --stats says where the tree won', () => {
  const r = spawnSync(process.execPath, [CLI, '--stats', '--format', 'json', DRIVER], { cwd: ROOT, encoding: 'utf8' });
  assert.equal(r.status, 1, r.stderr);
  const found = (JSON.parse(r.stdout) as { findings: { message: string }[] }).findings.map((f) => /`([^`]+)`/.exec(f.message)?.[1]);
  assert.deepEqual(found.sort(), ['kernel::sprocket_info!', 'kernel::sync::Mutex', 'kernel::widget::Sprocket', 'kernel::widget::missing_helper']);
  assert.match(r.stderr, /tree-decides lacks `kernel::sync::Mutex`, which the knowledge base says Linux 6\.15 has: the tree wins/);
  assert.match(r.stderr, /tree-decides has `kernel::time::Instant`, which the knowledge base says Linux 6\.15 lacks: the tree wins/);
});

test('a real 7.3 tree: hover-worthy items resolve, a real 7.3 item the knowledge base lacks is present, made-up ones are absent', { skip: noReal }, async () => {
  const real = TreeApi.build(await sharedParser(), REAL);
  assert.ok(real.decides);
  for (const p of ['kernel::sync::Arc', 'kernel::sync::ArcBorrow', 'kernel::prelude::KBox::try_pin_init', 'kernel::prelude::GFP_KERNEL', 'kernel::error::code::ENOTTY', 'kernel::prelude::module!', 'kernel::prelude::pr_info!', 'kernel::dev_info!', 'kernel::c_str!']) {
    assert.equal(real.presence(p), 'present', p);
    assert.ok(real.item(p)?.signature, `${p} has a signature`);
  }
  assert.equal(real.item('kernel::prelude::vtable', 'macro')?.kind, 'attribute');
  // A 7.3 item the knowledge base has no entry for.
  assert.equal(knowledgeBase().lookup('kernel::error::code::ENOTTY').length, 0);
  assert.equal(real.presence('kernel::sync::NoSuchLock'), 'absent');
  assert.equal(real.presence('kernel::no_such_module::Thing'), 'absent');
  assert.equal(real.presence('kernel::error::code::ENOSUCHERRNO'), 'absent');
  const findings = await check('use kernel::sync::NoSuchLock;\nuse kernel::error::code::ENOTTY;\n', real, '/tmp/out-of-tree/x.rs', '7.3');
  assert.deepEqual(findings.map((f) => f.range.start.line), [0]);
  // A macro imported without its `!` that the knowledge base says left: one finding, the knowledge base's, not a second one from the tree.
  const macro = await check('use kernel::dma_write;\n', real, '/tmp/out-of-tree/x.rs', '7.3');
  assert.deepEqual(macro.map((f) => `${f.ruleId} ${/`([^`]+)`/.exec(f.message)?.[1]}`), ['api-removed kernel::dma_write!']);
});
