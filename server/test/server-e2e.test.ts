import assert from 'node:assert/strict';
import * as path from 'node:path';
import { after, before, test } from 'node:test';
import { pathToFileURL } from 'node:url';
import { kernelTree, tempDir, writeTree } from './helpers';
import { TestClient } from './lsp-client';

const OLD_TIME_API = 'use kernel::time::ClockId;\n\nfn clock() -> ClockId {\n    ClockId::Monotonic\n}\n';
let client: TestClient;

before(async () => {
  client = new TestClient();
  const init = (await client.initialize({ targetVersion: '6.16' })) as { capabilities: { textDocumentSync: { change: number } } };
  assert.equal(init.capabilities.textDocumentSync.change, 2, 'incremental sync');
});

after(async () => {
  assert.equal(await client.stop(), 0);
});

test('publishes diagnostics with rule code, source and docs link, and follows a target change', async () => {
  const uri = 'file:///virtual/clock.rs';
  await client.open(uri, OLD_TIME_API);
  const at616 = await client.diagnostics(uri);
  assert.deepEqual(at616.diagnostics, [], 'ClockId exists in 6.16');

  await client.conn.sendNotification('workspace/didChangeConfiguration', { settings: { kernelRust: { targetVersion: '6.17' } } });
  const at617 = await client.diagnostics(uri, (p) => p.diagnostics.length > 0);
  assert.equal(at617.diagnostics.length, 1);
  const d = at617.diagnostics[0];
  assert.equal(d.code, 'api-removed');
  assert.equal(d.source, 'kernel-rust');
  assert.match(d.message, /`kernel::time::ClockId` is not in Linux 6\.17 \(removed in 6\.17\)/);
  assert.match(d.codeDescription?.href ?? '', /lints\.md#api-removed$/);
  assert.deepEqual(d.range.start, { line: 0, character: 18 });

  const info = (await client.conn.sendRequest('kernelRust/targetInfo', { uri })) as { release: string; source: string };
  assert.deepEqual(info, { release: '6.17', source: 'setting' });
});

test('an invalid target is refused with a warning and the last good one stays', async () => {
  client.logs.length = 0;
  await client.conn.sendNotification('workspace/didChangeConfiguration', { settings: { kernelRust: { targetVersion: '9.99' } } });
  const info = (await client.conn.sendRequest('kernelRust/targetInfo', {})) as { release: string };
  assert.equal(info.release, '6.17');
  assert.ok(client.logs.some((l) => /targetVersion.*9\.99/.test(l)), client.logs.join('\n'));
});

test('diagnostics follow incremental edits and carry the newest version', async () => {
  const uri = 'file:///virtual/edit.rs';
  await client.open(uri, 'fn main() {}\n', 1);
  await client.diagnostics(uri, (p) => p.version === 1);
  await client.change(uri, 2, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: 'use kernel::time::ClockId;\n' }]);
  await client.change(uri, 3, [{ range: { start: { line: 0, character: 18 }, end: { line: 0, character: 25 } }, text: 'Delta' }]);
  const last = await client.diagnostics(uri, (p) => p.version === 3);
  assert.deepEqual(last.diagnostics, []);
  // Whatever the timing, a publish never goes back to an older version of the document.
  const versions = client.published.filter((p) => p.uri === uri).map((p) => p.version ?? -1);
  assert.deepEqual(versions, [...versions].sort((a, b) => a - b));
  assert.equal(versions[versions.length - 1], 3);
});

test('auto target follows the Makefile of the kernel tree around the file', async () => {
  const root = kernelTree(tempDir(), '6.17', { 'drivers/demo/demo.rs': OLD_TIME_API });
  await client.conn.sendNotification('workspace/didChangeConfiguration', { settings: { kernelRust: { targetVersion: 'auto' } } });
  const uri = pathToFileURL(path.join(root, 'drivers/demo/demo.rs')).href;
  await client.open(uri, OLD_TIME_API);
  const p = await client.diagnostics(uri);
  assert.equal(p.diagnostics.length, 1);
  const info = (await client.conn.sendRequest('kernelRust/targetInfo', { uri })) as { release: string; source: string; kernelRoot: string };
  assert.equal(info.release, '6.17');
  assert.equal(info.source, 'Makefile');
  assert.equal(info.kernelRoot, root);
});

