import assert from 'node:assert/strict';
import * as path from 'node:path';
import { test } from 'node:test';
import { buildIndex, modulePathOf } from '../src/analysis/tree-index';
import { ROOT, sharedParser } from './helpers';

const TREE = path.join(ROOT, 'test-fixtures', 'kernel-tree');

test('module paths follow the file layout of rust/kernel', () => {
  const base = path.join(TREE, 'rust', 'kernel');
  assert.equal(modulePathOf(path.join(base, 'lib.rs'), base, 'kernel'), 'kernel');
  assert.equal(modulePathOf(path.join(base, 'sync', 'lock', 'mutex.rs'), base, 'kernel'), 'kernel::sync::lock::mutex');
  assert.equal(modulePathOf(path.join(base, 'time', 'mod.rs'), base, 'kernel'), 'kernel::time');
});

test('the index holds public items with signatures, docs and positions, and nothing private', async () => {
  const parser = await sharedParser();
  const { items, files, skipped } = await buildIndex(parser, TREE);
  assert.equal(files, 5);
  assert.equal(skipped, 0);
  const mutex = items.get('kernel::sync::lock::mutex::Mutex');
  assert.ok(mutex);
  assert.equal(mutex.signature, 'pub type Mutex<T> = super::Lock<T, MutexBackend>');
  assert.match(mutex.docs, /comes from the indexed tree/);
  const lock = items.get('kernel::sync::lock::Lock::lock');
  assert.equal(lock?.signature, "pub fn lock(&self) -> Guard<'_, T, B>");
  assert.equal(items.get('kernel::time::Delta::from_millis')?.line, 9);
  assert.ok(!items.has('kernel::sync::lock::Lock::data'), 'private fields are not API');
});

test('indexing is bounded in files and time, and can be cancelled', async () => {
  const parser = await sharedParser();
  const few = await buildIndex(parser, TREE, { limits: { maxFiles: 2, maxFileBytes: 1 << 20, maxMs: 60_000 } });
  assert.equal(few.files, 2);
  const none = await buildIndex(parser, TREE, { limits: { maxFiles: 100, maxFileBytes: 1 << 20, maxMs: -1 } });
  assert.equal(none.files, 0);
  assert.equal(none.skipped, 5);
  const cancelled = await buildIndex(parser, TREE, { cancelled: () => true });
  assert.equal(cancelled.cancelled, true);
});
