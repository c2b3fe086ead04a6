// A hostile client, one attack class per test: the server must answer every request it can (a result or a proper
// JSON-RPC error), keep each document's tree equal to a fresh parse of its text (checked through diagnostics: the
// edited document must get exactly what the same text gets when opened fresh), and exit cleanly when the byte
// stream itself is broken instead of hanging. Bounded in time; stdio only.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import * as path from 'node:path';
import { after, before, test } from 'node:test';
import { CancellationTokenSource } from 'vscode-jsonrpc/node';
import { TextDocument, type TextDocumentContentChangeEvent } from 'vscode-languageserver-textdocument';
import { generateFile } from '../../scripts/bench-corpus';
import { ROOT } from './helpers';
import { diagnosticShape } from './edit-load';
import { TestClient } from './lsp-client';

const SERVER = path.join(ROOT, 'dist', 'server.js');
/** 6.12 lacks everything this file names, so a tree that drifts from its text shows up as different findings. */
const TARGET = '6.12';
const TEXT = [
  'use kernel::time::{Delta, Instant};',
  'use kernel::sync::Arc;',
  '',
  'fn wait(d: Delta) -> Instant {',
  '    let now = kernel::time::Instant::now(); // 😀 astral characters: 😀😀',
  '    now',
  '}',
  '',
  generateFile(120, 3, 'hostile'),
].join('\n');

let client: TestClient;
let fresh = 0;

before(async () => {
  client = new TestClient();
  await client.initialize({ targetVersion: TARGET, debounceMs: 0 });
});