test('a Makefile naming a release nobody knows (PATCHLEVEL = 1000) is warned about once and every feature still answers', async () => {
  const root = kernelTree(tempDir(), '6.15', { 'drivers/demo/odd.rs': OLD_TIME_API });
  writeTree(root, { Makefile: 'VERSION = 6\nPATCHLEVEL = 1000\nSUBLEVEL = 0\n' });
  await client.conn.sendNotification('workspace/didChangeConfiguration', { settings: { kernelRust: { targetVersion: 'auto' } } });
  client.logs.length = 0;
  const uri = pathToFileURL(path.join(root, 'drivers/demo/odd.rs')).href;
  await client.open(uri, OLD_TIME_API);
  const p = await client.diagnostics(uri);
  assert.equal(p.diagnostics.length, 1, 'checked as 6.19, where the 6.15 ClockId enum is gone');
  const info = (await client.conn.sendRequest('kernelRust/targetInfo', { uri })) as { release: string; unknownRelease?: string; note?: string };
  assert.equal(info.release, '6.19');
  assert.equal(info.unknownRelease, '6.1000');
  const hover = (await client.conn.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 20 } })) as { contents: { value: string } } | null;
  assert.match(hover?.contents.value ?? '', /ClockId/);
  const completion = await client.conn.sendRequest('textDocument/completion', { textDocument: { uri }, position: { line: 0, character: 18 } });
  assert.ok(completion !== undefined);
  await client.conn.sendRequest('kernelRust/targetInfo', { uri });
  const warnings = client.logs.filter((l) => /6\.1000.*does not know/.test(l));
  assert.equal(warnings.length, 2, `one log line and one message, once: ${client.logs.join('\n')}`);
});

test('an out-of-tree module is checked at the release of kernelRust.kernelTree', async () => {
  const kdir = kernelTree(tempDir(), '6.15');
  const module = tempDir();
  writeTree(module, { 'drv.rs': 'use kernel::time::Instant;\n' });
  await client.conn.sendNotification('workspace/didChangeConfiguration', { settings: { kernelRust: { targetVersion: 'auto', kernelTree: kdir } } });
  const uri = pathToFileURL(path.join(module, 'drv.rs')).href;
  await client.open(uri, 'use kernel::time::Instant;\n');
  const p = await client.diagnostics(uri, (x) => x.diagnostics.length > 0);
  assert.match(p.diagnostics[0].message, /not in Linux 6\.15/);
  const info = (await client.conn.sendRequest('kernelRust/targetInfo', { uri })) as { release: string; source: string; kernelRoot?: string };
  assert.deepEqual(info, { release: '6.15', source: 'tree', kernelRoot: kdir });
  await client.close(uri);
  await client.conn.sendNotification('workspace/didChangeConfiguration', { settings: { kernelRust: { kernelTree: '' } } });
});

test('broken, empty, binary and oversized files do not crash the server', async () => {
  const cases: [string, string][] = [
    ['file:///virtual/empty.rs', ''],
    ['file:///virtual/broken.rs', 'fn f( { pin_init!(Self { a <- , }) ]] "unterminated'],
    ['file:///virtual/binary.rs', 'fn f() {}\u0000\u0007\u0000'],
    ['file:///virtual/huge.rs', `// ${'x'.repeat(3 * 1024 * 1024)}\n`],
  ];
  for (const [uri, text] of cases) await client.open(uri, text);
  for (const [uri] of cases) await client.diagnostics(uri);
  const huge = await client.diagnostics('file:///virtual/huge.rs');
  assert.equal(huge.diagnostics.length, 1);
  assert.equal(huge.diagnostics[0].severity, 3);
  assert.match(huge.diagnostics[0].message, /analysis skipped.*KiB/);
  const binary = await client.diagnostics('file:///virtual/binary.rs');
  assert.match(binary.diagnostics[0]?.message ?? '', /binary/);
  const info = await client.conn.sendRequest('kernelRust/targetInfo', {});
  assert.ok(info, 'server still answers');
});

