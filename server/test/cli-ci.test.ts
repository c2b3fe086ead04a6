/**
 * The CLI in CI: SARIF that validates against the SARIF 2.1.0 schema (the one Microsoft ships in
 * @microsoft/jest-sarif) with %SRCROOT%-relative URIs, web help links and rule properties; --max-warnings;
 * --baseline from SARIF and JSON that survives lines added above; --changed-lines-from and --diff-base.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { test } from 'node:test';
import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { RULES } from '../src/lints/rules';
import { REPOSITORY_URL } from '../src/core/project-links';
import { kernelTree, ROOT, tempDir, writeTree } from './helpers';

const CLI = path.join(ROOT, 'dist', 'cli.js');
const SCHEMA = require.resolve('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json');

const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
addFormats(ajv);
const validate = ajv.compile(JSON.parse(fs.readFileSync(SCHEMA, 'utf8')));

function assertValidSarif(log: unknown): void {
  assert.ok(validate(log), `SARIF does not validate: ${JSON.stringify(validate.errors?.slice(0, 5), null, 1)}`);
}

function run(args: string[], cwd: string, input?: string) {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', input });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** Two errors (6.16 APIs at 6.15) and one warning (a `PhantomPinned` without `#[pin]`; an unpinned lock is an error). */
const DRIVER = [
  'use kernel::prelude::*;',
  'use core::marker::PhantomPinned;',
  'use kernel::time::Instant;',
  '',
  '#[pin_data]',
  'struct Port {',
  '    _pin: PhantomPinned,',
  '}',
  '',
  'fn stamp() -> kernel::time::Delta { todo!() }',
  '',
].join('\n');

test('the validator rejects what the schema forbids, so a passing log means something', () => {
  assert.equal(validate({ version: '2.1.0', runs: [{ tool: { driver: { name: 'x', informationUri: 'not a uri' } } }] }), false);
  assert.equal(validate({ version: '2.0.0', runs: [] }), false);
  assert.equal(validate({ version: '2.1.0', runs: [{ tool: { driver: { name: 'x' } }, results: [{ message: {} }] }] }), false);
});

test('SARIF validates against the 2.1.0 schema, with %SRCROOT%-relative URIs, web help links and rule properties', () => {
  const dir = kernelTree(tempDir(), '6.15', { 'drivers/x/port.rs': DRIVER, 'drivers/x/bad.rs': '' });
  fs.writeFileSync(path.join(dir, 'drivers/x/bad.rs'), Buffer.from([0xff, 0xfe, 0x00]));
  const r = run(['--format', 'sarif', '.'], dir);
  assert.equal(r.code, 1, r.stderr);
  const log = JSON.parse(r.stdout);
  assertValidSarif(log);
  const run0 = log.runs[0];
  assert.deepEqual(run0.originalUriBaseIds, { '%SRCROOT%': { uri: `${pathToFileURL(fs.realpathSync(dir)).href}/` } });
  assert.equal(run0.tool.driver.informationUri, REPOSITORY_URL);
  for (const rule of run0.tool.driver.rules) {
    assert.equal(rule.helpUri, `${REPOSITORY_URL}/blob/main/docs/lints.md#${rule.id}`);
    assert.match(rule.properties.subsystem, /^[a-z-]+$/);
    assert.match(rule.properties.since, /^\d+\.\d+$/);
  }
  assert.deepEqual(run0.tool.driver.rules.map((x: { id: string }) => x.id), RULES.map((x) => x.id));
  const uris = run0.results.map((x: { locations: { physicalLocation: { artifactLocation: { uri: string; uriBaseId: string } } }[] }) => x.locations[0].physicalLocation.artifactLocation);
  assert.ok(uris.length === 3 && uris.every((u: { uri: string; uriBaseId: string }) => u.uri === 'drivers/x/port.rs' && u.uriBaseId === '%SRCROOT%'), JSON.stringify(uris));
  assert.ok(run0.results.every((x: { partialFingerprints: Record<string, string> }) => /^[0-9a-f]{32}$/.test(x.partialFingerprints['kernelRustLineHash/v1'])));
  const inv = run0.invocations[0];
  assert.equal(inv.exitCode, 1);
  assert.equal(inv.executionSuccessful, true);
  assert.ok(inv.toolExecutionNotifications.some((n: { descriptor: { id: string }; message: { text: string } }) => n.descriptor.id === 'file-skipped' && /bad\.rs: skipped/.test(n.message.text)));
});

