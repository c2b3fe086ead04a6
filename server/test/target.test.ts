import assert from 'node:assert/strict';
import * as path from 'node:path';
import { test } from 'node:test';
import { KernelTreeLocator, readTargetSetting, releaseFromMakefile, resolveTarget } from '../src/analysis/target';
import { kernelTree, tempDir, writeTree } from './helpers';

test('VERSION and PATCHLEVEL are read from a kernel Makefile', () => {
  assert.equal(releaseFromMakefile('VERSION = 6\nPATCHLEVEL = 15\nSUBLEVEL = 2\n'), '6.15');
  assert.equal(releaseFromMakefile('VERSION=6\nPATCHLEVEL=9\n'), '6.9');
  assert.equal(releaseFromMakefile('all:\n\techo VERSION = 6\n'), undefined);
});

test('auto finds the nearest kernel tree above a file', () => {
  const dir = kernelTree(tempDir(), '6.15', { 'drivers/foo/foo.rs': 'fn f() {}\n' });
  const t = resolveTarget(undefined, path.join(dir, 'drivers/foo/foo.rs'), new KernelTreeLocator());
  assert.deepEqual(t, { release: '6.15', source: 'Makefile', kernelRoot: dir });
});

test('a Makefile without rust/kernel beside it is not a kernel tree', () => {
  const dir = tempDir();
  writeTree(dir, { Makefile: 'VERSION = 6\nPATCHLEVEL = 12\n', 'src/a.rs': '' });
  const t = resolveTarget(undefined, path.join(dir, 'src/a.rs'), new KernelTreeLocator());
  assert.equal(t.source, 'default');
  assert.equal(t.release, '6.19');
});

test('an explicit setting wins over the Makefile', () => {
  const dir = kernelTree(tempDir(), '6.15', { 'a.rs': '' });
  assert.deepEqual(resolveTarget('6.18', path.join(dir, 'a.rs'), new KernelTreeLocator()), { release: '6.18', source: 'setting' });
});

test('a Makefile newer than the knowledge base is checked as the newest known release, with a note', () => {
  const dir = kernelTree(tempDir(), '7.3', { 'a.rs': '' });
  const t = resolveTarget(undefined, path.join(dir, 'a.rs'), new KernelTreeLocator());
  assert.equal(t.release, '6.19');
  assert.match(t.note ?? '', /7\.3/);
});

test('settings values are validated with a reason', () => {
  assert.deepEqual(readTargetSetting('auto'), { kind: 'auto' });
  assert.deepEqual(readTargetSetting('v6.16'), { kind: 'release', release: '6.16' });
  assert.equal(readTargetSetting('6.99').kind, 'invalid');
  assert.equal(readTargetSetting('banana').kind, 'invalid');
  assert.equal(readTargetSetting(42).kind, 'invalid');
});