test('closing a document clears its diagnostics', async () => {
  const uri = 'file:///virtual/closing.rs';
  await client.open(uri, OLD_TIME_API);
  await client.diagnostics(uri);
  client.clearPublished();
  await client.close(uri);
  const cleared = await client.diagnostics(uri);
  assert.deepEqual(cleared.diagnostics, []);
});

test('quick fixes come back as code actions: the rule\'s own fix and an allow comment', async () => {
  await client.conn.sendNotification('workspace/didChangeConfiguration', { settings: { kernelRust: { targetVersion: '6.15' } } });
  const uri = 'file:///virtual/moved.rs';
  const text = 'use kernel::init::PinInit;\n';
  await client.open(uri, text);
  const p = await client.diagnostics(uri, (x) => x.diagnostics.length > 0);
  const actions = (await client.conn.sendRequest('textDocument/codeAction', {
    textDocument: { uri },
    range: p.diagnostics[0].range,
    context: { diagnostics: p.diagnostics },
  })) as { title: string; isPreferred?: boolean; edit: { changes: Record<string, { newText: string }[]> } }[];
  const titles = actions.map((a) => a.title);
  assert.deepEqual(titles, ['Replace with pin_init::PinInit', 'Allow api-removed on this line']);
  assert.equal(actions[0].isPreferred, true);
  assert.equal(actions[0].edit.changes[uri][0].newText, 'pin_init::PinInit');
  assert.equal(actions[1].edit.changes[uri][0].newText, '// kernel-rust: allow(api-removed)\n');
});

test('Fix all (source.fixAll.kernel-rust) applies every mechanical fix of the document in one edit', async () => {
  await client.conn.sendNotification('workspace/didChangeConfiguration', { settings: { kernelRust: { targetVersion: '7.3' } } });
  const uri = 'file:///virtual/fix-all.rs';
  const text = 'use kernel::types::ARef;\nuse kernel::init::PinInit;\nfn f() {}\n';
  await client.open(uri, text);
  await client.diagnostics(uri, (x) => x.diagnostics.length > 0);
  const actions = (await client.conn.sendRequest('textDocument/codeAction', {
    textDocument: { uri },
    range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
    context: { diagnostics: [], only: ['source.fixAll'] },
  })) as { title: string; kind: string; edit: { changes: Record<string, { newText: string }[]> } }[];
  assert.equal(actions.length, 1, JSON.stringify(actions));
  assert.equal(actions[0].kind, 'source.fixAll.kernel-rust');
  assert.equal(actions[0].edit.changes[uri][0].newText, 'use kernel::sync::aref::ARef;\nuse pin_init::PinInit;\nfn f() {}\n');
  const none = (await client.conn.sendRequest('textDocument/codeAction', {
    textDocument: { uri },
    range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
    context: { diagnostics: [], only: ['refactor'] },
  })) as unknown[];
  assert.deepEqual(none, [], 'other kinds get nothing');
  await client.close(uri);
});

test('kernelRust/migrationReport lists the changes the workspace meets between two releases, as Markdown', async () => {
  const root = tempDir();
  writeTree(root, { 'drivers/x.rs': 'use kernel::dma::CoherentAllocation;\nuse kernel::time::Delta;\n' });
  const c = new TestClient();
  try {
    await c.initialize({}, pathToFileURL(root).href);
    const r = (await c.conn.sendRequest('kernelRust/migrationReport', { from: '6.19', to: '7.3' })) as { markdown: string; files: number; changes: number };
    assert.equal(r.files, 1);
    assert.ok(r.changes >= 2, JSON.stringify(r));
    assert.match(r.markdown, /^### Kernel Rust: changes from Linux 6\.19 to 7\.3$/m);
    assert.match(r.markdown, /CoherentAllocation/);
    assert.match(r.markdown, /drivers\/x\.rs:1/);
    const bad = (await c.conn.sendRequest('kernelRust/migrationReport', { from: 'soon', to: '7.3' })) as { error?: string };
    assert.match(bad.error ?? '', /two known releases/);
  } finally {
    assert.equal(await c.stop(), 0);
  }
});
