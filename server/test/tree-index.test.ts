import assert from 'node:assert/strict';
import * as path from 'node:path';
import { test } from 'node:test';
import { TreeApi } from '../src/analysis/tree-api';
import { modulePathOf } from '../src/analysis/tree-index';
import { TreeSurface } from '../src/kb/verify/tree-surface';
import { ROOT, sharedParser, tempDir, writeTree } from './helpers';

const TREE = path.join(ROOT, 'test-fixtures', 'kernel-tree');

test('module paths follow the file layout of rust/kernel', () => {
  const base = path.join(TREE, 'rust', 'kernel');
  assert.equal(modulePathOf(path.join(base, 'lib.rs'), base, 'kernel'), 'kernel');
  assert.equal(modulePathOf(path.join(base, 'sync', 'lock', 'mutex.rs'), base, 'kernel'), 'kernel::sync::lock::mutex');
  assert.equal(modulePathOf(path.join(base, 'time', 'mod.rs'), base, 'kernel'), 'kernel::time');
});

test('the index holds items with signatures, docs and positions, reached the way rustc reaches them', async () => {
  const api = TreeApi.build(await sharedParser(), TREE);
  assert.equal(api.stats.files, 5);
  const mutex = api.item('kernel::sync::lock::mutex::Mutex');
  assert.ok(mutex);
  assert.equal(mutex.signature, 'pub type Mutex<T> = super::Lock<T, MutexBackend>');
  assert.match(mutex.docs ?? '', /comes from the indexed tree/);
  assert.equal(api.item('kernel::sync::lock::Lock::lock')?.signature, "pub fn lock(&self) -> Guard<'_, T, B>");
  assert.equal(api.item('kernel::time::Delta::from_millis')?.line, 9);
  assert.equal(api.item('kernel::sync::lock::Lock::data'), undefined, 'fields are not items');
});

test('indexing is bounded: a module file too large to read leaves its module unsure, the rest is read', async () => {
  const dir = tempDir();
  writeTree(dir, {
    Makefile: 'VERSION = 6\nPATCHLEVEL = 15\n',
    'rust/kernel/lib.rs': '//! k\npub mod prelude;\npub mod big;\npub mod small;\n',
    'rust/kernel/prelude.rs': '',
    'rust/kernel/big.rs': `pub struct Big;\n${'// padding line of a huge file\n'.repeat(80_000)}`,
    'rust/kernel/small.rs': 'pub struct Small;\n',
  });
  const api = TreeApi.build(await sharedParser(), dir);
  assert.equal(api.presence('kernel::small::Small'), 'present');
  assert.equal(api.presence('kernel::small::Other'), 'absent');
  assert.equal(api.presence('kernel::big::Big'), 'unknown', 'a module not read is not said to lack anything');
});

test('reading stops at its time budget, leaving what it did not read unsure', async () => {
  const surface = TreeSurface.build(await sharedParser(), TREE, { maxMs: -1 });
  assert.equal(surface.stats.files, 0);
  assert.ok(surface.opaque.size > 0);
});
