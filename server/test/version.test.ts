import assert from 'node:assert/strict';
import { test } from 'node:test';
import { NEWEST_RELEASE, NEWEST_STABLE_RELEASE, OLDEST_RELEASE, RELEASES } from '../src/kb/releases';
import { canonicalTarget, compareReleases, inRange, isDevelopmentRelease, isKnownRelease, normalizeRelease, parseRelease, releasesIn, sameLine } from '../src/kb/version';

test('releases are ordered, unique, and span 6.1 to 7.4; 7.4 is in development', () => {
  assert.equal(OLDEST_RELEASE, '6.1');
  assert.equal(NEWEST_RELEASE, '7.4');
  assert.equal(NEWEST_STABLE_RELEASE, '7.3');
  assert.ok(isDevelopmentRelease('7.4') && isDevelopmentRelease('7.4-rc3') && !isDevelopmentRelease('7.3'));
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
  assert.ok(compareReleases('6.15.3', '6.15') > 0 && compareReleases('6.15.3', '6.16') < 0 && compareReleases('6.15.10', '6.15.9') > 0);
  assert.equal(compareReleases('7.4-rc2', '7.4'), 0);
  assert.equal(compareReleases('6.15.0', '6.15'), 0);
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
  assert.ok(isKnownRelease('7.1.5') && isKnownRelease('7.4-rc1') && !isKnownRelease('7.5'));
  assert.ok(inRange('7.1.5', '7.1', '7.2') && !inRange('7.1.5', '7.0', '7.1'));
});

test('point releases keep their point; X.Y alone is the release as first published', () => {
  assert.equal(canonicalTarget('7.1.5'), '7.1.5');
  assert.equal(canonicalTarget('7.1.0'), '7.1');
  assert.equal(canonicalTarget('v7.4-rc2'), '7.4');
  assert.ok(sameLine('6.15', '6.15.9') && !sameLine('6.15', '6.16'));
  assert.deepEqual(parseRelease('6.1000'), { major: 6, minor: 1000, patch: 0 });
});
