/** A range of target releases ("6.12..7.3"): reading it, merging each release's findings per site, fixes only when
 *  valid across the range, hovers per era, snippet gating, the status bar and the picker's choices. */
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { test } from 'node:test';
import { statusView } from '../../client/src/status-text';
import { newerThan, OFFERED_RELEASES } from '../../client/src/target-choices';
import { analyzeText } from '../src/analysis/analyze';
import { erasAcross, renderHover } from '../src/analysis/hover';
import { KernelTreeLocator, readTargetSetting, resolveTarget } from '../src/core/target';
import { describeReleases, mergeRangeFindings, readTargetRange, type TargetRange } from '../src/core/target-range';
import type { Finding } from '../src/core/types';
import { completionContext } from '../src/features/completion-context';
import { Settings } from '../src/features/settings';
import { loadSnippets, snippetItems } from '../src/features/snippets';
import { knowledgeBase } from '../src/kb';
import { kernelTree, sharedParser, tempDir } from './helpers';

function range(text: string): TargetRange {
  const r = readTargetRange(text);
  assert.equal(r.kind, 'range', JSON.stringify(r));
  return (r as { range: TargetRange }).range;
}

test('a range reads as every registry release from its start to its end, point-release ends included', () => {
  assert.deepEqual(range('6.12..6.16').releases, ['6.12', '6.13', '6.14', '6.15', '6.16']);
  assert.equal(range('6.12..7.3').releases.length, 12);
  // A point release at the start stands in for its line (6.12 as first published is older than the range).
  assert.deepEqual(range('6.12.118..6.14').releases, ['6.12.118', '6.13', '6.14']);
  assert.deepEqual(range('6.13..7.1.5').releases, ['6.13', '6.14', '6.15', '6.16', '6.17', '6.18', '6.19', '7.0', '7.1', '7.1.5']);
  assert.equal(range(' v6.12 .. 7.4-rc2 ').label, '6.12..7.4');
  // Both ends the same: a single release.
  assert.deepEqual(readTargetRange('6.15..6.15'), { kind: 'release', release: '6.15' });
});

test('bad ranges are refused with a message that says what is wrong', () => {
  const reason = (text: string): string => {
    const r = readTargetSetting(text);
    assert.equal(r.kind, 'invalid', text);
    return (r as { reason: string }).reason;
  };
  assert.match(reason('7.3..6.12'), /runs backwards; write the older release first \(6\.12\.\.7\.3\)/);
  assert.match(reason('6.12..9.1'), /the end of "6\.12\.\.9\.1", Linux 9\.1, is not a release this version of Kernel Rust knows/);
  assert.match(reason('5.10..6.12'), /the start .* Linux 5\.10, is not a release/);
  assert.match(reason('6.12..'), /has no end release/);
  assert.match(reason('..7.3'), /has no start release/);
  assert.match(reason('6.12...7.3'), /is not a range of releases/);
  assert.match(reason('6.12..7.3..7.4'), /is not a range of releases/);
  assert.match(reason('six..seven'), /"six", is not a kernel release/);
  assert.match(reason('6.12..7.3-beta'), /is not a kernel release/);
  assert.equal(readTargetSetting('6.12..7.3').kind, 'range');
});

test('the server keeps the previous target and warns when a range is bad', () => {
  const s = new Settings();
  assert.deepEqual(s.apply({ targetVersion: '6.12..7.3' }, []), []);
  assert.equal(s.explicitTarget, '6.12..7.3');
  const warnings = s.apply({ targetVersion: '7.3..6.12' }, []);
  assert.equal(warnings.length, 1);
  assert.match(warnings[0], /runs backwards.*; keeping 6\.12\.\.7\.3$/);
  assert.equal(s.explicitTarget, '6.12..7.3');
  const t = resolveTarget(s.explicitTarget, undefined, new KernelTreeLocator());
  assert.equal(t.range?.label, '6.12..7.3');
  assert.equal(t.release, '7.3');
});

test('several configured trees give the range from the oldest release to the newest', () => {
  const root = tempDir('kr-range-trees-');
  const a = kernelTree(path.join(root, 'a'), '6.14');
  const b = kernelTree(path.join(root, 'b'), '6.18');
  const c = kernelTree(path.join(root, 'c'), '6.16');
  const t = resolveTarget(undefined, path.join(root, 'module', 'x.rs'), new KernelTreeLocator(), [a, b, c]);
  assert.equal(t.source, 'tree');
  assert.equal(t.range?.label, '6.14..6.18');
  assert.equal(t.kernelRoot, b);
  assert.deepEqual(t.kernelRoots, [a, b, c]);
  // Trees of one release give that release.
  const same = resolveTarget(undefined, path.join(root, 'module', 'x.rs'), new KernelTreeLocator(), [a, a]);
  assert.equal(same.range, undefined);
  assert.equal(same.release, '6.14');
});

