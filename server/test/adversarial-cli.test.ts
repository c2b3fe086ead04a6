// The checker against hostile paths and outputs: names with newlines and non-ASCII, 100,000 tiny files, a file one
// byte over the analysis limit, a character device, and a reader that closes the pipe early. Each run must end
// with the documented status and a clear message, never a stack trace or a hang.
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { ROOT, tempDir, writeTree } from './helpers';

const CLI = path.join(ROOT, 'dist', 'cli.js');
const USES_INSTANT = 'use kernel::time::Instant;\n';

function run(args: string[], timeout = 120_000): { code: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', timeout, maxBuffer: 256 * 1024 * 1024 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const noStackTrace = (stderr: string): void => assert.doesNotMatch(stderr, /\n\s+at .+:\d+:\d+\)?\n/, stderr);

test('paths holding newlines, tabs, quotes and non-ASCII are checked and reported as they are', () => {
  const dir = tempDir();
  const names = ['new\nline.rs', 'tab\there.rs', 'quote"s.rs', 'ünïcødé 😀.rs', "it's.rs"];
  writeTree(dir, Object.fromEntries(names.map((n) => [path.join('drivers', n), USES_INSTANT])));
  const r = run(['--target-version', '6.15', '--format', 'json', dir]);
  assert.equal(r.code, 1, r.stderr);
  const out = JSON.parse(r.stdout) as { findings: { path: string }[] };
  assert.deepEqual(out.findings.map((f) => path.basename(f.path)).sort(), [...names].sort());
  const sarif = JSON.parse(run(['--target-version', '6.15', '--format', 'sarif', dir]).stdout);
  assert.equal(sarif.runs[0].results.length, names.length, 'every name made a valid URI');
  noStackTrace(r.stderr);
});

test('100,000 tiny files are all checked', { timeout: 240_000 }, () => {
  const dir = tempDir();
  const n = 100_000;
  for (let d = 0; d < 100; d++) {
    const sub = path.join(dir, `d${d}`);
    fs.mkdirSync(sub);
    for (let i = 0; i < n / 100; i++) fs.writeFileSync(path.join(sub, `f${i}.rs`), i === 7 ? USES_INSTANT : 'fn f() {}\n');
  }
  const r = run(['--stats', '--target-version', '6.15', dir], 200_000);
  assert.equal(r.code, 1, r.stderr.slice(-2000));
  assert.match(r.stderr, new RegExp(`files: +${n} analysed`));
  assert.equal(r.stdout.trim().split('\n').length, 100, 'one finding per folder');
});

test('a file of 1 MiB + 1 byte is skipped with a line saying why; 1 MiB exactly is analysed', () => {
  const dir = tempDir();
  const mib = 1024 * 1024;
  const body = (size: number) => USES_INSTANT + '/'.repeat(size - USES_INSTANT.length - 1) + '\n';
  writeTree(dir, { 'at_limit.rs': body(mib), 'over_limit.rs': body(mib + 1) });
  const r = run(['--target-version', '6.15', dir]);
  assert.equal(r.code, 1);
  assert.match(r.stdout, /at_limit\.rs:1:19: error\[api-unavailable\]/);
  assert.doesNotMatch(r.stdout, /over_limit/);
  assert.match(r.stderr, /over_limit\.rs: skipped: .*1 MiB|over_limit\.rs: skipped: .*(large|KiB)/);
});

test('/dev/zero, /dev/null and a FIFO as path arguments are refused at once, never read', () => {
  for (const p of ['/dev/zero', '/dev/null']) {
    const r = run([p], 10_000);
    assert.equal(r.code, 2, `${p}: ${r.stderr}`);
    assert.match(r.stderr, /not a regular file or folder/);
  }
  const fifo = path.join(tempDir(), 'pipe.rs');
  if (spawnSync('mkfifo', [fifo]).status === 0) {
    const r = run([fifo], 10_000);
    assert.equal(r.code, 2, r.stderr);
  }
});

/** Runs the checker, reads only the first `bytes` of its output, then closes the pipe, as `| head -c N` does. */
function readThenClose(args: string[], bytes: number): Promise<{ code: number | null; stderr: string; got: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [CLI, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let got = '';
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.stdout.on('data', (d: Buffer) => {
      got += d.toString();
      if (got.length >= bytes) child.stdout.destroy();
    });
    child.on('exit', (code) => resolve({ code, stderr, got }));
  });
}

test('output into a pipe the reader closes early ends quietly with the run\'s status', async () => {
  const dir = tempDir();
  writeTree(dir, Object.fromEntries(Array.from({ length: 400 }, (_, i) => [`f${i}.rs`, USES_INSTANT])));
  for (const format of ['text', 'json', 'sarif']) {
    const r = await readThenClose(['--target-version', '6.15', '--format', format, dir], 10);
    assert.equal(r.code, 1, `${format}: ${r.stderr}`);
    assert.equal(r.stderr, '', `${format}: nothing on stderr`);
  }
});
