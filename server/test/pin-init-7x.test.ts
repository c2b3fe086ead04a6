import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyzeText } from '../src/analysis/analyze';
import { sharedParser } from './helpers';

/** The fix titles offered at 1-based `line` for `rule`. */
async function fixesAt(text: string, target: string, line: number, rule: string): Promise<string[]> {
  const result = analyzeText(await sharedParser(), text, { target });
  assert.equal(result.status, 'analysed');
  if (result.status !== 'analysed') return [];
  return result.findings.filter((f) => f.ruleId === rule && f.range.start.line === line - 1).flatMap((f) => f.fixes.map((x) => x.title));
}

test('7.0: the pin_init crate try_ macro gets a move fix to the kernel macro', async () => {
  const text = 'use kernel::prelude::*;\nfn f() -> impl PinInit<S, Error> {\n    pin_init::try_pin_init!(S { x: 1 }? Error)\n}\n';
  assert.deepEqual(await fixesAt(text, '7.0', 3, 'api-removed'), ['Replace with `kernel::try_pin_init!`']);
});

test('6.15+: `use kernel::pin_init;` gets a fix to the pin_init crate path', async () => {
  assert.deepEqual(await fixesAt('use kernel::pin_init;\n', '6.15', 1, 'api-removed'), ['Replace with `pin_init::pin_init`']);
  assert.deepEqual(await fixesAt('use macros::pin_data;\n', '6.19', 1, 'api-removed'), ['Replace with `pin_init::pin_data`']);
});

test('before 7.0: `pin_init!(.. ? E)` offers `try_pin_init!`; 7.3: `__pinned_init` is renamed to `__init`', async () => {
  const suffix = 'use kernel::prelude::*;\nfn f() -> impl PinInit<S, Error> {\n    pin_init!(S { x: 1 }? Error)\n}\n';
  assert.deepEqual(await fixesAt(suffix, '6.19', 3, 'api-unavailable'), ['Use `try_pin_init!`']);
  assert.deepEqual(await fixesAt(suffix, '7.0', 3, 'api-unavailable'), []);
  const call = 'fn run(i: impl PinInit<u32>, slot: *mut u32) {\n    let _ = unsafe { i.__pinned_init(slot) };\n}\n';
  assert.deepEqual(await fixesAt(call, '7.3', 2, 'api-removed'), ['Rename to `__init`']);
  assert.deepEqual(await fixesAt(call, '7.2', 2, 'api-removed'), []);
});