test('sub-ranges are written as runs of the range', () => {
  const r = range('6.12..7.3');
  assert.equal(describeReleases(r, new Set(['6.12', '6.13', '6.14', '6.15'])), '6.12–6.15');
  assert.equal(describeReleases(r, new Set(['6.12', '6.13', '7.1', '7.2', '7.3'])), '6.12–6.13 and 7.1–7.3');
  assert.equal(describeReleases(r, new Set(['6.12', '6.19', '7.3'])), '6.12, 6.19 and 7.3');
});

const SOURCE = `use kernel::prelude::*;
use kernel::sync::Mutex;
use kernel::init::PinInit;
use kernel::time::Instant;

#[pin_data]
struct Stats {
    hits: u64,
    lock: Mutex<u32>,
}

fn stats() -> impl PinInit<Stats> {
    pin_init!(Stats { hits: 1, ..Zeroable::zeroed() })
}
`;

async function findings(target: string): Promise<Finding[]> {
  const parser = await sharedParser();
  const setting = readTargetSetting(target);
  const options = setting.kind === 'range' ? { target: setting.range.hi, range: setting.range } : { target };
  const r = analyzeText(parser, SOURCE, options);
  assert.equal(r.status, 'analysed');
  return (r as { findings: Finding[] }).findings;
}

const at = (list: Finding[], line: number, rule: string): Finding | undefined => list.find((f) => f.range.start.line === line && f.ruleId === rule);

test('a range finding is the union of the per-release findings, one per site, naming the releases it holds for', async () => {
  const r = range('6.12..7.3');
  const merged = await findings(r.label);
  const union = new Set<string>();
  for (const release of r.releases) for (const f of await findings(release)) union.add(`${f.ruleId}@${JSON.stringify(f.range)}`);
  assert.deepEqual(new Set(merged.map((f) => `${f.ruleId}@${JSON.stringify(f.range)}`)), union);
  assert.equal(merged.length, union.size, 'one finding per rule and site');
  assert.equal(at(merged, 3, 'api-unavailable')?.message, '`kernel::time::Instant` is not in 6.12–6.15 of your range 6.12..7.3 (added in 6.16).');
  assert.equal(at(merged, 2, 'api-removed')?.message, '`kernel::init::PinInit` is not in 6.15–7.3 of your range 6.12..7.3 (removed in 6.15); use `pin_init::PinInit`.');
  assert.equal(at(merged, 12, 'api-removed')?.message, 'The `..Zeroable::zeroed()` tail is not in 6.17–7.3 of your range 6.12..7.3 (removed in 6.17); use `..Zeroable::init_zeroed()`.');
  // A rule that does not depend on the release says what it says at one release.
  const single = at(await findings('7.3'), 8, 'unpinned-field');
  assert.deepEqual(at(merged, 8, 'unpinned-field'), single);
});

test('a range the whole of which lacks an API says so', async () => {
  const merged = await findings('6.17..7.3');
  assert.equal(at(merged, 2, 'api-removed')?.message, '`kernel::init::PinInit` is not in any release of your range 6.17..7.3 (removed in 6.15); use `pin_init::PinInit`.');
  assert.equal(at(merged, 3, 'api-unavailable'), undefined, 'Instant is in all of 6.17..7.3');
});

test('quick fixes are offered only when the fixed code is valid across the whole range', async () => {
  const single = await findings('7.3');
  assert.ok(at(single, 2, 'api-removed')?.fixes.length, 'at 7.3 the move to pin_init is a fix');
  assert.ok(at(single, 12, 'api-removed')?.fixes.length, 'at 7.3 the init_zeroed spelling is a fix');
  // 6.12–6.14 have no pin_init crate and no init_zeroed: neither fix would build there.
  const wide = await findings('6.12..7.3');
  assert.deepEqual(at(wide, 2, 'api-removed')?.fixes, []);
  assert.deepEqual(at(wide, 12, 'api-removed')?.fixes, []);
  // From 6.17 on both fixes hold for every release of the range.
  const late = await findings('6.17..7.3');
  assert.deepEqual(at(late, 2, 'api-removed')?.fixes, at(single, 2, 'api-removed')?.fixes);
  assert.deepEqual(at(late, 12, 'api-removed')?.fixes, at(single, 12, 'api-removed')?.fixes);
});

test('merging keeps each era\'s message at one site and drops fixes that differ between releases', () => {
  const r = range('6.15..6.17');
  const f = (message: string, title: string): Finding => ({
    ruleId: 'x',
    severity: 'error',
    message,
    range: { start: { line: 1, character: 0 }, end: { line: 1, character: 3 } },
    fixes: [{ title, edits: [] }],
  });
  const merged = mergeRangeFindings(r, [[f('`a` must return `A` in Linux 6.15.', 'one')], [f('`a` must return `A` in Linux 6.16.', 'one')], [f('`a` must return `B` in Linux 6.17.', 'two')]]);
  assert.equal(merged.length, 1);
  assert.equal(merged[0].message, '`a` must return `A` in 6.15–6.16 of your range 6.15..6.17. `a` must return `B` in 6.17 of your range 6.15..6.17.');
  assert.deepEqual(merged[0].fixes, []);
  // A message without the target, reported at part of the range, gets the part added.
  const part = mergeRangeFindings(r, [[f('Something is off.', 'one')], [], []]);
  assert.equal(part[0].message, 'Something is off (in 6.15 of your range 6.15..6.17).');
  assert.deepEqual(part[0].fixes, [], 'a fix for one release of the range is not offered');
  // "Linux 6.1" must not match inside "Linux 6.15".
  const r1 = range('6.1..6.2');
  assert.equal(mergeRangeFindings(r1, [[f('`a` is not in Linux 6.1 (see Linux 6.15).', 'one')], []])[0].message, '`a` is not in 6.1 of your range 6.1..6.2 (see Linux 6.15).');
});

