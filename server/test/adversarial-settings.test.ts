// Hostile settings and a hostile workspace: every setting with a wrong type or value, kernel-tree settings that point
// at system folders, FIFOs, loops and huge folders, and Makefiles that are huge, binary or nonsense. Each must give a
// clear warning (or be taken as the valid value it is), keep the last good settings, and leave every feature
// answering. Bounded in time.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { after, before, test } from 'node:test';
import { pathToFileURL } from 'node:url';
import { kernelTree, tempDir, writeTree } from './helpers';
import { TestClient } from './lsp-client';

const CODE = 'use kernel::time::Instant;\n\nfn now() -> Instant {\n    Instant::now()\n}\n';
let client: TestClient;

before(async () => {
  client = new TestClient();
  await client.initialize({ targetVersion: '6.15', debounceMs: 0 });
});

after(async () => {
  const bad = client.logs.filter((l) => /unhandled rejection|uncaught exception|failed \(logged once/.test(l));
  assert.deepEqual(bad, [], 'no unhandled errors');
  assert.equal(client.stderr.trim(), '', 'nothing on stderr');
  assert.equal(await client.stop(), 0);
});

async function configure(kernelRust: unknown): Promise<void> {
  await client.conn.sendNotification('workspace/didChangeConfiguration', { settings: { kernelRust } });
}

async function target(uri?: string): Promise<{ release: string; source: string; unknownRelease?: string }> {
  return (await client.conn.sendRequest('kernelRust/targetInfo', uri ? { uri } : {})) as { release: string; source: string };
}

/** Every feature answers for a document: diagnostics are published, hover and completion come back. */
async function answers(uri: string, text = CODE): Promise<number> {
  client.clearPublished();
  await client.open(uri, text);
  const p = await client.diagnostics(uri);
  const hover = await client.conn.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 20 } });
  const completion = await client.conn.sendRequest('textDocument/completion', { textDocument: { uri }, position: { line: 0, character: 18 } });
  assert.ok(hover !== undefined && completion !== undefined);
  await client.close(uri);
  return p.diagnostics.length;
}

test('targetVersion of every wrong type or value is refused with a warning, and the last good one stays', async () => {
  await configure({ targetVersion: '6.15' });
  for (const bad of [{ major: 7 }, ['6.15'], 6.15, true, '6.', '99.99', '6.15.x', '7.4-beta', ' ', 'v', '1e3']) {
    client.logs.length = 0;
    await configure({ targetVersion: bad });
    // A request round trip: the warnings for the notification have been sent by the time it is answered.
    assert.equal((await target()).release, '6.15', `after ${JSON.stringify(bad)}`);
    assert.ok(client.logs.some((l) => /targetVersion/.test(l)), `a warning for ${JSON.stringify(bad)}: ${client.logs.join(' | ')}`);
  }
  // Valid spellings are taken: a 7.x release, a point release, a release candidate; null means auto.
  for (const [good, release] of [['7.0', '7.0'], ['7.1.5', '7.1.5'], ['7.4-rc1', '7.4']]) {
    await configure({ targetVersion: good });
    assert.equal((await target()).release, release);
  }
  await configure({ targetVersion: null });
  assert.equal((await target()).source, 'default');
  await configure({ targetVersion: '6.15' });
  assert.equal(await answers('file:///virtual/after-targets.rs'), 1, 'Instant is not in 6.15');
});

test('lints with unknown ids, bad levels or a wrong shape are refused one by one; good entries apply', async () => {
  client.logs.length = 0;
  await configure({ lints: { 'no-such-rule': 'error', 'api-unavailable': 'loud', 'api-removed': 3 } });
  await target();
  assert.ok(client.logs.some((l) => /unknown rule "no-such-rule"/.test(l)));
  assert.ok(client.logs.some((l) => /api-unavailable.*"loud"/.test(l)));
  for (const bad of ['error', 42, ['off']]) {
    client.logs.length = 0;
    await configure({ lints: bad });
    await target();
    assert.ok(client.logs.some((l) => /lints/.test(l)), `a warning for lints = ${JSON.stringify(bad)}`);
  }
  await configure({ lints: { 'api-unavailable': 'off' } });
  assert.equal(await answers('file:///virtual/lints-off.rs'), 0, 'the good entry applied');
  await configure({ lints: { 'api-unavailable': 'error' } });
  assert.equal(await answers('file:///virtual/lints-on.rs'), 1);
  for (const bad of [null, 'not an object', 7]) {
    await configure(bad);
    assert.equal((await target()).release, '6.15');
  }
});

