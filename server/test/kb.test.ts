import assert from 'node:assert/strict';
import { test } from 'node:test';
import { knowledgeBase, pickForTarget, statusAt, sureStatusAt } from '../src/kb';
import { ITEMS } from '../src/kb/data';
import { RELEASES } from '../src/kb/releases';
import type { KbItem } from '../src/kb/types';
import { compareReleases, inRange, isKnownRelease } from '../src/kb/version';

const label = (i: KbItem): string => `${i.path} [${i.since}, ${i.until ?? '…'})`;

test('every path or alias names at most one entry at any release', () => {
  const byName = new Map<string, KbItem[]>();
  for (const i of ITEMS) for (const p of [i.path, ...(i.aliases ?? [])]) byName.set(p, [...(byName.get(p) ?? []), i]);
  const clashes: string[] = [];
  for (const [name, items] of byName) {
    for (const r of RELEASES) {
      const live = items.filter((i) => inRange(r, i.since, i.until));
      if (live.length > 1) clashes.push(`${name} @ ${r}: ${live.map(label).join(' and ')}`);
    }
  }
  assert.deepEqual(clashes, []);
});

test('every release named in the data is a known release', () => {
  const bad: string[] = [];
  for (const i of ITEMS) {
    const named = [i.since, i.until, i.knownAbsentIn, i.knownRemovedBy, ...(i.backportedTo ?? []), ...(i.removedInStable ?? []), ...(i.signatures ?? []).flatMap((s) => [s.since, s.until]), ...(i.changes ?? []).map((c) => c.version)];
    for (const r of named) if (r !== undefined && !isKnownRelease(r)) bad.push(`${i.path}: ${r}`);
  }
  assert.deepEqual(bad, []);
});

test('since comes before until, and signature eras and changes lie inside the item\'s range', () => {
  const bad: string[] = [];
  for (const i of ITEMS) {
    if (i.until && compareReleases(i.since, i.until) >= 0) bad.push(`${label(i)}: since >= until`);
    for (const s of i.signatures ?? []) {
      const since = s.since ?? i.since;
      const until = s.until ?? i.until;
      if (compareReleases(since, i.since) < 0) bad.push(`${i.path}: signature starts before the item`);
      if (until && i.until && compareReleases(until, i.until) > 0) bad.push(`${i.path}: signature outlives the item`);
      if (until && compareReleases(since, until) >= 0) bad.push(`${i.path}: empty signature era`);
    }
    for (const c of i.changes ?? []) if (!inRange(c.version, i.since, i.until)) bad.push(`${i.path}: change at ${c.version} outside its range`);
  }
  assert.deepEqual(bad, []);
});

test('signature eras of one item do not overlap', () => {
  const bad: string[] = [];
  for (const i of ITEMS) {
    for (const r of RELEASES) {
      const n = (i.signatures ?? []).filter((s) => inRange(r, s.since ?? i.since, s.until ?? i.until)).length;
      if (n > 1) bad.push(`${i.path} @ ${r}: ${n} signatures`);
    }
  }
  assert.deepEqual(bad, []);
});

test('each replacement exists at the release its item leaves', () => {
  const kb = knowledgeBase();
  const bad: string[] = [];
  for (const i of ITEMS) {
    if (i.replacement && !i.until) bad.push(`${i.path}: replacement without until`);
    if (!i.replacement || !i.until) continue;
    const r = kb.resolve(i.replacement, i.until);
    if (!r || statusAt(r, i.until).state !== 'available') bad.push(`${i.path} → ${i.replacement} missing at ${i.until}`);
  }
  assert.deepEqual(bad, []);
});

