import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { parseArgs, UsageError } from '../src/cli-args';
import { kernelTree, ROOT, tempDir, writeTree } from './helpers';

const CLI = path.join(ROOT, 'dist', 'cli.js');
const SAMPLE = path.join(ROOT, 'test-fixtures', 'sample');

function run(args: string[], cwd = ROOT): { code: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

test('text output is rustc-like and the exit code says findings were made', () => {
  const r = run(['test-fixtures/sample']);
  assert.equal(r.code, 1);
  assert.match(r.stdout, /^test-fixtures\/sample\/drivers\/misc\/tick_counter\.rs:8:36: error\[api-unavailable\]: `kernel::time::Instant` is not in Linux 6\.15 \(added in 6\.16\)\.$/m);
});

test('the version comes from the sample tree Makefile, and --target-version overrides it', () => {
  assert.equal(run(['--target-version', '6.16', SAMPLE]).code, 0);
  assert.match(run(['--target-version', '6.17', SAMPLE]).stdout, /api-removed]: `kernel::time::ClockId`/);
  const r = run(['--stats', SAMPLE]);
  assert.match(r.stderr, /target: +Linux 6\.15 \(Makefile in /);
  assert.match(r.stderr, /api-unavailable: 2/);
});

test('SARIF 2.1.0 output names rules and 1-based regions', () => {
  const r = run(['--format', 'sarif', SAMPLE]);
  assert.equal(r.code, 1);
  const sarif = JSON.parse(r.stdout);
  assert.equal(sarif.version, '2.1.0');
  const run0 = sarif.runs[0];
  const ruleIds = run0.tool.driver.rules.map((x: { id: string }) => x.id);
  assert.ok(ruleIds.includes('api-unavailable') && ruleIds.includes('api-removed'));
  const res = run0.results[0];
  assert.equal(res.ruleId, 'api-unavailable');
  assert.equal(res.level, 'error');
  assert.equal(run0.tool.driver.rules[res.ruleIndex].id, res.ruleId);
  assert.deepEqual(res.locations[0].physicalLocation.artifactLocation, { uri: 'test-fixtures/sample/drivers/misc/tick_counter.rs', uriBaseId: '%SRCROOT%' });
  assert.deepEqual(
    [res.locations[0].physicalLocation.region.startLine, res.locations[0].physicalLocation.region.startColumn],
    [8, 29],
  );
});

test('JSON output lists findings with positions and the target', () => {
  const r = run(['--format=json', SAMPLE]);
  const j = JSON.parse(r.stdout);
  assert.equal(j.findings.length, 2);
  assert.deepEqual(Object.keys(j.findings[0]).sort(), ['column', 'endColumn', 'endLine', 'fingerprint', 'line', 'message', 'path', 'rule', 'severity', 'targetVersion']);
  assert.equal(j.findings[0].targetVersion, '6.15');
});

test('usage errors, unknown versions and missing paths exit 2 with a one-line reason', () => {
  const missing = run(['/no/such/place']);
  assert.equal(missing.code, 2);
  assert.match(missing.stderr, /\/no\/such\/place: no such file or folder/);
  const version = run(['--target-version', '5.4', SAMPLE]);
  assert.equal(version.code, 2);
  assert.match(version.stderr, /--target-version: Linux 5\.4 is not a release/);
  assert.equal(run(['--format', 'xml', SAMPLE]).code, 2);
  assert.equal(run(['--rule', 'no-such-rule', SAMPLE]).code, 2);
  assert.equal(run(['--bogus']).code, 2);
  assert.equal(run([]).code, 2);
  assert.equal(run(['--help']).code, 0);
});

test('--rule restricts the run to the named rules', () => {
  assert.equal(run(['--rule', 'api-removed', SAMPLE]).code, 0);
  assert.equal(run(['--rule', 'api-unavailable', SAMPLE]).code, 1);
});

test('bad files are reported one by one and the rest is still checked', () => {
  const dir = kernelTree(tempDir(), '6.15');
  writeTree(dir, {
    'drivers/a/good.rs': 'use kernel::time::Instant;\n',
    'drivers/a/latin1.rs': '',
    'drivers/a/binary.rs': '',
    'rust/syn/lib.rs': 'use kernel::time::Instant;\n',
    'rust/syn/more.rs': 'fn x() {}\n',
  });
  fs.writeFileSync(path.join(dir, 'drivers/a/latin1.rs'), Buffer.from([0x2f, 0x2f, 0x20, 0xe9, 0x0a]));
  fs.writeFileSync(path.join(dir, 'drivers/a/binary.rs'), Buffer.from([0x66, 0x6e, 0x00, 0x01, 0x02]));
  fs.symlinkSync(dir, path.join(dir, 'drivers/a/loop'));
  const r = run(['--stats', dir]);
  assert.equal(r.code, 1, r.stderr);
  assert.match(r.stderr, /latin1\.rs: skipped: not valid UTF-8/);
  assert.match(r.stderr, /binary\.rs: skipped: .*binary/);
  assert.match(r.stderr, /rust\/syn: vendored third-party crate \(2 files\)/);
  assert.match(r.stdout, /good\.rs:1:19: error\[api-unavailable\]/);
  assert.doesNotMatch(r.stdout, /syn/);
  assert.equal(run(['--include-vendored', dir]).stdout.match(/api-unavailable/g)?.length, 2);
});

test('argument parsing is strict', () => {
  assert.throws(() => parseArgs(['--target-version'], []), UsageError);
  assert.throws(() => parseArgs(['--target-version', 'x', 'p'], []), UsageError);
  assert.deepEqual(parseArgs(['--target-version=v6.16', 'p'], []).target, '6.16');
  assert.equal(parseArgs(['--target-version', 'auto', 'p'], []).target, undefined);
});

test('7.x targets: X.Y, a point release X.Y.Z and the development release are accepted and reported as given', () => {
  for (const [given, shown] of [['7.3', '7.3'], ['7.1.5', '7.1.5'], ['7.4', '7.4'], ['7.4-rc2', '7.4']]) {
    const r = run(['--stats', '--target-version', given, SAMPLE]);
    assert.ok(r.code === 0 || r.code === 1, `${given}: exit ${r.code}: ${r.stderr}`);
    assert.match(r.stderr, new RegExp(`target: +Linux ${shown.replace(/\./g, '\\.')} \\(from --target-version\\)`), r.stderr);
  }
  const bad = run(['--target-version', '7.9', SAMPLE]);
  assert.equal(bad.code, 2);
  assert.match(bad.stderr, /Linux 7\.9 is not a release this version of Kernel Rust knows \(it knows 6\.1 to 7\.4\)/);
});

test('a tree whose Makefile names a point release is checked at that point; an unknown newer release is said loudly', () => {
  const dir = kernelTree(tempDir(), '7.3', { 'drivers/x/x.rs': 'fn f() {}\n' });
  writeTree(dir, { Makefile: 'VERSION = 7\nPATCHLEVEL = 3\nSUBLEVEL = 4\nEXTRAVERSION =\n' });
  assert.match(run(['--stats', dir]).stderr, /target: +Linux 7\.3\.4 \(Makefile in /);
  writeTree(dir, { Makefile: 'VERSION = 7\nPATCHLEVEL = 4\nSUBLEVEL = 0\nEXTRAVERSION = -rc5\n' });
  assert.match(run(['--stats', dir]).stderr, /target: +Linux 7\.4-rc5, a release candidate \(Makefile in /);
  writeTree(dir, { Makefile: 'VERSION = 8\nPATCHLEVEL = 1\nSUBLEVEL = 0\nEXTRAVERSION =\n' });
  const plain = run([dir]);
  assert.equal(plain.code, 0);
  assert.match(plain.stderr, /warning: .*the Makefile says Linux 8\.1, which this version of Kernel Rust does not know .*checking as 7\.4/, 'said without --stats');
  const sarif = JSON.parse(run(['--format', 'sarif', dir]).stdout);
  const notes = sarif.runs[0].invocations[0].toolExecutionNotifications as { level: string; descriptor: { id: string }; message: { text: string } }[];
  assert.ok(notes.some((n) => n.descriptor.id === 'unknown-release' && n.level === 'warning' && /8\.1/.test(n.message.text)), JSON.stringify(notes));
  assert.equal(sarif.runs[0].invocations[0].exitCode, 0);
});

test('an out-of-tree module is checked at the release of --kernel-tree, or of KDIR; a bad tree is refused', () => {
  const kdir = kernelTree(tempDir(), '6.15');
  const module = tempDir();
  writeTree(module, { 'drv.rs': 'use kernel::time::Instant;\n' });
  const r = run(['--stats', '--kernel-tree', kdir, module]);
  assert.equal(r.code, 1);
  assert.match(r.stdout, /`kernel::time::Instant` is not in Linux 6\.15 \(added in 6\.16\)/);
  assert.match(r.stderr, /target: +Linux 6\.15 \(tree /);
  const viaEnv = spawnSync(process.execPath, [CLI, '--stats', module], { encoding: 'utf8', env: { ...process.env, KDIR: kdir } });
  assert.match(viaEnv.stderr, /target: +Linux 6\.15 \(tree /);
  const badEnv = spawnSync(process.execPath, [CLI, module], { encoding: 'utf8', env: { ...process.env, KDIR: module } });
  assert.equal(badEnv.status, 0, 'checked at the default release, where Instant exists');
  assert.match(badEnv.stderr, /warning: KDIR=.* is not a kernel tree/);
  const bad = run(['--kernel-tree', module, module]);
  assert.equal(bad.code, 2);
  assert.match(bad.stderr, /--kernel-tree .*not a kernel tree/);
});

test('--target-version takes a range: findings name the part of it they fail, outputs carry it, bad ranges exit 2', () => {
  const dir = tempDir();
  writeTree(dir, { 'm/x.rs': 'use kernel::init::PinInit;\nuse kernel::time::Instant;\n' });
  const text = run(['--target-version', '6.12..7.3', 'm'], dir);
  assert.equal(text.code, 1);
  assert.match(text.stdout, /^m\/x\.rs:1:19: error\[api-removed\]: `kernel::init::PinInit` is not in 6\.15–7\.3 of your range 6\.12\.\.7\.3 \(removed in 6\.15\); use `pin_init::PinInit`\.$/m);
  assert.match(text.stdout, /^m\/x\.rs:2:19: error\[api-unavailable\]: `kernel::time::Instant` is not in 6\.12–6\.15 of your range 6\.12\.\.7\.3 \(added in 6\.16\)\.$/m);
  const json = JSON.parse(run(['--format', 'json', '--target-version', '6.12.118..7.3', 'm'], dir).stdout);
  assert.deepEqual(json.findings.map((f: { targetVersion: string }) => f.targetVersion), ['6.12.118..7.3', '6.12.118..7.3']);
  assert.match(json.findings[1].message, /is not in 6\.12\.118–6\.15 of your range 6\.12\.118\.\.7\.3/);
  const sarif = JSON.parse(run(['--format', 'sarif', '--target-version', '6.12..7.3', 'm'], dir).stdout);
  assert.equal(sarif.runs[0].results[0].properties.targetVersion, '6.12..7.3');
  const stats = run(['--stats', '--target-version', '6.12..6.14', 'm'], dir);
  assert.match(stats.stderr, /target: +Linux 6\.12\.\.6\.14, a range: each release checked \(6\.12, 6\.13, 6\.14\) \(from --target-version\)/);
  // --fix applies nothing that would break part of the range.
  const fix = run(['--fix', '--dry-run', '--target-version', '6.12..7.3', 'm'], dir);
  assert.doesNotMatch(fix.stdout, /pin_init::PinInit;/);
  assert.match(run(['--fix', '--dry-run', '--target-version', '6.16..7.3', 'm'], dir).stdout, /^\+use pin_init::PinInit;$/m);
  for (const [bad, why] of [
    ['7.3..6.12', /runs backwards; write the older release first \(6\.12\.\.7\.3\)/],
    ['6.12..8.9', /the end of "6\.12\.\.8\.9", Linux 8\.9, is not a release/],
    ['6.12..x', /the end of "6\.12\.\.x", "x", is not a kernel release/],
  ] as const) {
    const r = run(['--target-version', bad, 'm'], dir);
    assert.equal(r.code, 2, bad);
    assert.match(r.stderr, why);
  }
  assert.throws(() => parseArgs(['--migrate-from', '6.12', '--target-version', '6.12..7.3', 'x'], []), /not a range/);
});

test('several --kernel-tree folders give the range of their releases, said in --stats', () => {
  const dir = tempDir();
  const a = kernelTree(path.join(dir, 'k612'), '6.12');
  const b = kernelTree(path.join(dir, 'k616'), '6.16');
  writeTree(dir, { 'm/x.rs': 'use kernel::time::Instant;\n' });
  const r = run(['--stats', '--kernel-tree', a, '--kernel-tree', b, 'm'], dir);
  assert.equal(r.code, 1);
  assert.match(r.stdout, /`kernel::time::Instant` is not in 6\.12–6\.15 of your range 6\.12\.\.6\.16 \(added in 6\.16\)/);
  assert.match(r.stderr, /target: +Linux 6\.12\.\.6\.16, a range: each release checked \(6\.12, .*, 6\.16\) \(trees .*k612, .*k616\)/);
  assert.equal(run(['--kernel-tree', a, '--kernel-tree', path.join(dir, 'nope'), 'm'], dir).code, 2);
});
