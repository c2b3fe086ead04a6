import assert from 'node:assert/strict';
import { test } from 'node:test';
import { renderHover } from '../src/analysis/hover';
import { knowledgeBase, statusAt, sureStatusAt } from '../src/kb';

const kb = knowledgeBase();

function item(path: string, target: string) {
  const found = kb.resolve(path, target);
  assert.ok(found, `${path} resolves at ${target}`);
  return found;
}

function signatureAt(path: string, target: string): string | undefined {
  const s = statusAt(item(path, target), target);
  return s.state === 'available' ? s.signature?.text : undefined;
}

test('impl_has_hr_timer! is only at the crate root, and its generics go in braces without angle brackets', () => {
  assert.equal(kb.lookup('kernel::time::hrtimer::impl_has_hr_timer!').length, 0);
  assert.ok(kb.lookup('kernel::impl_has_hr_timer!').length === 1);
  for (const r of ['6.15', '6.17', '7.3']) assert.match(signatureAt('syntax::impl-has-hr-timer-generics', r) ?? '', /impl\{T: Send\} HasHrTimer/);
});

test('the HrTimer hover at 6.15 does not advise the 6.17 zero-argument HrTimer::new()', () => {
  const at615 = renderHover(item('kernel::time::hrtimer::HrTimer', '6.15'), 'kernel::time::hrtimer::HrTimer', '6.15');
  assert.doesNotMatch(at615, /HrTimer::new\(\)/);
  const newAt615 = renderHover(item('kernel::time::hrtimer::HrTimer::new', '6.15'), 'kernel::time::hrtimer::HrTimer::new', '6.15');
  assert.match(newAt615, /pub fn new\(mode: HrTimerMode, clock: ClockId\)/);
});

test('the hrtimer API keeps its 6.18 signatures through 7.3', () => {
  for (const p of ['kernel::time::hrtimer::HrTimer::new', 'kernel::time::hrtimer::HrTimerCallback::run', 'kernel::time::hrtimer::HrTimerPointer::start']) {
    assert.equal(signatureAt(p, '7.3'), signatureAt(p, '6.18'), p);
  }
});

test('ClockId: an enum on 6.15-6.16, absent 6.17-7.3; its variants are values, not the 6.17 clock structs', () => {
  assert.equal(item('kernel::time::ClockId', '6.15').kind, 'enum');
  assert.equal(statusAt(item('kernel::time::ClockId', '6.16'), '6.16').state, 'available');
  assert.equal(statusAt(item('kernel::time::ClockId', '7.3'), '7.3').state, 'removed');
  assert.equal(item('kernel::time::ClockId::Monotonic', '6.15').kind, 'variant');
  assert.match(renderHover(item('kernel::time::Monotonic', '6.15'), 'kernel::time::Monotonic', '6.15'), /ClockId::Monotonic/);
});

test('ClockSource becomes an unsafe trait in 7.1, decided only from 7.2 on', () => {
  assert.match(signatureAt('kernel::time::ClockSource', '7.0') ?? '', /^pub trait ClockSource/);
  assert.match(signatureAt('kernel::time::ClockSource', '7.2') ?? '', /^pub unsafe trait ClockSource/);
  const fromNanos = item('kernel::time::Delta::from_nanos', '7.0');
  assert.equal(sureStatusAt(fromNanos, '7.0')?.state, 'not-yet');
  assert.equal(statusAt(fromNanos, '7.2').state, 'available');
});

test('Delta is generic over its unit from 7.3, with Jiffy conversions', () => {
  assert.doesNotMatch(signatureAt('kernel::time::Delta', '7.2') ?? '', /TimeUnit/);
  assert.match(signatureAt('kernel::time::Delta', '7.3') ?? '', /Delta<U: TimeUnit = Nsec>/);
  for (const p of ['kernel::time::TimeUnit', 'kernel::time::Nsec', 'kernel::time::Jiffy', 'kernel::time::Delta::from_jiffies', 'kernel::time::Delta::as_jiffies']) {
    assert.equal(sureStatusAt(item(p, '7.2'), '7.2')?.state, 'not-yet', p);
    assert.equal(statusAt(item(p, '7.3'), '7.3').state, 'available', p);
  }
});

test('VMA zap is renamed in 7.1 and page_align returns Option from 7.0', () => {
  const old = item('kernel::mm::virt::VmaRef::zap_page_range_single', '7.1');
  const gone = sureStatusAt(old, '7.1');
  assert.equal(gone?.state, 'removed');
  assert.equal(gone?.state === 'removed' ? gone.replacement : undefined, 'kernel::mm::virt::VmaRef::zap_vma_range');
  assert.equal(sureStatusAt(old, '7.0')?.state, 'available');
  assert.equal(sureStatusAt(item('kernel::mm::virt::VmaRef::zap_vma_range', '7.0'), '7.0')?.state, 'not-yet');
  assert.match(signatureAt('kernel::page::page_align', '6.19') ?? '', /-> usize$/);
  assert.match(signatureAt('kernel::page::page_align', '7.0') ?? '', /-> Option<usize>$/);
});