after(async () => {
  const bad = client.logs.filter((l) => /unhandled rejection|uncaught exception|failed \(logged once/.test(l));
  assert.deepEqual(bad, [], 'no unhandled errors and no failing rule');
  assert.equal(client.stderr.trim(), '', 'nothing on stderr');
  assert.equal(await client.stop(), 0, 'clean exit after shutdown');
});

/** A client-side copy of a document, changed by the same library the server uses. */
class Mirror {
  doc: TextDocument;
  constructor(readonly uri: string, text: string, version = 1) {
    this.doc = TextDocument.create(uri, 'rust', version, text);
  }
  async open(): Promise<void> {
    await client.open(this.uri, this.doc.getText(), this.doc.version);
  }
  async change(version: number, changes: TextDocumentContentChangeEvent[]): Promise<void> {
    this.doc = TextDocument.update(this.doc, changes, version);
    await client.change(this.uri, version, changes);
  }
  /** The server's newest diagnostics for this document equal those of its text opened fresh. */
  async assertFresh(what: string): Promise<void> {
    const version = this.doc.version;
    const mine = await client.diagnostics(this.uri, (p) => p.version === version);
    const other = `file:///virtual/fresh-${fresh++}.rs`;
    await client.open(other, this.doc.getText());
    const theirs = await client.diagnostics(other);
    await client.close(other);
    assert.deepEqual(diagnosticShape(mine), diagnosticShape(theirs), `${what}: the edited document and a fresh open of its text disagree`);
  }
}

const at = (line: number, character: number) => ({ line, character });

test('requests before initialize are refused with ServerNotInitialized, and the server then initializes normally', async () => {
  const c = new TestClient();
  await assert.rejects(
    c.conn.sendRequest('textDocument/hover', { textDocument: { uri: 'file:///x.rs' }, position: at(0, 0) }),
    (e: { code?: number }) => e.code === -32002,
  );
  await c.initialize({ targetVersion: TARGET });
  assert.ok(await c.conn.sendRequest('kernelRust/targetInfo', {}));
  assert.equal(await c.stop(), 0);
});

test('after shutdown, requests still get an answer and exit ends the process with status 0', async () => {
  const c = new TestClient();
  await c.initialize({ targetVersion: TARGET });
  const exited = new Promise<number | null>((resolve) => c.proc.once('exit', resolve));
  await c.conn.sendRequest('shutdown');
  const late = await c.conn.sendRequest('textDocument/hover', { textDocument: { uri: 'file:///x.rs' }, position: at(0, 0) });
  assert.equal(late, null);
  await c.conn.sendNotification('exit');
  assert.equal(await exited, 0);
  c.conn.dispose();
});

test('unknown methods: a request gets MethodNotFound, a notification is ignored, the server goes on', async () => {
  await assert.rejects(client.conn.sendRequest('kernelRust/noSuchThing', {}), (e: { code?: number }) => e.code === -32601);
  await client.conn.sendNotification('kernelRust/noSuchNotification', { x: 1 });
  await client.conn.sendNotification('$/noSuchThing', null);
  assert.ok(await client.conn.sendRequest('kernelRust/targetInfo', {}));
});

test('a duplicate didOpen replaces the document; what follows applies to the new text', async () => {
  const m = new Mirror('file:///virtual/dup.rs', 'fn a() {}\n');
  await m.open();
  await client.diagnostics(m.uri);
  // Same URI, a newer version and other text, without a didClose in between.
  m.doc = TextDocument.create(m.uri, 'rust', 2, TEXT);
  await m.open();
  await m.assertFresh('after the second didOpen');
  await m.change(3, [{ range: { start: at(0, 0), end: at(0, 3) }, text: 'pub use' }]);
  await m.assertFresh('after an edit of the reopened document');
  await client.close(m.uri);
});

test('ranges past the end, negative, reversed, overlapping and splitting a surrogate pair', async () => {
  const m = new Mirror('file:///virtual/ranges.rs', TEXT);
  await m.open();
  const lines = TEXT.split('\n').length;
  const cases: [string, TextDocumentContentChangeEvent[]][] = [
    ['past the end', [{ range: { start: at(lines + 50, 0), end: at(lines + 90, 7) }, text: '\nuse kernel::time::Delta;\n' }]],
    ['character past the line end', [{ range: { start: at(1, 500), end: at(1, 900) }, text: ' // tail' }]],
    ['negative', [{ range: { start: at(-3, -7), end: at(-1, -1) }, text: '// head\n' }]],
    ['reversed', [{ range: { start: at(4, 30), end: at(3, 2) }, text: 'X' }]],
    ['reversed across many lines', [{ range: { start: at(40, 5), end: at(10, 0) }, text: '' }]],
    ['overlapping changes in one notification', [
      { range: { start: at(0, 4), end: at(0, 20) }, text: 'kernel::' },
      { range: { start: at(0, 0), end: at(0, 10) }, text: 'pub use ' },
      { range: { start: at(0, 2), end: at(2, 0) }, text: '' },
    ]],
  ];
  let version = 2;
  for (const [what, changes] of cases) {
    await m.change(version++, changes);
    await m.assertFresh(what);
  }
  // Inside an astral character: its two UTF-16 halves are split by the edit and then mended by a second one.
  const text = m.doc.getText();
  const line = text.split('\n').findIndex((l) => l.includes('😀'));
  assert.ok(line >= 0);
  const col = text.split('\n')[line].indexOf('😀');
  await m.change(version++, [{ range: { start: at(line, col + 1), end: at(line, col + 1) }, text: 'split' }]);
  await m.assertFresh('an insert between the halves of a surrogate pair');
  await m.change(version++, [{ range: { start: at(line, col), end: at(line, col + 2) }, text: '' }]);
  await m.assertFresh('a delete of half a surrogate pair');
  await client.close(m.uri);
});

test('versions going backwards and full and incremental changes mixed', async () => {
  const m = new Mirror('file:///virtual/versions.rs', TEXT, 10);
  await m.open();
  await m.change(5, [{ range: { start: at(0, 0), end: at(0, 0) }, text: '// older version number\n' }]);
  await m.change(3, [{ text: TEXT.replace('Arc', 'Mutex') }, { range: { start: at(1, 0), end: at(1, 3) }, text: 'pub' }]);
  await m.change(4, [{ range: { start: at(0, 0), end: at(0, 0) }, text: 'use kernel::time::Delta;\n' }, { text: `${TEXT}\n// full again` }, { range: { start: at(2, 0), end: at(2, 0) }, text: '\n' }]);
  await m.change(50, [{ range: { start: at(3, 0), end: at(3, 0) }, text: '// newest\n' }]);
  await m.assertFresh('after backwards versions and mixed changes');
  await client.close(m.uri);
});

test('thousands of open documents: every one is answered, and closing them all leaves the server responsive', async () => {
  const n = 3000;
  const small = 'use kernel::time::Instant;\nfn f() {}\n';
  for (let i = 0; i < n; i++) await client.open(`file:///virtual/many/${i}.rs`, small);
  const last = await client.diagnostics(`file:///virtual/many/${n - 1}.rs`);
  assert.equal(last.diagnostics.length, 1, 'Instant is not in 6.12');
  const hover = await client.conn.sendRequest('textDocument/hover', { textDocument: { uri: 'file:///virtual/many/17.rs' }, position: at(0, 20) });
  assert.ok(hover, 'a hover among thousands of documents');
  for (let i = 0; i < n; i++) await client.close(`file:///virtual/many/${i}.rs`);
  assert.ok(await client.conn.sendRequest('kernelRust/targetInfo', {}));
});

test('$/cancelRequest: a cancelled request ends with a result or RequestCancelled, and the rest still answer', async () => {
  const m = new Mirror('file:///virtual/cancel.rs', TEXT);
  await m.open();
  const outcomes = await Promise.allSettled(
    Array.from({ length: 40 }, (_, i) => {
      const source = new CancellationTokenSource();
      const p = client.conn.sendRequest('textDocument/hover', { textDocument: { uri: m.uri }, position: at(i % 8, 6) }, source.token);
      source.cancel();
      return p;
    }),
  );
  for (const o of outcomes) {
    if (o.status === 'rejected') assert.equal((o.reason as { code?: number }).code, -32800, String(o.reason));
  }
  // Cancelling something already answered, or that never existed, is harmless.
  await client.conn.sendNotification('$/cancelRequest', { id: 999_999 });
  await m.assertFresh('after cancelled requests');
  await client.close(m.uri);
});

test('a 100 MB message is read, the document is skipped with one note, and the server goes on', { timeout: 120_000 }, async () => {
  const uri = 'file:///virtual/hundred-mb.rs';
  await client.open(uri, `// ${'x'.repeat(100 * 1024 * 1024)}\n`);
  const p = await client.diagnostics(uri, () => true, 60_000);
  assert.equal(p.diagnostics.length, 1);
  assert.match(p.diagnostics[0].message, /analysis skipped/);
  await client.close(uri);
  const m = new Mirror('file:///virtual/after-big.rs', TEXT);
  await m.open();
  await m.assertFresh('after a 100 MB message');
  await client.close(m.uri);
});

/** Starts a bare server and writes raw bytes to it; resolves with its exit status, or 'running' if it did not exit. */
async function rawSession(chunks: (string | Buffer)[], waitMs: number): Promise<{ exit: number | null | 'running'; stdout: string; stderr: string }> {
  const proc = spawn(process.execPath, [SERVER, '--stdio'], { stdio: 'pipe' });
  let stdout = '';
  let stderr = '';
  proc.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
  proc.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const exited = new Promise<number | null>((resolve) => proc.once('exit', resolve));
  for (const [i, c] of chunks.entries()) {
    proc.stdin.write(c);
    // After `initialize`, wait for its answer (a loaded machine may take a while to load the grammar).
    for (let waited = 0; i === 0 && !stdout.includes('"id":1,') && waited < 20_000; waited += 20) await new Promise((r) => setTimeout(r, 20));
    await new Promise((r) => setTimeout(r, 50));
  }
  const exit = await Promise.race([exited, new Promise<'running'>((r) => setTimeout(() => r('running'), waitMs))]);
  if (exit === 'running') proc.kill();
  return { exit, stdout, stderr };
}

const frame = (body: string): string => `Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`;
const INIT = JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'initialize', params: { processId: null, rootUri: null, capabilities: {} } });

