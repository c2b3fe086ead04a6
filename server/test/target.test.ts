import assert from 'node:assert/strict';
import * as path from 'node:path';
import { test } from 'node:test';
import { KernelTreeLocator, makefileRelease, readTargetSetting, releaseFromMakefile, resolveTarget } from '../src/core/target';
import { NEWEST_RELEASE, NEWEST_STABLE_RELEASE } from '../src/kb/releases';
import { kernelTree, tempDir, writeTree } from './helpers';

test('VERSION, PATCHLEVEL and SUBLEVEL are read from a kernel Makefile; SUBLEVEL 0 is the release as published', () => {
  assert.equal(releaseFromMakefile('VERSION = 6\nPATCHLEVEL = 15\nSUBLEVEL = 2\n'), '6.15.2');
  assert.equal(releaseFromMakefile('VERSION = 7\nPATCHLEVEL = 3\nSUBLEVEL = 0\nEXTRAVERSION =\n'), '7.3');
  assert.equal(releaseFromMakefile('VERSION=6\nPATCHLEVEL=9\n'), '6.9');
  assert.equal(releaseFromMakefile('all:\n\techo VERSION = 6\n'), undefined);
  assert.equal(releaseFromMakefile('VERSION = 6\nPATCHLEVEL = x\n'), undefined);
});

test('EXTRAVERSION -rcN marks a release candidate of that release', () => {
  assert.deepEqual(makefileRelease('VERSION = 7\nPATCHLEVEL = 4\nSUBLEVEL = 0\nEXTRAVERSION = -rc3\n'), { release: '7.4', prerelease: 'rc3' });
  assert.deepEqual(makefileRelease('VERSION = 7\nPATCHLEVEL = 3\nSUBLEVEL = 4\nEXTRAVERSION = -custom\n'), { release: '7.3.4' });
  const dir = kernelTree(tempDir(), '7.4', { 'a.rs': '' });
  writeTree(dir, { Makefile: 'VERSION = 7\nPATCHLEVEL = 4\nSUBLEVEL = 0\nEXTRAVERSION = -rc2\n' });
  assert.deepEqual(resolveTarget(undefined, path.join(dir, 'a.rs'), new KernelTreeLocator()), { release: '7.4', source: 'Makefile', kernelRoot: dir, prerelease: 'rc2' });
});

test('a point release in the Makefile is the target', () => {
  const dir = kernelTree(tempDir(), '7.1', { 'a.rs': '' });
  writeTree(dir, { Makefile: 'VERSION = 7\nPATCHLEVEL = 1\nSUBLEVEL = 5\n' });
  assert.equal(resolveTarget(undefined, path.join(dir, 'a.rs'), new KernelTreeLocator()).release, '7.1.5');
});

test('a Makefile with an absurd PATCHLEVEL is an unknown newer release, not a failure', () => {
  const dir = kernelTree(tempDir(), '6.15', { 'a.rs': '' });
  writeTree(dir, { Makefile: 'VERSION = 6\nPATCHLEVEL = 1000\nSUBLEVEL = 0\n' });
  const t = resolveTarget(undefined, path.join(dir, 'a.rs'), new KernelTreeLocator());
  assert.equal(t.release, '6.19', 'the nearest known release below it');
  assert.equal(t.unknownRelease, '6.1000');
  assert.match(t.note ?? '', /6\.1000.*does not know/);
});

test('a huge or binary Makefile is read by its head only', () => {
  const dir = kernelTree(tempDir(), '6.15', { 'a.rs': '' });
  writeTree(dir, { Makefile: 'VERSION = 6\nPATCHLEVEL = 14\n' + 'x'.repeat(3 * 1024 * 1024) });
  assert.equal(resolveTarget(undefined, path.join(dir, 'a.rs'), new KernelTreeLocator()).release, '6.14');
  writeTree(dir, { Makefile: '\u0000\u0001binary' });
  assert.equal(resolveTarget(undefined, path.join(dir, 'a.rs'), new KernelTreeLocator()).source, 'default');
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
  assert.equal(t.release, NEWEST_STABLE_RELEASE);
});

test('an explicit setting wins over the Makefile', () => {
  const dir = kernelTree(tempDir(), '6.15', { 'a.rs': '' });
  assert.deepEqual(resolveTarget('6.18', path.join(dir, 'a.rs'), new KernelTreeLocator()), { release: '6.18', source: 'setting' });
});

test('a Makefile newer than the knowledge base is checked as the newest known release, with a note', () => {
  const dir = kernelTree(tempDir(), '8.2', { 'a.rs': '' });
  const t = resolveTarget(undefined, path.join(dir, 'a.rs'), new KernelTreeLocator());
  assert.equal(t.release, NEWEST_RELEASE);
  assert.equal(t.unknownRelease, '8.2');
  assert.match(t.note ?? '', /8\.2/);
});

test('settings values are validated with a reason', () => {
  assert.deepEqual(readTargetSetting('auto'), { kind: 'auto' });
  assert.deepEqual(readTargetSetting('v6.16'), { kind: 'release', release: '6.16' });
  assert.deepEqual(readTargetSetting('7.1.5'), { kind: 'release', release: '7.1.5' });
  assert.deepEqual(readTargetSetting('7.3.0'), { kind: 'release', release: '7.3' });
  assert.deepEqual(readTargetSetting('7.4-rc2'), { kind: 'release', release: '7.4' });
  assert.equal(readTargetSetting('7.4-banana').kind, 'invalid');
  assert.equal(readTargetSetting('99.99').kind, 'invalid');
  assert.equal(readTargetSetting('6.').kind, 'invalid');
  assert.equal(readTargetSetting('6.99').kind, 'invalid');
  assert.equal(readTargetSetting('banana').kind, 'invalid');
  assert.equal(readTargetSetting(42).kind, 'invalid');
});

test('a configured kernel tree gives the release for files outside any tree; a file inside a tree keeps its own', () => {
  const kdir = kernelTree(tempDir(), '6.15');
  const module = tempDir();
  writeTree(module, { 'drv.rs': '', Kbuild: 'obj-m := drv.o\n' });
  const locator = new KernelTreeLocator();
  assert.deepEqual(resolveTarget(undefined, path.join(module, 'drv.rs'), locator, kdir), { release: '6.15', source: 'tree', kernelRoot: kdir });
  const other = kernelTree(tempDir(), '6.18', { 'drivers/x.rs': '' });
  assert.equal(resolveTarget(undefined, path.join(other, 'drivers/x.rs'), locator, kdir).release, '6.18');
  assert.equal(resolveTarget('7.0', path.join(module, 'drv.rs'), locator, kdir).release, '7.0', 'an explicit target still wins');
  assert.equal(resolveTarget(undefined, path.join(module, 'drv.rs'), locator, module).source, 'default', 'a folder that is no kernel tree is ignored');
});
