import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { TestClient } from './lsp-client';

interface Item {
  label: string;
  kind?: number;
  detail?: string;
  insertTextFormat?: number;
  textEdit?: { newText: string; range: unknown };
  additionalTextEdits?: { newText: string }[];
}

let client: TestClient;
const uri = 'file:///virtual/snippets.rs';
const TEXT = 'use kernel::prelude::*;\n\nhrtimer_arc\n\nfn f() {\n    // dma\n    dma_coh\n}\n';

before(async () => {
  client = new TestClient();
  const init = (await client.initialize({ targetVersion: '6.15' })) as { capabilities: { completionProvider?: unknown } };
  assert.ok(init.capabilities.completionProvider, 'the server announces completion');
  assert.deepEqual(client.logs.filter((l) => /snippets/i.test(l)), [], 'the bundled server finds and loads the snippet files cleanly');
  await client.open(uri, TEXT);
});

after(async () => {
  assert.equal(await client.stop(), 0);
});

async function completeAt(line: number, character: number): Promise<Item[]> {
  const r = (await client.conn.sendRequest('textDocument/completion', { textDocument: { uri }, position: { line, character } })) as { items: Item[] } | null;
  return r?.items ?? [];
}

async function target(release: string): Promise<void> {
  await client.conn.sendNotification('workspace/didChangeConfiguration', { settings: { kernelRust: { targetVersion: release } } });
  const info = (await client.conn.sendRequest('kernelRust/targetInfo', { uri })) as { release: string };
  assert.equal(info.release, release);
}

const ERA_MARKS: Record<string, RegExp[]> = {
  '6.15': [/HrTimer::new\(HrTimerMode::Relative, ClockId::/, /Ktime::from_raw\(/, /\{ self\.timer \}/],
  '6.16': [/HrTimer::new\(HrTimerMode::Relative, ClockId::/, /fn start_new\(expires: Ktime\)/],
  '6.17': [/timer <- HrTimer::new\(\)/, /mode: RelativeMode<Monotonic>/, /Delta::from_millis/, /fn run\(this: ArcBorrow<'_, Self>\) -> HrTimerRestart/],
  '6.18': [/fn run\(this: ArcBorrow<'_, Self>, _ctx: HrTimerCallbackContext<'_, Self>\)/, /mode: RelativeMode<Monotonic>/],
};

for (const [release, marks] of Object.entries(ERA_MARKS)) {
  test(`completion at target ${release} returns the ${release} hrtimer wiring and matching imports`, async () => {
    await target(release);
    const items = await completeAt(2, 11);
    const arc = items.filter((i) => i.label === 'hrtimer_arc');
    assert.equal(arc.length, 1, items.map((i) => i.label).join(', '));
    const item = arc[0];
    assert.equal(item.kind, 15);
    assert.equal(item.insertTextFormat, 2);
    assert.match(item.detail ?? '', new RegExp(`Linux ${release.replace('.', '\\.')}`));
    for (const m of marks) assert.match(item.textEdit?.newText ?? '', m);
    const imports = item.additionalTextEdits?.map((e) => e.newText).join('') ?? '';
    if (release === '6.15' || release === '6.16') assert.match(imports, /use kernel::time::.*ClockId/);
    else assert.match(imports, /use kernel::time::\{Delta, Monotonic\};/);
    assert.equal(/HrTimerCallbackContext/.test(imports), release === '6.18');
  });
}

test('DMA snippets follow their era and stay out of comments', async () => {
  await target('6.16');
  const at616 = (await completeAt(6, 11)).find((i) => i.label === 'dma_coherent');
  assert.match(at616?.textEdit?.newText ?? '', /dev: &Device<Bound>[\s\S]*dma_write!\(ring\[0\] = \$\{4:0\}\);/);
  await target('6.17');
  const at617 = (await completeAt(6, 11)).find((i) => i.label === 'dma_coherent');
  assert.match(at617?.textEdit?.newText ?? '', /dma_write!\(ring\[0\] = \$\{4:0\}\)\?;/);
  assert.deepEqual(await completeAt(5, 10), [], 'nothing inside a comment');
});

test('mm snippets appear from 6.16 only', async () => {
  await target('6.15');
  await client.change(uri, 2, [{ range: { start: { line: 6, character: 4 }, end: { line: 6, character: 11 } }, text: 'mmap' }]);
  assert.deepEqual((await completeAt(6, 8)).map((i) => i.label), []);
  await target('6.16');
  const labels = (await completeAt(6, 8)).map((i) => i.label).sort();
  assert.deepEqual(labels, ['mmap_misc_insert_page', 'mmap_mmget_not_zero', 'mmap_read_lock_vma_lookup']);
});

test('completion for an unknown document answers nothing instead of failing', async () => {
  const r = await client.conn.sendRequest('textDocument/completion', { textDocument: { uri: 'file:///virtual/none.rs' }, position: { line: 0, character: 0 } });
  assert.equal(r, null);
});