test('a body that is not JSON is skipped with a log line; the next message is answered', async () => {
  const r = await rawSession([frame(INIT), frame('{"jsonrpc": "2.0", "id": 2, "method": '), frame('{"jsonrpc":"2.0","method":"initialized","params":{}}'), frame('{"jsonrpc":"2.0","id":3,"method":"kernelRust/targetInfo","params":{}}')], 3000);
  assert.match(r.stdout, /could not be read and was skipped/);
  assert.match(r.stdout, /"id":3,"result":\{"release"/);
  assert.equal(r.stderr, '');
});

test('a wrong Content-Length or a header that is no header makes the server exit with status 1, not hang', async () => {
  for (const broken of [
    'Content-Length: 5\r\n\r\n{"jsonrpc":"2.0","id":4,"method":"shutdown"}',
    'Hello: world\r\n\r\n{}',
    'Content-Length: many\r\n\r\n{}',
    'no header at all\r\n\r\n',
  ]) {
    const r = await rawSession([frame(INIT), broken, frame('{"jsonrpc":"2.0","id":5,"method":"shutdown"}')], 5000);
    assert.equal(r.exit, 1, `${JSON.stringify(broken)}: ${r.stderr}`);
    assert.match(r.stderr, /message stream from the editor is broken.*exiting/);
    assert.doesNotMatch(r.stderr, /at .*\.js:\d+/, 'no stack trace');
  }
});

test('a Content-Length longer than what comes waits for the rest, and the end of stdin ends the server', async () => {
  const proc = spawn(process.execPath, [SERVER, '--stdio'], { stdio: 'pipe' });
  const exited = new Promise<number | null>((resolve) => proc.once('exit', resolve));
  proc.stdin.write(frame(INIT));
  proc.stdin.write('Content-Length: 99999\r\n\r\n{"jsonrpc":"2.0"');
  await new Promise((r) => setTimeout(r, 300));
  proc.stdin.end();
  const code = await Promise.race([exited, new Promise<'running'>((r) => setTimeout(() => r('running'), 5000))]);
  if (code === 'running') proc.kill();
  assert.equal(code, 1, 'exit status 1: the stream ended without shutdown');
});
