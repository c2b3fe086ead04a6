/** The one annotation parser of the lint fixtures: it reads every form, and rejects malformed lines instead of skipping them. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { RULES } from '../src/lints/rules';
import { expectationsAt, parseFixture } from './fixture-harness';

const RULE_IDS = new Set(RULES.map((r) => r.id));
const parse = (text: string) => parseFixture('t.rs', text, RULE_IDS);

test('annotations, with and without a release, are read with their column and length', () => {
  const f = parse(['//@ kernel: 6.15, 6.16', 'use kernel::time::Instant;', '//                ^^^^^^^ error@6.15[api-unavailable]: `kernel::time::Instant`', '//  ^^^^ warning[unpinned-field]: x'].join('\n'));
  assert.deepEqual(f.targets, ['6.15', '6.16']);
  assert.deepEqual(
    f.expectations.map((e) => [e.line, e.start, e.length, e.severity, e.ruleId, e.releases]),
    [
      [1, 18, 7, 'error', 'api-unavailable', ['6.15']],
      [1, 4, 4, 'warning', 'unpinned-field', undefined],
    ],
  );
  assert.equal(expectationsAt(f, '6.15').length, 2);
  assert.deepEqual(expectationsAt(f, '6.16').map((e) => e.ruleId), ['unpinned-field']);
});

test('malformed markers and headers are errors, not comments', () => {
  const bad: [string, RegExp][] = [
    ['//  ^^^^ eror[api-unavailable]: x', /malformed annotation/],
    ['//  ^^^^ error[api-unavailable] x', /malformed annotation/],
    ['//  ^^^^ error(api-unavailable): x', /malformed annotation/],
    ['//  ^^^^ error[api-unavailable]:', /malformed annotation/],
    ['//  ^^^^ error@6[api-unavailable]: x', /malformed annotation/],
    ['//  ^^^^ error@6.17[api-removed]: x', /not among the fixture's targets/],
    ['//  ^^^^ error[no-such-rule]: x', /unknown rule "no-such-rule"/],
    ['//^', /malformed annotation/],
  ];
  for (const [line, why] of bad) assert.throws(() => parse(`//@ kernel: 6.15\nfn f() {}\n${line}\n`), why, line);
  assert.throws(() => parse('//@ kernel: 6.15\n//  ^^^ error[api-unavailable]: x\n'), /annotation before any code line/);
  assert.throws(() => parse('//@ kernal: 6.15\nfn f() {}\n'), /unknown header "kernal"/);
  assert.throws(() => parse('//@ kernel: six\nfn f() {}\n'), /releases or ranges like/);
  assert.throws(() => parse('//@ kernel: 6.15..\nfn f() {}\n'), /releases or ranges like/);
  assert.equal(parse('//@ kernel: 6.15..6.18, 7.0\nfn f() {}\n').targets.join(' '), '6.15..6.18 7.0');
  assert.throws(() => parse('//@kernel 6.15\nfn f() {}\n'), /malformed header/);
  assert.throws(() => parse('fn f() {}\n'), /missing "\/\/@ kernel: X" header/);
  // Ordinary comments are not markers.
  assert.equal(parse('//@ kernel: 6.15\nfn f() {} // a ^ in a comment\n// x ^^ y\n').expectations.length, 0);
});