test('--srcroot moves %SRCROOT%; files outside it get absolute file URIs; an empty run validates too', () => {
  const dir = kernelTree(tempDir(), '6.15', { 'drivers/x/port.rs': DRIVER });
  const other = tempDir();
  writeTree(other, { 'y.rs': 'use kernel::time::Instant;\n' });
  const r = run(['--format', 'sarif', '--target-version', '6.15', '--srcroot', 'drivers', 'drivers', path.join(other, 'y.rs')], dir);
  const log = JSON.parse(r.stdout);
  assertValidSarif(log);
  const locs = log.runs[0].results.map((x: { locations: { physicalLocation: { artifactLocation: unknown } }[] }) => x.locations[0].physicalLocation.artifactLocation);
  assert.ok(locs.some((l: { uri: string; uriBaseId?: string }) => l.uri === 'x/port.rs' && l.uriBaseId === '%SRCROOT%'));
  assert.ok(locs.some((l: { uri: string; uriBaseId?: string }) => l.uri === pathToFileURL(path.join(other, 'y.rs')).href && l.uriBaseId === undefined));
  const empty = run(['--format', 'sarif', '--target-version', '6.16', '--rule', 'api-unavailable', 'drivers'], dir);
  assert.equal(empty.code, 0);
  assertValidSarif(JSON.parse(empty.stdout));
  assert.equal(run(['--srcroot', 'nowhere', 'drivers'], dir).code, 2);
});

test('the repository URL has one home: package.json repository (when present) agrees, and every rule has its docs heading', () => {
  const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
  if (pkg.repository) {
    const url = String(typeof pkg.repository === 'string' ? pkg.repository : pkg.repository.url).replace(/^git\+/, '').replace(/\.git$/, '');
    assert.equal(url, REPOSITORY_URL, 'package.json repository and server/src/core/project-links.ts disagree');
  }
  const docs = fs.readFileSync(path.join(ROOT, 'docs', 'lints.md'), 'utf8');
  for (const r of RULES) assert.match(docs, new RegExp(`^## ${r.id}$`, 'm'), `docs/lints.md has no "## ${r.id}" heading for the help link`);
});

test('--max-warnings: errors always fail, warnings only above the limit; a bad value exits 2', () => {
  const dir = kernelTree(tempDir(), '6.16', { 'drivers/x/port.rs': DRIVER });
  assert.equal(run(['drivers'], dir).code, 1); // one warning, default limit 0
  assert.equal(run(['--max-warnings', '1', 'drivers'], dir).code, 0);
  assert.equal(run(['--max-warnings=0', 'drivers'], dir).code, 1);
  const over = run(['--max-warnings', '1', '.'], kernelTree(tempDir(), '6.16', { 'a.rs': DRIVER, 'b.rs': DRIVER }));
  assert.equal(over.code, 1);
  assert.match(over.stderr, /2 warnings, more than --max-warnings 1/);
  assert.equal(run(['--max-warnings', '100', '--target-version', '6.15', 'drivers'], dir).code, 1); // errors
  for (const v of ['-1', 'x', '1.5']) assert.equal(run([`--max-warnings=${v}`, 'drivers'], dir).code, 2, v);
});

test('--baseline (JSON or SARIF) reports only new findings, even after lines are added above the old ones', () => {
  const dir = kernelTree(tempDir(), '6.15', { 'drivers/x/port.rs': DRIVER });
  fs.writeFileSync(path.join(dir, 'base.json'), run(['--format', 'json', 'drivers'], dir).stdout);
  fs.writeFileSync(path.join(dir, 'base.sarif'), run(['--format', 'sarif', 'drivers'], dir).stdout);
  // Same findings, pushed down three lines, plus one new use of a 6.16 API.
  const edited = `// a comment\n// another\nuse kernel::time::Delta;\n${DRIVER}`;
  fs.writeFileSync(path.join(dir, 'drivers/x/port.rs'), edited);
  for (const base of ['base.json', 'base.sarif']) {
    const r = run(['--baseline', base, '--format', 'json', 'drivers'], dir);
    assert.equal(r.code, 1, r.stderr);
    const found = JSON.parse(r.stdout).findings;
    assert.deepEqual(found.map((f: { line: number; rule: string }) => `${f.line} ${f.rule}`), ['3 api-unavailable'], base);
    assert.match(r.stderr, /3 finding\(s\) already in the baseline not reported/);
    const sarif = JSON.parse(run(['--baseline', base, '--format', 'sarif', 'drivers'], dir).stdout);
    assertValidSarif(sarif);
    assert.deepEqual(sarif.runs[0].results.map((x: { baselineState: string }) => x.baselineState), ['new']);
  }
  // A second copy of a known finding is new: each baseline entry absorbs one finding.
  fs.writeFileSync(path.join(dir, 'drivers/x/port.rs'), `${DRIVER}use kernel::time::Instant;\n`);
  const dup = JSON.parse(run(['--baseline', 'base.json', '--format', 'json', 'drivers'], dir).stdout).findings;
  assert.deepEqual(dup.map((f: { line: number }) => f.line), [11]);
  // Nothing new: exit 0.
  fs.writeFileSync(path.join(dir, 'drivers/x/port.rs'), DRIVER);
  assert.equal(run(['--baseline', 'base.sarif', 'drivers'], dir).code, 0);
  // A baseline that is not one exits 2.
  fs.writeFileSync(path.join(dir, 'junk.json'), '{"x": 1}');
  const junk = run(['--baseline', 'junk.json', 'drivers'], dir);
  assert.equal(junk.code, 2);
  assert.match(junk.stderr, /--baseline junk\.json: neither SARIF/);
  assert.equal(run(['--baseline', 'missing.json', 'drivers'], dir).code, 2);
});

