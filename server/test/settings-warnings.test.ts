import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { after, before, test } from 'node:test';
import { pathToFileURL } from 'node:url';
import { statusView } from '../../client/src/status-text';
import { WarnOnce } from '../src/features/settings';
import { kernelTree, tempDir, writeTree } from './helpers';
import { TestClient } from './lsp-client';

let client: TestClient;
const root = tempDir('kr-status-');
const kernel = kernelTree(path.join(root, 'linux'), '6.15', { 'drivers/a.rs': '' });
writeTree(root, { 'app/Cargo.toml': '[package]\nname = "app"\n', 'app/src/main.rs': 'fn main() {}\n', 'loose/b.rs': '' });
fs.mkdirSync(path.join(root, 'empty'));

before(async () => {
  client = new TestClient();
  await client.initialize({}, pathToFileURL(kernel).href);
});

after(async () => {
  await client.stop();
});

const settle = (): Promise<void> => new Promise((r) => setTimeout(r, 300));

test('a bad target setting shows one warning while it lasts, and again when it comes back after a fix', async () => {
  const bad = { settings: { kernelRust: { targetVersion: '6.99' } } };
  await client.conn.sendNotification('workspace/didChangeConfiguration', bad);
  await client.conn.sendNotification('workspace/didChangeConfiguration', bad);
  await client.conn.sendNotification('workspace/didChangeConfiguration', { settings: { kernelRust: { targetVersion: '6.99', lints: { 'api-removed': 'warning' } } } });
  await settle();
  const about = (): string[] => client.shown.filter((m) => m.includes('kernelRust.targetVersion'));
  assert.equal(about().length, 1, client.shown.join('\n'));
  assert.match(about()[0], /^Kernel Rust: kernelRust\.targetVersion: Linux 6\.99 is not a release/);
  assert.ok(client.logs.filter((m) => m.includes('6.99')).length >= 3, 'every reading is still logged');
  await client.conn.sendNotification('workspace/didChangeConfiguration', { settings: { kernelRust: { targetVersion: 'auto' } } });
  await client.conn.sendNotification('workspace/didChangeConfiguration', bad);
  await settle();
  assert.equal(about().length, 2);
  await client.conn.sendNotification('workspace/didChangeConfiguration', { settings: { kernelRust: { targetVersion: 'auto' } } });
});

test('WarnOnce shows new warnings only', () => {
  const w = new WarnOnce();
  assert.deepEqual(w.fresh(['a', 'b']), ['a', 'b']);
  assert.deepEqual(w.fresh(['a', 'b']), []);
  assert.deepEqual(w.fresh(['b', 'c']), ['c']);
  assert.deepEqual(w.fresh([]), []);
  assert.deepEqual(w.fresh(['a']), ['a']);
});

type Info = Parameters<typeof statusView>[0];
const info = (uri?: string): Promise<Info> => client.conn.sendRequest('kernelRust/targetInfo', uri ? { uri } : {}) as Promise<Info>;

test('before any file is open the status comes from the workspace folder\'s kernel tree', async () => {
  const ws = await info();
  assert.equal(ws.source, 'Makefile');
  assert.equal(ws.release, '6.15');
  assert.equal(statusView(ws)?.text, 'Kernel 6.15 · Makefile');
});

test('a userspace Cargo project gets no kernel status; a loose file says what is assumed and how to change it', async () => {
  const app = await info(pathToFileURL(path.join(root, 'app', 'src', 'main.rs')).href);
  assert.equal(app.userspaceCrate, path.join(root, 'app'));
  assert.equal(statusView(app), undefined);

  const loose = await info(pathToFileURL(path.join(root, 'loose', 'b.rs')).href);
  assert.equal(loose.source, 'default');
  assert.equal(loose.userspaceCrate, undefined);
  const view = statusView(loose);
  assert.match(view?.text ?? '', /^Kernel 7\.\d+\? · assumed$/);
  assert.match(view?.tooltip ?? '', /No kernel tree was found/);
  assert.match(view?.tooltip ?? '', /command:kernelRust\.selectTargetVersion/);
  assert.match(view?.tooltip ?? '', /kernelRust\.kernelTree/);

  const inTree = await info(pathToFileURL(path.join(kernel, 'drivers', 'a.rs')).href);
  assert.equal(inTree.userspaceCrate, undefined);
  assert.equal(statusView(inTree)?.text, 'Kernel 6.15 · Makefile');
});

test('an explicit target shows even in a Cargo project (the user asked for kernel checks there)', () => {
  assert.equal(statusView({ release: '6.18', source: 'setting', userspaceCrate: '/x' })?.text, 'Kernel 6.18 · setting');
  assert.equal(statusView({ release: '6.18', source: 'Makefile', kernelRoot: '/k' }, true)?.text, '$(sync~spin) Kernel 6.18 · Makefile · indexing');
  // An out-of-tree module checked at the release of kernelRust.kernelTree shows that tree, even inside a Cargo project.
  assert.equal(statusView({ release: '6.15', source: 'tree', kernelRoot: '/src/linux', userspaceCrate: '/m' })?.text, 'Kernel 6.15 · tree /src/linux');
});
