// The real server over stdio, in a workspace that is a (miniature) kernel tree: the tree is indexed from the start
// with work-done progress, the FIRST hover and definition requests already answer for items only the tree has, and
// the diagnostics follow the tree.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { after, before, test } from 'node:test';
import { pathToFileURL } from 'node:url';
import { ROOT, tempDir } from './helpers';
import { TestClient } from './lsp-client';

const TREE = path.join(ROOT, 'test-fixtures', 'tree-decides');
const DRIVER = path.join(TREE, 'drivers', 'demo', 'gadgets.rs');
const DRIVER_URI = pathToFileURL(DRIVER).href;
const TEXT = fs.readFileSync(DRIVER, 'utf8');

let client: TestClient;
const created: string[] = [];
const progress: { token: string; kind: string; title?: string }[] = [];

function positionOf(needle: string): { line: number; character: number } {
  const before = TEXT.slice(0, TEXT.indexOf(needle)).split('\n');
  return { line: before.length - 1, character: before[before.length - 1].length };
}

before(async () => {
  client = new TestClient();
  client.conn.onRequest('window/workDoneProgress/create', (p: { token: string }) => {
    created.push(String(p.token));
    return null;
  });
  client.conn.onNotification('$/progress', (p: { token: string; value: { kind: string; title?: string } }) => {
    progress.push({ token: String(p.token), kind: p.value.kind, title: p.value.title });
  });
  await client.conn.sendRequest('initialize', {
    processId: process.pid,
    rootUri: pathToFileURL(TREE).href,
    capabilities: { window: { workDoneProgress: true }, textDocument: { publishDiagnostics: { versionSupport: true } } },
    initializationOptions: { debounceMs: 0 },
  });
  await client.conn.sendNotification('initialized', {});
});

after(async () => {
  await client.stop();
});

test('the first hover and definition requests answer for the tree\'s own items', async () => {
  await client.open(DRIVER_URI, TEXT);
  const hover = (await client.conn.sendRequest('textDocument/hover', { textDocument: { uri: DRIVER_URI }, position: positionOf('Gadget::new') })) as {
    contents: { value: string };
  } | null;
  assert.ok(hover, 'the first hover answers');
  assert.match(hover.contents.value, /pub struct Gadget \{ … \}/);
  assert.match(hover.contents.value, /A gadget that only the miniature tree defines\./);
  const def = (await client.conn.sendRequest('textDocument/definition', { textDocument: { uri: DRIVER_URI }, position: positionOf('gadget_info!') })) as {
    uri: string;
    range: { start: { line: number; character: number } };
  } | null;
  assert.ok(def, 'the first definition request answers');
  assert.equal(def.uri, pathToFileURL(path.join(TREE, 'rust', 'kernel', 'widget.rs')).href);
  const widget = fs.readFileSync(path.join(TREE, 'rust', 'kernel', 'widget.rs'), 'utf8').split('\n');
  assert.match(widget[def.range.start.line], /macro_rules! gadget_info/);
});

test('diagnostics are published with the tree deciding, and the log says where the tree won', async () => {
  const published = await client.diagnostics(DRIVER_URI, (p) => p.diagnostics.some((d) => /kernel::widget::Sprocket/.test(d.message)));
  const messages = published.diagnostics.map((d) => d.message);
  assert.ok(messages.some((m) => /`kernel::sync::Mutex` is not in Linux 6\.15: your kernel tree has no such item/.test(m)), messages.join('\n'));
  assert.ok(!messages.some((m) => /kernel::time::Instant/.test(m)), 'the backported Instant is not reported');
  assert.ok(client.logs.some((l) => /lacks `kernel::sync::Mutex`, which the knowledge base says Linux 6\.15 has: the tree wins/.test(l)), client.logs.join('\n'));
});

test('completion follows the tree: its own items are offered, the items it lacks are not', async () => {
  const uri = pathToFileURL(path.join(TREE, 'drivers', 'demo', 'complete.rs')).href;
  const labels = async (text: string): Promise<string[]> => {
    await client.open(uri, text);
    const list = (await client.conn.sendRequest('textDocument/completion', { textDocument: { uri }, position: { line: 0, character: text.length } })) as {
      items: { label: string; detail?: string }[];
    } | null;
    await client.close(uri);
    return (list?.items ?? []).map((i) => i.label);
  };
  const widget = await labels('use kernel::widget::');
  assert.ok(widget.includes('Gadget') && widget.includes('GADGET_LIMIT'), widget.join(', '));
  const sync = await labels('use kernel::sync::');
  assert.ok(sync.includes('SpinLock'), sync.join(', '));
  assert.ok(!sync.includes('Mutex'), 'the tree has no Mutex, whatever the knowledge base says');
  const root = await labels('use kernel::');
  assert.ok(root.includes('widget') && root.includes('gadget_info!'), root.join(', '));
});

test('indexing was reported with $/progress: begin then end, on a token the server created', () => {
  assert.ok(created.length >= 1, 'window/workDoneProgress/create was sent');
  const mine = progress.filter((p) => p.token === created[0]).map((p) => p.kind);
  assert.deepEqual(mine, ['begin', 'end']);
  assert.match(progress.find((p) => p.kind === 'begin')?.title ?? '', /indexing/);
});

test('a change to the tree\'s sources is indexed again: hover shows the new docs, diagnostics follow', { timeout: 60_000 }, async () => {
  const dir = tempDir();
  fs.cpSync(TREE, dir, { recursive: true });
  const driver = path.join(dir, 'drivers', 'demo', 'gadgets.rs');
  const uri = pathToFileURL(driver).href;
  const other = new TestClient();
  try {
    let done = 0;
    other.conn.onNotification('kernelRust/indexing', (p: { state: string }) => {
      if (p.state === 'done') done++;
    });
    await other.initialize({ debounceMs: 0 }, pathToFileURL(dir).href);
    await other.open(uri, TEXT);
    const hoverText = async (): Promise<string> => {
      const h = (await other.conn.sendRequest('textDocument/hover', { textDocument: { uri }, position: positionOf('Gadget::new') })) as { contents: { value: string } } | null;
      return h?.contents.value ?? '';
    };
    assert.match(await hoverText(), /A gadget that only the miniature tree defines\./);
    const before = done;
    const widget = path.join(dir, 'rust', 'kernel', 'widget.rs');
    fs.writeFileSync(widget, fs.readFileSync(widget, 'utf8').replace('A gadget that only the miniature tree defines.', 'A gadget, as the edited tree describes it.') + '\n/// Now there.\npub struct Sprocket;\n');
    // The server watches the tree's rust/ folder; the editor's file watcher says the same.
    await other.conn.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToFileURL(widget).href, type: 2 }] });
    while (done === before) await new Promise((resolve) => setTimeout(resolve, 50));
    assert.match(await hoverText(), /A gadget, as the edited tree describes it\./);
    const published = await other.diagnostics(uri, (p) => !p.diagnostics.some((d) => /kernel::widget::Sprocket/.test(d.message)));
    assert.ok(published.diagnostics.some((d) => /kernel::sync::Mutex/.test(d.message)), 'the other findings stay');
  } finally {
    await other.stop();
  }
});