function git(cwd: string, ...args: string[]): string {
  const r = spawnSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.invalid', '-c', 'commit.gpgsign=false', ...args], { cwd, encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  return r.stdout;
}

test('--changed-lines-from PATCH and --diff-base REV report only findings on added or changed lines', () => {
  const dir = kernelTree(tempDir(), '6.15', { 'drivers/x/port.rs': DRIVER, 'drivers/x/other.rs': 'use kernel::time::Instant;\n' });
  git(dir, 'init', '-q');
  git(dir, 'add', '.');
  git(dir, 'commit', '-qm', 'base');
  const edited = DRIVER.replace('use kernel::time::Instant;', 'use kernel::time::{Delta, Instant};').replace('    _pin: PhantomPinned,', '    _pin: PhantomPinned,\n    _also: PhantomPinned,');
  fs.writeFileSync(path.join(dir, 'drivers/x/port.rs'), edited);
  const want = ['drivers/x/port.rs:3 api-unavailable', 'drivers/x/port.rs:3 api-unavailable', 'drivers/x/port.rs:8 unpinned-phantom-pinned'];
  const lines = (out: string) => JSON.parse(out).findings.map((f: { path: string; line: number; rule: string }) => `${f.path}:${f.line} ${f.rule}`);
  const viaGit = run(['--diff-base', 'HEAD', '--format', 'json', 'drivers'], dir);
  assert.equal(viaGit.code, 1, viaGit.stderr);
  assert.deepEqual(lines(viaGit.stdout), want);
  assert.match(viaGit.stderr, /finding\(s\) on unchanged lines not reported/);
  const patch = git(dir, 'diff');
  fs.writeFileSync(path.join(dir, 'change.patch'), patch);
  assert.deepEqual(lines(run(['--changed-lines-from', 'change.patch', '--format', 'json', 'drivers'], dir).stdout), want);
  assert.deepEqual(lines(run(['--changed-lines-from', '-', '--format', 'json', 'drivers'], dir, patch).stdout), want);
  // Run from a subfolder: git's paths are relative to the top of the repository.
  assert.deepEqual(lines(run(['--diff-base', 'HEAD', '--format', 'json', '.'], path.join(dir, 'drivers')).stdout).map((l: string) => l.replace(/^/, 'drivers/')), want);
  // A committed change and a BASE...HEAD range.
  git(dir, 'commit', '-qam', 'change');
  assert.deepEqual(lines(run(['--diff-base', 'HEAD~1...HEAD', '--format', 'json', 'drivers'], dir).stdout), want);
  assert.equal(run(['--diff-base', 'HEAD', 'drivers'], dir).code, 0, 'no change since HEAD: nothing to report');
  // Mistakes exit 2 with git's reason.
  const badRev = run(['--diff-base', 'no-such-rev', 'drivers'], dir);
  assert.equal(badRev.code, 2);
  assert.match(badRev.stderr, /--diff-base no-such-rev: git .*failed/);
  assert.equal(run(['--diff-base', '--output=/tmp/x', 'drivers'], dir).code, 2);
  assert.equal(run(['--diff-base', 'HEAD', '.'], tempDir()).code, 2, 'outside a git repository');
  fs.writeFileSync(path.join(dir, 'not.patch'), 'hello\n');
  assert.match(run(['--changed-lines-from', 'not.patch', 'drivers'], dir).stderr, /no file in it/);
  assert.equal(run(['--changed-lines-from', 'a.patch', '--diff-base', 'HEAD', 'drivers'], dir).code, 2);
});
