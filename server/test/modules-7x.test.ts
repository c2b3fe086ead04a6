import assert from 'node:assert/strict';
import { test } from 'node:test';
import { knowledgeBase, statusAt, sureStatusAt } from '../src/kb';
import { ITEMS } from '../src/kb/data';
import { modules } from '../src/kb/data/modules';
import { compareReleases } from '../src/kb/version';

const kb = knowledgeBase();
/** What the lints may say about `path` at `target`: the sure state, or 'unsure'. */
const sure = (path: string, target: string): string => {
  const item = kb.resolve(path, target);
  assert.ok(item, `${path} is in the knowledge base`);
  return sureStatusAt(item, target)?.state ?? 'unsure';
};

test('every nested module has its parent module, which is never younger than it', () => {
  const bad: string[] = [];
  const moduleEntries = ITEMS.filter((i) => i.kind === 'module' && i.path.startsWith('kernel::'));
  for (const m of modules.filter((i) => i.kind === 'module')) {
    const parent = m.path.split('::').slice(0, -1).join('::');
    if (parent === 'kernel') continue;
    const p = moduleEntries.find((i) => i.path === parent);
    if (!p) bad.push(`${m.path}: no entry for ${parent}`);
    else if (compareReleases(p.since, m.since) > 0) bad.push(`${m.path} (${m.since}) is older than ${parent} (${p.since})`);
  }
  assert.deepEqual(bad, []);
});

test('modules new in 7.0 and 7.3 are sure on both sides of the release that was read', () => {
  for (const path of ['kernel::soc', 'kernel::iommu::pgtable', 'kernel::impl_flags', 'kernel::safety', 'kernel::ptr::projection']) {
    assert.equal(sure(path, '6.19'), 'not-yet', path);
    assert.equal(sure(path, '7.0'), 'available', path);
  }
  for (const path of ['kernel::fwctl', 'kernel::interrupt', 'kernel::module', 'kernel::net::netlink', 'kernel::num::casts', 'kernel::serdev', 'kernel::sync::srcu']) {
    assert.equal(sure(path, '7.2.12'), 'not-yet', path);
    assert.equal(sure(path, '7.3'), 'available', path);
  }
});

test('modules that arrived in 7.1 or 7.2 are pinned by the 7.1.5 tree', () => {
  for (const path of ['kernel::gpu::buddy', 'kernel::interop::list', 'kernel::io::register', 'kernel::drm::gem::shmem', 'kernel::bitfield', 'kernel::drm::gpuvm']) {
    assert.equal(sure(path, '7.0'), 'not-yet', path);
    assert.equal(sure(path, '7.1'), path.endsWith('bitfield') || path.endsWith('gpuvm') ? 'not-yet' : 'available', path);
    assert.equal(sure(path, '7.2'), 'available', path);
  }
});

test('kernel::slice is 6.19 and 7.0 only', () => {
  assert.equal(sure('kernel::slice', '6.18'), 'not-yet');
  assert.equal(sure('kernel::slice', '7.0'), 'available');
  assert.equal(sure('kernel::slice', '7.1'), 'removed');
  assert.equal(sure('kernel::slice', '7.3.4'), 'removed');
});

test('`kernel::fmt` names the crate-root macro before the module exists, and the module after', () => {
  assert.equal(kb.resolve('kernel::fmt', '6.12')?.kind, 'macro');
  assert.equal(sure('kernel::fmt', '6.14'), 'available');
  assert.equal(kb.resolve('kernel::fmt', '6.18')?.kind, 'module');
  assert.equal(sure('kernel::fmt', '6.18'), 'available');
  assert.equal(sure('kernel::fmt', '6.1'), 'not-yet');
  assert.equal(sure('kernel::fmt!', '6.14'), 'available');
});

test('kernel::usb is declared from 6.19; kernel::sync::completion is 6.16 with a 6.15.y backport', () => {
  const usb = kb.resolve('kernel::usb', '6.18');
  assert.ok(usb);
  assert.equal(statusAt(usb, '6.18').state, 'not-yet');
  assert.equal(sure('kernel::usb', '6.19'), 'available');
  assert.equal(sure('kernel::usb', '6.14'), 'not-yet');
  assert.equal(sure('kernel::sync::completion', '6.15'), 'not-yet');
  assert.equal(sure('kernel::sync::completion', '6.15.9'), 'unsure');
  assert.equal(sure('kernel::sync::completion', '6.16'), 'available');
});
