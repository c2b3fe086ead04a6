import assert from 'node:assert/strict';
import { test } from 'node:test';
import { NEWEST_RELEASE, OLDEST_RELEASE, RELEASES } from '../src/kb/releases';
import { compareReleases, inRange, isKnownRelease, normalizeRelease, parseRelease, releasesIn } from '../src/kb/version';

test('releases are ordered, unique, and span 6.1 to 6.19', () => {
  assert.equal(OLDEST_RELEASE, '6.1');
  assert.equal(NEWEST_RELEASE, '6.19');
  for (let i = 1; i < RELEASES.length; i++) assert.ok(compareReleases(RELEASES[i - 1], RELEASES[i]) < 0);
  assert.equal(new Set(RELEASES).size, RELEASES.length);
});

test('release spellings normalise', () => {
  assert.equal(normalizeRelease('v6.15'), '6.15');
  assert.equal(normalizeRelease('6.15.3'), '6.15');
  assert.equal(normalizeRelease('6.16-rc2'), '6.16');
  assert.equal(normalizeRelease('6.x'), undefined);
  assert.equal(parseRelease('seven'), undefined);
});

test('comparison is numeric, not textual, and extends to 7.x', () => {
  assert.ok(compareReleases('6.9', '6.10') < 0);
  assert.ok(compareReleases('7.0', '6.19') > 0);
  assert.throws(() => compareReleases('6.x', '6.1'));
});

test('ranges are since-inclusive and until-exclusive', () => {
  assert.ok(inRange('6.15', '6.15', '6.17'));
  assert.ok(inRange('6.16', '6.15', '6.17'));
  assert.ok(!inRange('6.17', '6.15', '6.17'));
  assert.ok(!inRange('6.14', '6.15'));
  assert.ok(inRange('6.1', undefined, '6.2'));
  assert.deepEqual(releasesIn('6.17', '6.19'), ['6.17', '6.18']);
  assert.ok(isKnownRelease('6.12') && !isKnownRelease('6.0') && !isKnownRelease('6.20'));
});