test('debounceMs that is negative, huge or not a number falls back to the default with a warning', async () => {
  for (const bad of [-5, 1e12, 'fast', null, { ms: 3 }]) {
    const c = new TestClient();
    await c.initialize({ targetVersion: '6.15', debounceMs: bad });
    assert.ok(c.logs.some((l) => /debounceMs/.test(l)), `a warning for ${JSON.stringify(bad)}`);
    await c.open('file:///virtual/d.rs', CODE);
    assert.equal((await c.diagnostics('file:///virtual/d.rs')).diagnostics.length, 1);
    assert.equal(await c.stop(), 0);
    assert.equal(c.stderr, '', 'no timer-overflow warning or anything else on stderr');
  }
});

test('kernelTree pointing at /, /proc, a FIFO, a symbolic-link loop or a file is refused; the server keeps answering', async () => {
  const dir = tempDir();
  const fifo = path.join(dir, 'fifo');
  const madeFifo = spawnSync('mkfifo', [fifo]).status === 0;
  fs.symlinkSync(path.join(dir, 'loop-b'), path.join(dir, 'loop-a'));
  fs.symlinkSync(path.join(dir, 'loop-a'), path.join(dir, 'loop-b'));
  writeTree(dir, { 'plain.txt': 'x' });
  const bad: unknown[] = ['/', '/proc', path.join(dir, 'loop-a'), path.join(dir, 'plain.txt'), path.join(dir, 'missing'), 12, { path: '/' }];
  if (madeFifo) bad.push(fifo);
  for (const v of bad) {
    client.logs.length = 0;
    await configure({ kernelTree: v });
    await target();
    assert.ok(client.logs.some((l) => /kernelTree/.test(l)), `a warning for ${JSON.stringify(v)}`);
  }
  await configure({ kernelTree: '' });
  assert.equal(await answers('file:///virtual/after-trees.rs'), 1);
});

test('a kernel tree of 100,000 files: indexing is bounded and requests are answered while it runs', { timeout: 180_000 }, async () => {
  const root = kernelTree(tempDir(), '6.15');
  const many = path.join(root, 'rust', 'kernel', 'many');
  fs.mkdirSync(many, { recursive: true });
  for (let i = 0; i < 100_000; i++) fs.writeFileSync(path.join(many, `m${i}.rs`), `/// Item ${i}.\npub fn f${i}() {}\n`);
  await configure({ kernelTree: root, targetVersion: 'auto' });
  const uri = pathToFileURL(path.join(root, 'drivers', 'x.rs')).href;
  writeTree(root, { 'drivers/x.rs': CODE });
  const started = performance.now();
  assert.equal(await answers(uri), 1, 'checked as 6.15 from the tree');
  const ms = performance.now() - started;
  assert.ok(ms < 10_000, `answers took ${Math.round(ms)} ms while indexing`);
  await configure({ kernelTree: '', targetVersion: '6.15' });
});

