/** The language server over stdio with `kernelRust.targetVersion` set to a range: diagnostics merged per site and
 *  followed through edits, no quick fix that would break part of the range, hovers per era, status info, and a bad
 *  range refused with a warning while the last good target stays. */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { TestClient } from './lsp-client';

let client: TestClient;

before(async () => {
  client = new TestClient();
  await client.initialize({ targetVersion: '6.12..7.3' });
});

after(async () => {
  assert.equal(await client.stop(), 0);
});

const TEXT = 'use kernel::init::PinInit;\nuse kernel::time::Instant;\n';

test('diagnostics at a range name the part of the range each site fails, and follow edits', async () => {
  const uri = 'file:///virtual/range.rs';
  await client.open(uri, TEXT, 1);
  const p = await client.diagnostics(uri, (x) => x.version === 1);
  assert.deepEqual(
    p.diagnostics.map((d) => [d.code, d.message]),
    [
      ['api-removed', '`kernel::init::PinInit` is not in 6.15–7.3 of your range 6.12..7.3 (removed in 6.15); use `pin_init::PinInit`.'],
      ['api-unavailable', '`kernel::time::Instant` is not in 6.12–6.15 of your range 6.12..7.3 (added in 6.16).'],
    ],
  );
  // An edit re-checks every release of the range: `kernel::sync::Mutex` is in all of them.
  await client.change(uri, 2, [{ range: { start: { line: 1, character: 12 }, end: { line: 1, character: 25 } }, text: 'sync::Mutex' }]);
  const edited = await client.diagnostics(uri, (x) => x.version === 2);
  assert.deepEqual(edited.diagnostics.map((d) => d.code), ['api-removed']);

  // No quick fix: `pin_init::PinInit` would not build on 6.12–6.14; only the allow comment is offered.
  const actions = (await client.conn.sendRequest('textDocument/codeAction', {
    textDocument: { uri },
    range: edited.diagnostics[0].range,
    context: { diagnostics: edited.diagnostics },
  })) as { title: string }[];
  assert.deepEqual(actions.map((a) => a.title), ['Allow api-removed on this line']);

  const hover = (await client.conn.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 20 } })) as { contents: { value: string } } | null;
  assert.match(hover?.contents.value ?? '', /\*\*Not in 6\.15–7\.3 of your range 6\.12\.\.7\.3\*\* \(removed in 6\.15; use `pin_init::PinInit`\)/);

  const info = (await client.conn.sendRequest('kernelRust/targetInfo', { uri })) as { release: string; source: string; range?: { label: string; releases: string[] } };
  assert.equal(info.source, 'setting');
  assert.equal(info.range?.label, '6.12..7.3');
  assert.equal(info.range?.releases.length, 12);
  await client.close(uri);
});

test('a range where the fix holds everywhere offers it, and a bad range keeps the last good target', async () => {
  await client.conn.sendNotification('workspace/didChangeConfiguration', { settings: { kernelRust: { targetVersion: '6.16..7.3' } } });
  const uri = 'file:///virtual/range-fix.rs';
  await client.open(uri, TEXT, 1);
  const p = await client.diagnostics(uri, (x) => x.version === 1 && x.diagnostics.length === 1);
  assert.equal(p.diagnostics[0].message, '`kernel::init::PinInit` is not in any release of your range 6.16..7.3 (removed in 6.15); use `pin_init::PinInit`.');
  const actions = (await client.conn.sendRequest('textDocument/codeAction', {
    textDocument: { uri },
    range: p.diagnostics[0].range,
    context: { diagnostics: p.diagnostics },
  })) as { title: string }[];
  assert.equal(actions[0].title, 'Replace with pin_init::PinInit');

  client.shown.length = 0;
  await client.conn.sendNotification('workspace/didChangeConfiguration', { settings: { kernelRust: { targetVersion: '7.3..6.16' } } });
  const info = (await client.conn.sendRequest('kernelRust/targetInfo', { uri })) as { range?: { label: string } };
  assert.equal(info.range?.label, '6.16..7.3');
  await new Promise((r) => setTimeout(r, 200));
  assert.ok(client.shown.some((m) => /targetVersion: the range "7\.3\.\.6\.16" runs backwards.*keeping 6\.16\.\.7\.3/.test(m)), client.shown.join('\n'));
  await client.close(uri);
});
