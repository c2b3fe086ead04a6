import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { after, before, test } from 'node:test';
import { pathToFileURL } from 'node:url';
import { ROOT } from './helpers';
import { TestClient } from './lsp-client';

const TREE = path.join(ROOT, 'test-fixtures', 'kernel-tree');
const DRIVER = path.join(TREE, 'drivers', 'demo', 'demo.rs');
const DRIVER_URI = pathToFileURL(DRIVER).href;
const TEXT = fs.readFileSync(DRIVER, 'utf8');
let client: TestClient;

function positionOf(needle: string, nth = 0): { line: number; character: number } {
  let idx = -1;
  for (let i = 0; i <= nth; i++) idx = TEXT.indexOf(needle, idx + 1);
  const before = TEXT.slice(0, idx).split('\n');
  return { line: before.length - 1, character: before[before.length - 1].length };
}

type Hover = { contents: { kind: string; value: string }; range: unknown } | null;

/** A failing server must fail these tests, not hang the suite: each test has a bound, and so has each wait. */
const BOUND = { timeout: 30_000 };

function within<T>(p: Promise<T>, what: string, ms = 20_000): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what}: no answer within ${ms} ms`)), ms);
  });
  return Promise.race([p, late]).finally(() => clearTimeout(timer));
}

/** Runs `body` at a target release and puts the setting back to `auto` whatever happens, so a failure does not leak into the next test. */
async function atTarget(release: string, body: () => Promise<void>): Promise<void> {
  await client.conn.sendNotification('workspace/didChangeConfiguration', { settings: { kernelRust: { targetVersion: release } } });
  try {
    await body();
  } finally {
    await client.conn.sendNotification('workspace/didChangeConfiguration', { settings: { kernelRust: { targetVersion: 'auto' } } });
  }
}

before(async () => {
  client = new TestClient();
  await within(client.initialize({}, pathToFileURL(TREE).href), 'initialize');
});

after(async () => {
  await client.stop();
});

test('hover over stdio answers with Markdown for kernel items and null for local code', BOUND, () => atTarget('6.15', async () => {
  const uri = 'file:///virtual/hover.rs';
  const text = 'use kernel::time::Instant;\nfn f(x: u32) -> u32 { x }\n';
  await client.open(uri, text);
  const h = (await client.conn.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 20 } })) as Hover;
  assert.equal(h?.contents.kind, 'markdown');
  assert.match(h?.contents.value ?? '', /\*\*Not available in Linux 6\.15\*\* \(added in 6\.16\)/);
  const none = await client.conn.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: 1, character: 22 } });
  assert.equal(none, null);
  const past = await client.conn.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: 99, character: 0 } });
  assert.equal(past, null);
}));

test('inside a kernel tree, hover shows the tree\'s own docs and go-to-definition jumps into its sources', BOUND, async () => {
  await client.open(DRIVER_URI, TEXT);
  // The workspace is a kernel tree, indexed from the start: the first request already has the index (or waits for it).
  const h = (await client.conn.sendRequest('textDocument/hover', { textDocument: { uri: DRIVER_URI }, position: positionOf('Mutex<u32>') })) as Hover;
  const value = h?.contents.value ?? '';
  assert.match(value, /pub type Mutex<T> = super::Lock<T, MutexBackend>/);
  assert.match(value, /this text comes from the indexed tree/);
  assert.match(value, /checked against Linux 6\.16/);
  assert.match(value, /Since Linux 6\.4/, 'the knowledge base history is still shown');

  const def = (await client.conn.sendRequest('textDocument/definition', { textDocument: { uri: DRIVER_URI }, position: positionOf('from_millis') })) as {
    uri: string;
    range: { start: { line: number } };
  } | null;
  assert.ok(def);
  assert.equal(def.uri, pathToFileURL(path.join(TREE, 'rust', 'kernel', 'time.rs')).href);
  assert.equal(def.range.start.line, 9);
});

test('completion over stdio offers kernel paths of the target release only', BOUND, () => atTarget('6.15', async () => {
  const uri = 'file:///virtual/complete.rs';
  await client.open(uri, 'use kernel::time::\n');
  const list = (await client.conn.sendRequest('textDocument/completion', { textDocument: { uri }, position: { line: 0, character: 18 } })) as {
    items: { label: string }[];
  } | null;
  const labels = (list?.items ?? []).map((i) => i.label);
  assert.ok(labels.includes('hrtimer') && labels.includes('Ktime'), labels.join(', '));
  assert.ok(!labels.includes('Instant'));
}));