test('Makefiles with huge numbers, 10 MB of text, binary content or no VERSION line: every feature still answers', async () => {
  await configure({ targetVersion: 'auto' });
  const cases: [string, string | Buffer, (t: { release: string; source: string; unknownRelease?: string }) => void][] = [
    ['huge numbers', 'VERSION = 99999999999999\nPATCHLEVEL = 99999999999999\n', (t) => assert.equal(t.source, 'default')],
    ['a six-digit PATCHLEVEL', 'VERSION = 6\nPATCHLEVEL = 999999\n', (t) => assert.equal(t.unknownRelease, '6.999999')],
    ['10 MB of text', `VERSION = 6\nPATCHLEVEL = 14\n${'# filler line\n'.repeat(750_000)}`, (t) => assert.equal(t.release, '6.14')],
    ['10 MB of text before the version', `${'# filler line\n'.repeat(750_000)}VERSION = 6\nPATCHLEVEL = 14\n`, (t) => assert.equal(t.source, 'default')],
    ['binary', Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 37) % 256)), (t) => assert.equal(t.source, 'default')],
    ['no VERSION line', 'PATCHLEVEL = 15\nSUBLEVEL = 0\n', (t) => assert.equal(t.source, 'default')],
    ['an empty Makefile', '', (t) => assert.equal(t.source, 'default')],
  ];
  for (const [what, makefile, check] of cases) {
    const root = kernelTree(tempDir(), '6.15', { 'drivers/y.rs': CODE });
    fs.writeFileSync(path.join(root, 'Makefile'), makefile);
    const uri = pathToFileURL(path.join(root, 'drivers', 'y.rs')).href;
    const info = await target(uri);
    check(info);
    await answers(uri);
    assert.ok(info.release, what);
  }
  await configure({ targetVersion: '6.15' });
});

test('the kernel-tree indexer with files changing and vanishing under it: requests are answered, memory stays bounded', { timeout: 120_000, skip: !fs.existsSync('/proc/self/status') }, async () => {
  const root = kernelTree(tempDir(), '6.15');
  const dir = path.join(root, 'rust', 'kernel', 'churn');
  fs.mkdirSync(dir, { recursive: true });
  const n = 4000;
  for (let i = 0; i < n; i++) fs.writeFileSync(path.join(dir, `c${i}.rs`), `/// Churned item ${i}.\npub fn churn${i}(x: u32) -> u32 { x + ${i} }\n`);
  fs.writeFileSync(path.join(root, 'rust', 'kernel', 'lib.rs'), '//! stub\npub mod churn;\n');
  const states: string[] = [];
  client.conn.onNotification('kernelRust/indexing', (p: { root: string; state: string }) => {
    if (p.root === root) states.push(p.state);
  });
  await configure({ kernelTree: root, targetVersion: 'auto' });
  writeTree(root, { 'drivers/z.rs': CODE });
  const uri = pathToFileURL(path.join(root, 'drivers', 'z.rs')).href;
  await client.open(uri, CODE);
  const hover = () => client.conn.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 20 } });
  await hover(); // starts indexing
  let peakKb = 0;
  const pid = client.proc.pid as number;
  for (let round = 0; round < 40 && !states.some((s) => s !== 'running'); round++) {
    // Files vanish, change and appear while the index is being built; every request in between is answered.
    for (let k = 0; k < 50; k++) {
      const i = (round * 97 + k * 31) % n;
      const f = path.join(dir, `c${i}.rs`);
      if (k % 3 === 0) fs.rmSync(f, { force: true });
      else if (k % 3 === 1) fs.writeFileSync(f, `pub fn churn${i}(x: u32) -> u32 { x * 2 }\n${'// padding\n'.repeat(k)}`);
      else fs.writeFileSync(path.join(dir, `new${round}_${k}.rs`), 'pub struct Fresh;\n');
    }
    const answers = await Promise.all([hover(), client.conn.sendRequest('kernelRust/targetInfo', { uri }), hover()]);
    assert.equal(answers.length, 3);
    const rss = Number(/^VmRSS:\s+(\d+)/m.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0);
    peakKb = Math.max(peakKb, rss);
  }
  for (let waited = 0; !states.some((s) => s !== 'running') && waited < 60_000; waited += 50) await new Promise((r) => setTimeout(r, 50));
  assert.ok(states.includes('done') || states.includes('failed'), `indexing finished: ${states.join(',')}`);
  assert.ok(await hover(), 'hover after indexing');
  assert.ok(peakKb / 1024 < 300, `server RSS peaked at ${(peakKb / 1024).toFixed(0)} MB while indexing`);
  await client.close(uri);
  await configure({ kernelTree: '', targetVersion: '6.15' });
});