test('hovers show each signature of the range with the releases it holds for, and the part lacking the item', () => {
  const kb = knowledgeBase();
  const item = kb.resolve('kernel::time::Instant', '7.3');
  assert.ok(item);
  const r = range('6.12..7.3');
  const eras = erasAcross(item, r);
  assert.deepEqual(eras.map((e) => [...e.releases].join(',')), ['6.12,6.13,6.14,6.15', '6.16', '6.17,6.18,6.19,7.0,7.1,7.2,7.3']);
  const md = renderHover(item, item.path, '7.3', undefined, r);
  assert.match(md, /Linux 6\.16:\n\n```rust\n[^`]*pub struct Instant \{/);
  assert.match(md, /Linux 6\.17–7\.3:\n\n```rust\n[^`]*pub struct Instant<C: ClockSource>/);
  assert.match(md, /\*\*Not in 6\.12–6\.15 of your range 6\.12\.\.7\.3\*\* \(added in 6\.16\)\./);
  assert.match(md, /checked against every release of Linux 6\.12\.\.7\.3/);
  // One signature over the whole range: a single block, as for one release.
  const one = renderHover(item, item.path, '7.3', undefined, range('6.17..7.3'));
  assert.equal(one.match(/```rust/g)?.length, 1);
  assert.doesNotMatch(one, /Linux 6\.17–7\.3:/);
  assert.match(one, /In every release of your range 6\.17\.\.7\.3\./);
});

test('snippets that fit only part of the range say which part and sort after those that fit all of it', async () => {
  const parser = await sharedParser();
  const { snippets } = loadSnippets();
  const text = 'fn f() {}\n';
  const tree = parser.parse(text);
  assert.ok(tree);
  try {
    const at = (target: string, r?: TargetRange) => snippetItems(snippets, { ...completionContext(text, tree, 1, 0, text.length, target, r), prefix: '' });
    const wide = range('6.12..7.3');
    const items = at(wide.hi, wide);
    const offeredAtOne = new Set(wide.releases.flatMap((rel) => at(rel).map((i) => i.label)));
    assert.deepEqual(new Set(items.map((i) => i.label)), offeredAtOne, 'offered when some release of the range has it');
    const partial = items.filter((i) => i.sortText?.startsWith('~~'));
    const whole = items.filter((i) => !i.sortText?.startsWith('~~'));
    assert.ok(partial.length > 0 && whole.length > 0, 'the registry has snippets of both kinds over 6.12..7.3');
    for (const i of partial) {
      assert.match(i.detail ?? '', /; only .* of your range 6\.12\.\.7\.3\)$/, i.label);
      assert.match((i.documentation as { value: string }).value, /^\*\*Fits only .* of your range 6\.12\.\.7\.3\*\*/);
    }
    for (const i of whole) assert.doesNotMatch(i.detail ?? '', /your range/);
    // Outside the range entirely: not offered.
    const old = range('6.1..6.2');
    for (const i of at(old.hi, old)) assert.ok(at('6.1').some((j) => j.label === i.label) || at('6.2').some((j) => j.label === i.label));
  } finally {
    tree.delete();
  }
});

test('the status bar says the range and the picker offers "to" releases newer than "from"', () => {
  const r = range('6.12..7.3');
  const view = statusView({ release: '7.3', source: 'setting', range: r });
  assert.equal(view?.text, 'Kernel 6.12..7.3 · setting');
  assert.match(view?.tooltip ?? '', /range \*\*Linux 6\.12\.\.7\.3\*\*.*every release of it is checked \(6\.12, 6\.13/);
  const trees = statusView({ release: '6.18', source: 'tree', range: range('6.14..6.18'), kernelRoots: ['/k/a', '/k/b'] });
  assert.equal(trees?.text, 'Kernel 6.14..6.18 · trees');
  assert.match(trees?.tooltip ?? '', /`\/k\/a`, `\/k\/b`/);
  assert.deepEqual(newerThan('7.2'), OFFERED_RELEASES.slice(0, OFFERED_RELEASES.indexOf('7.2')));
  assert.ok(newerThan('7.2').every((r2) => readTargetSetting(`7.2..${r2}`).kind === 'range'));
  assert.deepEqual(newerThan(OFFERED_RELEASES[0]), []);
});
