// The checker on hostile file trees: every bad file gets one clear line on stderr, the rest is still checked, and
// the exit status is the documented one. Tests run as root, so unreadable files are made from FIFOs and links.
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { ROOT, tempDir, writeTree } from './helpers';

const CLI = path.join(ROOT, 'dist', 'cli.js');

function run(args: string[]): { code: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', timeout: 60_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function canMakeFifo(): boolean {
  try {
    execFileSync('mkfifo', ['--help'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

test('bad files each get a line on stderr, good files are still checked, exit status as documented', { skip: !canMakeFifo() }, () => {
  const dir = tempDir('kr-robust-cli-');
  writeTree(dir, {
    'good/uses_instant.rs': 'use kernel::time::Instant;\n',
    'good/clean.rs': 'fn quiet() {}\n',
    'good/crlf_bom.rs': '\uFEFFfn a() {}\r\nuse kernel::time::Instant;\r\n',
    'good/deep.rs': `fn f() { let x = ${'('.repeat(20_000)}1${')'.repeat(20_000)}; }\n`,
    'good/non_ascii.rs': '// ünïcødé 😀\nfn ƒ() { let é = kernel::time::Instant::now(); }\n',
  });
  fs.writeFileSync(path.join(dir, 'good', 'latin1.rs'), Buffer.from([0x66, 0x6e, 0x20, 0xe9, 0xff, 0x28, 0x29, 0x20, 0x7b, 0x7d, 0x0a]));
  fs.writeFileSync(path.join(dir, 'good', 'binary.rs'), Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 131) % 256)));
  fs.writeFileSync(path.join(dir, 'good', 'huge.rs'), `// ${'x'.repeat(5 * 1024 * 1024)}\n`);
  execFileSync('mkfifo', [path.join(dir, 'good', 'pipe.rs')]);
  fs.symlinkSync(path.join(dir, 'nowhere.rs'), path.join(dir, 'good', 'dangling.rs'));
  fs.symlinkSync('self_loop.rs', path.join(dir, 'good', 'self_loop.rs'));
  fs.symlinkSync('..', path.join(dir, 'good', 'up')); // a folder loop
  fs.symlinkSync(path.join(dir, 'good'), path.join(dir, 'again')); // the same folder twice

  const r = run(['--target-version', '6.15', dir]);
  assert.equal(r.code, 1, `findings in the good files decide the status\n${r.stderr}`);
  // Every finding is reported once, whichever way the folder was reached.
  const findings = r.stdout.trim().split('\n');
  assert.equal(findings.length, 3, r.stdout);
  assert.ok(findings.every((l) => /error\[api-unavailable\]: `kernel::time::Instant`/.test(l)));
  assert.ok(findings.some((l) => /crlf_bom\.rs:2:19:/.test(l)), 'CRLF line numbers');
  assert.ok(findings.some((l) => /non_ascii\.rs:2:32:/.test(l)), 'UTF-16 columns after non-ASCII identifiers');
  const expected: [string, RegExp][] = [
    ['latin1.rs', /not valid UTF-8/],
    ['binary.rs', /not valid UTF-8|binary/],
    ['huge.rs', /too large/],
    ['pipe.rs', /not a regular file/],
    ['dangling.rs', /broken symbolic link/],
    ['self_loop.rs', /symbolic link loop/],
  ];
  const lines = r.stderr.trim().split('\n');
  for (const [name, reason] of expected) {
    const mine = lines.filter((l) => l.includes(`${name}: skipped: `));
    assert.equal(mine.length, 1, `one line for ${name}:\n${r.stderr}`);
    assert.match(mine[0], reason);
  }
  assert.equal(lines.length, expected.length, `nothing else on stderr:\n${r.stderr}`);
  assert.doesNotMatch(r.stderr, /internal error/);

  // Only bad files and clean ones: nothing found, status 0.
  fs.rmSync(path.join(dir, 'good', 'uses_instant.rs'));
  fs.rmSync(path.join(dir, 'good', 'crlf_bom.rs'));
  fs.rmSync(path.join(dir, 'good', 'non_ascii.rs'));
  const quiet = run(['--target-version', '6.15', '--format', 'json', dir]);
  assert.equal(quiet.code, 0, quiet.stderr);
  const json = JSON.parse(quiet.stdout) as { findings: unknown[]; skipped: { path: string; reason: string }[] };
  assert.deepEqual(json.findings, []);
  assert.equal(json.skipped.length, expected.length);

  // A path argument that cannot be read is a usage problem: status 2, one line.
  const fifo = run([path.join(dir, 'good', 'pipe.rs')]);
  assert.equal(fifo.code, 2);
  assert.match(fifo.stderr, /pipe\.rs: not a regular file or folder/);
});
