import assert from 'node:assert/strict';
import { test } from 'node:test';
import { completionContext } from '../src/features/completion-context';
import { basePathBefore, kernelPathCompletions } from '../src/features/kernel-path-completion';
import { sharedParser } from './helpers';

async function labelsAt(text: string, target: string): Promise<Map<string, { insertText?: string; detail?: string }>> {
  const parser = await sharedParser();
  const offset = text.indexOf('|');
  const clean = text.replace('|', '');
  const tree = parser.parse(clean);
  assert.ok(tree);
  const before = clean.slice(0, offset).split('\n');
  const ctx = completionContext(clean, tree, before.length - 1, before[before.length - 1].length, offset, target);
  const items = kernelPathCompletions(ctx);
  tree.delete();
  return new Map(items.map((i) => [i.label, { insertText: i.insertText, detail: i.detail }]));
}

test('the base path is read from `a::b::`, from use groups, and nested groups', () => {
  assert.deepEqual(basePathBefore('use kernel::time::', 18), { base: 'kernel::time', partial: '', inUse: true });
  const t = 'use kernel::sync::{Arc, Mu';
  assert.deepEqual(basePathBefore(t, t.length), { base: 'kernel::sync', partial: 'Mu', inUse: true });
  const n = 'use kernel::{sync::{Arc, ';
  assert.deepEqual(basePathBefore(n, n.length), { base: 'kernel::sync', partial: '', inUse: true });
  const c = 'fn f() { let x = kernel::time::hrtimer::Hr';
  assert.deepEqual(basePathBefore(c, c.length), { base: 'kernel::time::hrtimer', partial: 'Hr', inUse: false });
  assert.equal(basePathBefore('fn f() { let x = y', 18), undefined);
});

test('items outside the target never appear', async () => {
  const at615 = await labelsAt('use kernel::time::|', '6.15');
  assert.ok(at615.has('hrtimer') && at615.has('Ktime') && at615.has('ClockId'));
  assert.ok(!at615.has('Instant') && !at615.has('Delta') && !at615.has('delay'));
  const at617 = await labelsAt('use kernel::time::|', '6.17');
  assert.ok(at617.has('Instant') && at617.has('Delta') && at617.has('ClockSource') && at617.has('delay'));
  assert.ok(!at617.has('Ktime') && !at617.has('ClockId'));
});

test('use groups complete, and macros insert without `!` in a use tree but with brackets in code', async () => {
  const inUse = await labelsAt('use kernel::sync::{Arc, |};', '6.15');
  assert.ok(inUse.has('Mutex') && inUse.has('SpinLock'));
  assert.equal(inUse.get('new_mutex!')?.insertText, 'new_mutex');
  const inCode = await labelsAt('fn f() { let m = kernel::sync::new_|; }', '6.15');
  assert.equal(inCode.get('new_mutex!')?.insertText, 'new_mutex!($0)');
});

test('imported names and types complete their members at the target', async () => {
  const at618 = await labelsAt('use kernel::time::hrtimer;\nfn f() { hrtimer::| }', '6.18');
  assert.ok(at618.has('HrTimerCallbackContext'));
  const at617 = await labelsAt('use kernel::time::hrtimer;\nfn f() { hrtimer::| }', '6.17');
  assert.ok(!at617.has('HrTimerCallbackContext') && at617.has('HrTimer'));
  const variants = await labelsAt('use kernel::time::hrtimer::HrTimerRestart;\nfn f() { HrTimerRestart::| }', '6.16');
  assert.deepEqual([...variants.keys()].sort(), ['NoRestart', 'Restart']);
});

test('nothing inside comments, strings, or after non-kernel paths', async () => {
  assert.equal((await labelsAt('// kernel::time::|\n', '6.16')).size, 0);
  assert.equal((await labelsAt('fn f() { let s = "kernel::time::|"; }', '6.16')).size, 0);
  assert.equal((await labelsAt('fn f() { std::mem::| }', '6.16')).size, 0);
});
