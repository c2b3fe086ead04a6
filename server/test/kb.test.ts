import assert from 'node:assert/strict';
import { test } from 'node:test';
import { knowledgeBase, pickForTarget, statusAt, sureStatusAt } from '../src/kb';
import { ITEMS } from '../src/kb/data';
import type { KbItem } from '../src/kb/types';
import { VALIDATORS } from '../src/kb/validate';

for (const [name, validate] of Object.entries(VALIDATORS)) {
  test(`knowledge base invariant ${name} holds for the data`, () => {
    assert.deepEqual(validate(ITEMS), []);
  });
}

const base: KbItem = { path: 'x::Good', kind: 'struct', since: '6.10', signatures: [{ text: 'pub struct Good;' }], docs: 'A well-formed entry used by the negative tests.', link: 'https://rust.docs.kernel.org/kernel/x/struct.Good.html' };

/** One bad entry (or set) per invariant: each validator must reject it, and accept the good entry. */
const BAD: Record<keyof typeof VALIDATORS, { items: KbItem[]; expect: RegExp }> = {
  uniqueNames: { items: [base, { ...base, since: '6.12' }], expect: /x::Good @ 6\.12: /u },
  knownReleases: { items: [{ ...base, since: '6.99' }], expect: /6\.99 is not a known release/u },
  rangesInsideItem: { items: [{ ...base, until: '6.9' }], expect: /since >= until/u },
  signatureErasDisjoint: { items: [{ ...base, signatures: [{ text: 'a' }, { since: '6.12', text: 'b' }] }], expect: /2 signatures/u },
  replacementsResolve: { items: [{ ...base, until: '6.12', replacement: 'x::Missing' }], expect: /x::Missing missing at 6\.12/u },
  docsAndLinks: { items: [{ ...base, link: 'https://example.com/x' }], expect: /link https:\/\/example\.com/u },
  uncertaintyBounds: { items: [{ ...base, backportedTo: ['6.11'] }], expect: /backportedTo 6\.11 not before since/u },
  docsErasOrdered: { items: [{ ...base, docsByRelease: [{ text: 'x'.repeat(50) }, { since: '6.12', text: 'y'.repeat(50) }] }], expect: /only the last docs era may be open-ended/u },
};

for (const [name, { items, expect }] of Object.entries(BAD)) {
  test(`knowledge base invariant ${name} rejects a bad entry`, () => {
    const validate = VALIDATORS[name];
    assert.deepEqual(validate([base]), [], 'the good entry passes');
    const problems = validate(items);
    assert.ok(problems.some((p) => expect.test(p)), `expected ${expect} in ${JSON.stringify(problems)}`);
  });
}

test('every invariant has a negative test', () => {
  assert.deepEqual(Object.keys(BAD).sort(), Object.keys(VALIDATORS).sort());
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
