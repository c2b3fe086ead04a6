import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyzeText } from '../src/analysis/analyze';
import { applyEdits } from './fixture-harness';
import { sharedParser } from './helpers';

/** The file after applying every quick fix offered at the target, and what is still reported on it. */
async function fixAll(text: string, target: string): Promise<{ fixed: string; before: number; after: string[] }> {
  const parser = await sharedParser();
  const first = analyzeText(parser, text, { target });
  assert.equal(first.status, 'analysed');
  if (first.status !== 'analysed') throw new Error('not analysed');
  const fixed = applyEdits(text, first.findings.flatMap((f) => f.fixes[0]?.edits ?? []));
  const again = analyzeText(parser, fixed, { target });
  assert.equal(again.status, 'analysed');
  return { fixed, before: first.findings.length, after: again.status === 'analysed' ? again.findings.map((f) => f.message) : [] };
}

const USE = 'use kernel::prelude::*;\nuse kernel::{dma_read, dma_write};\n';

test('6.19 dma_read!/dma_write! followed by `?` are rewritten to the 7.0 projection form, and to [try: i] on 7.2', async () => {
  const body = 'fn f(ring: &Ring) -> Result<u32> {\n    dma_write!(ring[0].len = 64)?;\n    let v = kernel::dma_read!(self_ring.slots[i + 1].len)?;\n    Ok(v)\n}\n';
  const at70 = await fixAll(USE + body, '7.0');
  assert.equal(at70.before, 2);
  assert.ok(at70.fixed.includes('dma_write!(ring, [0]?.len, 64);'));
  assert.ok(at70.fixed.includes('kernel::dma_read!(self_ring.slots, [i + 1]?.len);'));
  assert.deepEqual(at70.after, []);
  const at72 = await fixAll(USE + body, '7.2');
  assert.ok(at72.fixed.includes('dma_write!(ring, [try: 0].len, 64);'));
  assert.ok(at72.fixed.includes('kernel::dma_read!(self_ring.slots, [try: i + 1].len);'));
  assert.deepEqual(at72.after, []);
});

test('7.0 index steps become keyworded on 7.2 and back on 7.0; [panic: i] has no 7.0 rewrite', async () => {
  const old = 'fn f(ring: &Ring) -> Result<u32> {\n    dma_write!(ring, [0]?.ptes.0[i], 1);\n    Ok(dma_read!(ring, [2].len))\n}\n';
  const at72 = await fixAll(USE + old, '7.2');
  assert.ok(at72.fixed.includes('dma_write!(ring, [try: 0].ptes.0[build: i], 1);'), at72.fixed);
  assert.ok(at72.fixed.includes('dma_read!(ring, [build: 2].len)'));
  assert.deepEqual(at72.after, []);
  const back = await fixAll(at72.fixed, '7.0');
  assert.equal(back.fixed, USE + old);
  const panic = await fixAll(USE + 'fn f(ring: &Ring) -> u32 {\n    dma_read!(ring, [panic: 1].len)\n}\n', '7.0');
  assert.equal(panic.before, 1);
  assert.equal(panic.after.length, 1);
});

test('dma_handle() and dma_address() swap across 7.3 on receivers declared as Coherent, in code and in macro bodies', async () => {
  const text = 'use kernel::dma::Coherent;\nuse kernel::prelude::*;\nfn f(buf: &Coherent<[u32]>) -> u64 {\n    pr_info!("{}\\n", buf.dma_handle());\n    buf.dma_handle()\n}\n';
  const at73 = await fixAll(text, '7.3');
  assert.equal(at73.before, 2);
  assert.equal(at73.fixed, text.replaceAll('dma_handle', 'dma_address'));
  assert.deepEqual(at73.after, []);
  const at72 = await fixAll(at73.fixed, '7.2');
  assert.equal(at72.fixed, text);
});

test('a macro call with ERROR nodes around it, or in a macro template, is not judged', async () => {
  const parser = await sharedParser();
  for (const text of [
    USE + 'fn f(ring: &Ring) -> Result<u32> {\n    dma_write!(ring[0].len = 64)?;\n    let x = ;\n}\n',
    USE + 'macro_rules! m {\n    ($r:ident) => {\n        dma_write!($r[0].len = 64)?\n    };\n}\n',
  ]) {
    const r = analyzeText(parser, text, { target: '7.0' });
    assert.equal(r.status, 'analysed');
    if (r.status === 'analysed') assert.deepEqual(r.findings.filter((f) => f.message.includes('syntax')).map((f) => f.message), []);
  }
});