test('docs are present and links point at the official kernel Rust docs', () => {
  const bad: string[] = [];
  for (const i of ITEMS) {
    if (i.docs.trim().length < 20) bad.push(`${i.path}: docs too short`);
    if (!/^https:\/\/rust\.docs\.kernel\.org\/[A-Za-z0-9_/.#:-]+$/.test(i.link)) bad.push(`${i.path}: link ${i.link}`);
    if (i.confidence === 'uncertain' && !i.note) bad.push(`${i.path}: uncertain without a note saying what is known`);
  }
  assert.deepEqual(bad, []);
});

test('uncertainty bounds are consistent', () => {
  const bad: string[] = [];
  for (const i of ITEMS) {
    if (i.knownAbsentIn && compareReleases(i.knownAbsentIn, i.since) >= 0) bad.push(`${i.path}: knownAbsentIn not before since`);
    if (i.knownRemovedBy && (!i.until || compareReleases(i.knownRemovedBy, i.until) < 0)) bad.push(`${i.path}: knownRemovedBy without until, or before it`);
    if (i.knownRemovedBy && !(i.confidence === 'uncertain' && (!i.uncertainAbout || i.uncertainAbout.includes('until')))) bad.push(`${i.path}: knownRemovedBy on a sure until`);
    for (const r of i.removedInStable ?? []) if (!inRange(r, i.since, i.until)) bad.push(`${i.path}: removedInStable ${r} outside the item's range`);
    for (const b of i.backportedTo ?? []) if (compareReleases(b, i.since) >= 0) bad.push(`${i.path}: backportedTo ${b} not before since`);
    if (i.uncertainAbout && i.confidence !== 'uncertain') bad.push(`${i.path}: uncertainAbout without confidence`);
  }
  assert.deepEqual(bad, []);
});

test('the documented release moves are in the data (spot checks against the trees)', () => {
  const kb = knowledgeBase();
  const at = (path: string, r: string): string => {
    const item = kb.resolve(path, r);
    return item ? statusAt(item, r).state : 'unknown';
  };
  assert.equal(at('kernel::time::Instant', '6.15'), 'not-yet');
  assert.equal(at('kernel::time::Instant', '6.16'), 'available');
  assert.equal(at('kernel::time::ClockId', '6.17'), 'removed');
  assert.equal(at('kernel::init::PinInit', '6.14'), 'available');
  assert.equal(at('kernel::init::PinInit', '6.15'), 'removed');
  assert.equal(at('pin_init::PinInit', '6.15'), 'available');
  assert.equal(at('kernel::mm::virt::VmaNew', '6.15'), 'not-yet');
  assert.equal(at('kernel::time::hrtimer::HrTimerCallbackContext', '6.17'), 'not-yet');
});

test('lints trust only sure facts: backports and unread releases stay silent', () => {
  const kb = knowledgeBase();
  const kbox = kb.resolve('kernel::alloc::kbox', '6.12');
  assert.ok(kbox);
  assert.equal(statusAt(kbox, '6.12').state, 'not-yet');
  assert.equal(sureStatusAt(kbox, '6.12.118'), undefined, 'Debian 6.12.y carries kbox through stable backports');
  assert.equal(sureStatusAt(kbox, '6.12')?.state, 'not-yet', '6.12 as first published surely lacks it');
  assert.equal(sureStatusAt(kbox, '6.11')?.state, 'not-yet');
  const usb = kb.resolve('kernel::usb', '6.16');
  assert.ok(usb);
  assert.equal(sureStatusAt(usb, '6.16'), undefined);
  assert.equal(sureStatusAt(usb, '6.14')?.state, 'not-yet');
});

test('a backport with a known point release makes the item available from that point of the line on', () => {
  const item: KbItem = { path: 'x::Z', kind: 'struct', since: '6.16', backportedTo: ['6.15.3'], signatures: [{ text: 'pub struct Z;' }], docs: 'z', link: 'https://rust.docs.kernel.org/x' };
  assert.equal(statusAt(item, '6.15.3').state, 'available');
  assert.equal(statusAt(item, '6.15.9').state, 'available');
  assert.equal(sureStatusAt(item, '6.15.2')?.state, 'not-yet');
  assert.equal(sureStatusAt(item, '6.15')?.state, 'not-yet');
  assert.equal(sureStatusAt(item, '6.14.20')?.state, 'not-yet');
  const s = statusAt(item, '6.15.4');
  assert.equal(s.state === 'available' ? s.signature?.text : undefined, 'pub struct Z;');
});

test('an uncertain until counts from knownRemovedBy on; a stable removal makes the line unsure or absent', () => {
  const gone: KbItem = { path: 'x::G', kind: 'struct', since: '6.3', until: '7.1', knownRemovedBy: '7.2', confidence: 'uncertain', uncertainAbout: ['until'], docs: 'g', link: 'https://rust.docs.kernel.org/x', note: '7.0 has it, 7.2 does not' };
  assert.equal(sureStatusAt(gone, '7.1'), undefined, '7.1 unread');
  assert.equal(sureStatusAt(gone, '7.2')?.state, 'removed');
  assert.equal(sureStatusAt(gone, '7.3.4')?.state, 'removed');
  assert.equal(sureStatusAt(gone, '7.0')?.state, 'available');
  const dropped: KbItem = { path: 'x::D', kind: 'fn', since: '6.1', until: '6.13', removedInStable: ['6.12'], docs: 'd', link: 'https://rust.docs.kernel.org/x' };
  assert.equal(sureStatusAt(dropped, '6.12')?.state, 'available', '6.12 as first published has it');
  assert.equal(sureStatusAt(dropped, '6.12.118'), undefined, 'a later 6.12.y may not');
  const droppedAt: KbItem = { ...dropped, removedInStable: ['6.12.40'] };
  assert.equal(statusAt(droppedAt, '6.12.40').state, 'removed');
  assert.equal(statusAt(droppedAt, '6.12.39').state, 'available');
});

test('an old and a new entry under one path: the one live at the target wins', () => {
  const old: KbItem = { path: 'x::Y', kind: 'enum', since: '6.15', until: '6.17', replacement: 'x::Y', docs: 'old enum form of Y', link: 'https://rust.docs.kernel.org/x' };
  const neu: KbItem = { path: 'x::Y', kind: 'trait', since: '6.17', docs: 'new trait form of Y', link: 'https://rust.docs.kernel.org/x' };
  assert.equal(pickForTarget([old, neu], '6.16'), old);
  assert.equal(pickForTarget([old, neu], '6.18'), neu);
  assert.equal(pickForTarget([old, neu], '6.14'), old);
});

test('docs by release lie inside the item\'s range, do not overlap, and are not empty', () => {
  for (const item of ITEMS) {
    const eras = item.docsByRelease ?? [];
    let previousEnd: string | undefined;
    for (const [n, era] of eras.entries()) {
      const since = era.since ?? item.since;
      assert.ok(era.text.trim().length > 40, `${label(item)}: docs era ${n} is empty`);
      assert.ok(isKnownRelease(since) && (!era.until || isKnownRelease(era.until)), `${label(item)}: docs era ${n} names an unknown release`);
      assert.ok(compareReleases(since, item.since) >= 0, `${label(item)}: docs era ${n} starts before the item`);
      if (era.until) assert.ok(compareReleases(since, era.until) < 0, `${label(item)}: docs era ${n} is empty or reversed`);
      if (item.until && era.until) assert.ok(compareReleases(era.until, item.until) <= 0, `${label(item)}: docs era ${n} ends after the item`);
      if (previousEnd) assert.ok(compareReleases(since, previousEnd) >= 0, `${label(item)}: docs eras overlap`);
      previousEnd = era.until;
      if (n < eras.length - 1) assert.ok(era.until, `${label(item)}: only the last docs era may be open-ended`);
    }
  }
});
