/**
 * `kernel-rust-check --fix` through the built CLI: in-place fixes that keep line endings, BOM, non-ASCII text,
 * permission bits and symbolic links; read-only files and folders; a SIGKILL in the middle of a run leaving every
 * file either untouched or completely fixed; `--dry-run` as a patch that `git apply` accepts; idempotence.
 */
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { test } from 'node:test';
import { applyEdits, fixText, usesCrlf } from '../src/analysis/fix';
import { unifiedDiff } from '../src/analysis/unified-diff';
import { ROOT, tempDir } from './helpers';

const CLI = path.join(ROOT, 'dist', 'cli.js');

/** A 6.19-era driver fragment with three mechanical fixes at 7.2 (and one change that needs a person). */
const DRIVER = [
  '// SPDX-License-Identifier: GPL-2.0',
  '//! Prüfgerät — 検査 driver, test text of our own.',
  'use kernel::mm::MmWithUser;',
  'use kernel::page::PAGE_SIZE;',
  'use kernel::prelude::*;',
  'use kernel::{dma_read, dma_write};',
  '',
  'fn unmap(mm: &MmWithUser, addr: usize) {',
  '    let guard = mm.mmap_read_lock();',
  '    if let Some(vma) = guard.vma_lookup(addr) {',
  '        /* ü😀 */ vma.zap_page_range_single(addr, PAGE_SIZE);',
  '    }',
  '}',
  '',
  'fn refill(ring: &Ring) -> Result<u32> {',
  '    dma_write!(ring[0].len = 64)?;',
  '    let first = dma_read!(ring[1].len)?;',
  '    let second = dma_read!(ring[2]).unwrap_or(0);',
  '    Ok(first + second)',
  '}',
  '',
].join('\n');

/** What the driver must become at 7.2. */
const FIXED = DRIVER.replace('vma.zap_page_range_single(', 'vma.zap_vma_range(')
  .replace('dma_write!(ring[0].len = 64)?;', 'dma_write!(ring, [try: 0].len, 64);')
  .replace('dma_read!(ring[1].len)?;', 'dma_read!(ring, [try: 1].len);');

function run(args: string[], cwd: string, extra: { uid?: number; gid?: number } = {}) {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', ...extra });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function write(dir: string, name: string, content: string | Buffer, mode?: number): string {
  const file = path.join(dir, name);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, content);
  if (mode !== undefined) fs.chmodSync(file, mode);
  return file;
}

test('applyEdits keeps CRLF in inserted line breaks and refuses overlapping edits', () => {
  const crlf = 'a\r\nbc\r\n';
  assert.ok(usesCrlf(crlf));
  assert.equal(applyEdits(crlf, [{ range: { start: { line: 1, character: 0 }, end: { line: 1, character: 0 } }, newText: 'x\ny' }]), 'a\r\nx\r\nybc\r\n');
  const r = { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } };
  assert.throws(() => applyEdits('ab', [{ range: r, newText: '1' }, { range: r, newText: '2' }]), /overlapping/);
  assert.throws(() => applyEdits('ab', [{ range: { start: { line: 3, character: 0 }, end: { line: 3, character: 0 } }, newText: '' }]), /outside/);
});

test('fixText stops at the round bound when fixes keep producing new findings', () => {
  let n = 0;
  const lint = (text: string) => [
    {
      ruleId: 'api-removed',
      severity: 'error' as const,
      message: `m${n++}`,
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      fixes: [{ title: 'grow', edits: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, newText: `${text.length}` }] }],
    },
  ];
  const r = fixText('', lint);
  assert.match(r.unsettled ?? '', /did not settle after 8 rounds/);
  assert.equal(r.rounds, 8);
});

test('the unified diff of --dry-run round-trips through git apply, CRLF and a missing final newline included', () => {
  const dir = tempDir();
  const before = 'l1\r\nl2\r\nl3\r\nl4\r\nl5\r\nl6\r\nl7\r\nl8\r\nl9\r\nl10\r\nend';
  const after = before.replace('l2', 'L2').replace('l9', 'L9').replace('end', 'END');
  write(dir, 'x.txt', before);
  fs.writeFileSync(path.join(dir, 'p.diff'), unifiedDiff(before, after, 'x.txt'));
  const r = spawnSync('git', ['apply', '--whitespace=nowarn', 'p.diff'], { cwd: dir, encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  assert.equal(fs.readFileSync(path.join(dir, 'x.txt'), 'utf8'), after);
  assert.equal(unifiedDiff('same', 'same', 'x'), '');
});

test('--fix rewrites in place: LF, CRLF and BOM files keep their form, mode bits and links; a second run changes nothing', () => {
  const dir = tempDir();
  const lf = write(dir, 'drivers/lf.rs', DRIVER, 0o640);
  const crlf = write(dir, 'drivers/crlf.rs', DRIVER.replace(/\n/g, '\r\n'), 0o755);
  const bom = write(dir, 'drivers/bom.rs', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(DRIVER)]));
  fs.symlinkSync('lf.rs', path.join(dir, 'drivers/link.rs'));
  const r = run(['--fix', '--target-version', '7.2', 'drivers'], dir);
  assert.equal(r.code, 1, r.stderr); // one change is left for a person
  assert.equal(fs.readFileSync(lf, 'utf8'), FIXED);
  assert.equal(fs.readFileSync(crlf, 'utf8'), FIXED.replace(/\n/g, '\r\n'));
  const bomBytes = fs.readFileSync(bom);
  assert.deepEqual([...bomBytes.subarray(0, 3)], [0xef, 0xbb, 0xbf]);
  assert.equal(bomBytes.subarray(3).toString('utf8'), FIXED);
  assert.equal(fs.statSync(lf).mode & 0o7777, 0o640);
  assert.equal(fs.statSync(crlf).mode & 0o7777, 0o755);
  assert.ok(fs.lstatSync(path.join(dir, 'drivers/link.rs')).isSymbolicLink(), 'the symbolic link was replaced by a file');
  assert.match(r.stdout, /^fixed drivers\/lf\.rs \(3 fixes\)$/m);
  // Column 23 counts UTF-16 units: `ü` is one, the emoji two.
  assert.match(r.stdout, /^ {2}drivers\/lf\.rs:11:23: fixed\[api-removed\]: Call `zap_vma_range` instead$/m);
  // The link is read after its target was fixed, so it only has the finding left for a person.
  assert.match(r.stdout, /left for a person \(4\):/);
  assert.match(r.stdout, /lf\.rs:18:18: error\[api-removed\]: `dma_read!\(alloc\[i\]\.field\)` syntax .*\n +why not fixed: no mechanical rewrite/);
  assert.deepEqual(fs.readdirSync(path.join(dir, 'drivers')).sort(), ['bom.rs', 'crlf.rs', 'lf.rs', 'link.rs'], 'a temporary file was left');
  const again = run(['--fix', '--target-version', '7.2', 'drivers'], dir);
  assert.match(again.stdout, /changed 0 file\(s\) with 0 fix\(es\); 4 finding\(s\) left/);
  assert.equal(fs.readFileSync(lf, 'utf8'), FIXED);
  // The result lints clean of everything that was fixed: only the change left for a person is reported.
  const check = run(['--target-version', '7.2', '--format', 'json', 'drivers/lf.rs'], dir);
  assert.deepEqual(JSON.parse(check.stdout).findings.map((f: { line: number }) => f.line), [18]);
});

test('--fix --dry-run prints a patch that git apply turns into the --fix result, and writes nothing', () => {
  const dir = tempDir();
  write(dir, 'a.rs', DRIVER);
  write(dir, 'sub/b.rs', DRIVER.replace(/\n/g, '\r\n'));
  const r = run(['--fix', '--dry-run', '--target-version', '7.2', '.'], dir);
  assert.equal(r.code, 1);
  assert.equal(fs.readFileSync(path.join(dir, 'a.rs'), 'utf8'), DRIVER);
  assert.match(r.stdout, /^--- a\/a\.rs\n\+\+\+ b\/a\.rs\n@@ /m);
  assert.match(r.stderr, /would fix a\.rs \(3 fixes\)/);
  assert.doesNotMatch(r.stdout, /would fix|left for a person/);
  fs.writeFileSync(path.join(dir, 'fix.patch'), r.stdout);
  const apply = spawnSync('git', ['apply', '--whitespace=nowarn', 'fix.patch'], { cwd: dir, encoding: 'utf8' });
  assert.equal(apply.status, 0, apply.stderr);
  assert.equal(fs.readFileSync(path.join(dir, 'a.rs'), 'utf8'), FIXED);
  assert.equal(fs.readFileSync(path.join(dir, 'sub/b.rs'), 'utf8'), FIXED.replace(/\n/g, '\r\n'));
});

test('--fix --format json lists each fix and each finding left with its reason', () => {
  const dir = tempDir();
  write(dir, 'a.rs', DRIVER);
  const r = run(['--fix', '--format', 'json', '--target-version', '7.2', 'a.rs'], dir);
  const j = JSON.parse(r.stdout);
  assert.equal(j.files.length, 1);
  assert.equal(j.files[0].written, true);
  assert.deepEqual(j.files[0].fixes.map((f: { line: number; rule: string }) => `${f.line} ${f.rule}`), ['11 api-removed', '16 api-removed', '17 api-removed']);
  assert.equal(j.left.length, 1);
  assert.match(j.left[0].reason, /no mechanical rewrite/);
  assert.equal(fs.readFileSync(path.join(dir, 'a.rs'), 'utf8'), FIXED);
});

test('a file with nothing left to fix exits 0; bad combinations of flags exit 2', () => {
  const dir = tempDir();
  write(dir, 'a.rs', 'use kernel::mm::virt::VmaRef;\nfn f(v: &VmaRef) { v.zap_page_range_single(0, 4096); }\n');
  const r = run(['--fix', '--target-version', '7.2', 'a.rs'], dir);
  assert.equal(r.code, 0, r.stdout + r.stderr);
  assert.match(fs.readFileSync(path.join(dir, 'a.rs'), 'utf8'), /v\.zap_vma_range\(0, 4096\)/);
  for (const args of [['--dry-run', 'a.rs'], ['--fix', '--format', 'sarif', 'a.rs'], ['--fix', '--baseline', 'x', 'a.rs'], ['--fix', '--diff-base', 'HEAD', 'a.rs']]) {
    const bad = run(args, dir);
    assert.equal(bad.code, 2, args.join(' '));
    assert.match(bad.stderr, /^kernel-rust-check: .+\n\(run with --help for usage\)\n$/);
  }
});

test('read-only files keep their mode: root fixes them, anyone else is told and nothing changes', () => {
  const dir = tempDir();
  const file = write(dir, 'ro.rs', DRIVER, 0o444);
  const r = run(['--fix', '--target-version', '7.2', 'ro.rs'], dir);
  assert.equal(fs.statSync(file).mode & 0o7777, 0o444);
  if (process.getuid?.() === 0) {
    assert.equal(fs.readFileSync(file, 'utf8'), FIXED);
  } else {
    assert.equal(fs.readFileSync(file, 'utf8'), DRIVER);
    assert.match(r.stderr, /ro\.rs: not fixed: the file is read-only for this user/);
    assert.equal(r.code, 1);
  }
});

test('a read-only folder: the file is left untouched, the reason is given, and no temporary file appears', (t) => {
  // Root ignores folder permissions, so as root the CLI runs as an unprivileged user on a copy of the bundle.
  const base = fs.mkdtempSync(path.join(os.tmpdir(), 'kr-ro-'));
  t.after(() => {
    fs.chmodSync(path.join(base, 'ro'), 0o755);
    fs.rmSync(base, { recursive: true, force: true });
  });
  fs.chmodSync(base, 0o755);
  const bundle = path.join(base, 'bundle');
  fs.mkdirSync(bundle);
  for (const f of fs.readdirSync(path.join(ROOT, 'dist'))) if (/^(cli\.js|.*\.wasm)$/.test(f)) fs.copyFileSync(path.join(ROOT, 'dist', f), path.join(bundle, f));
  const file = write(path.join(base, 'ro'), 'a.rs', DRIVER, 0o644);
  fs.chmodSync(path.join(base, 'ro'), 0o555);
  const asUser = process.getuid?.() === 0 ? { uid: 65534, gid: 65534 } : {};
  if (process.getuid?.() === 0) {
    fs.chownSync(file, 65534, 65534);
  }
  const r = spawnSync(process.execPath, [path.join(bundle, 'cli.js'), '--fix', '--target-version', '7.2', 'ro'], { cwd: base, encoding: 'utf8', ...asUser });
  if (r.error && (r.error as NodeJS.ErrnoException).code === 'EPERM') {
    t.skip('cannot run as an unprivileged user here');
    return;
  }
  assert.equal(r.status, 1, r.stderr);
  assert.match(r.stderr, /ro\/a\.rs: not fixed: its folder is not writable \(EACCES\)/);
  assert.equal(fs.readFileSync(file, 'utf8'), DRIVER);
  assert.deepEqual(fs.readdirSync(path.join(base, 'ro')), ['a.rs']);
});

test('SIGKILL in the middle of --fix leaves every file either untouched or completely fixed', async () => {
  const dir = tempDir();
  const n = 400;
  const files = Array.from({ length: n }, (_, i) => write(dir, `d${String(i).padStart(3, '0')}/f.rs`, i % 2 ? DRIVER : DRIVER.replace(/\n/g, '\r\n')));
  const child = spawn(process.execPath, [CLI, '--fix', '--target-version', '7.2', '.'], { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] });
  const killed = new Promise<void>((resolve) => {
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      if (/^fixed /m.test(out)) child.kill('SIGKILL');
    });
    child.on('exit', () => resolve());
  });
  await killed;
  let fixed = 0;
  let untouched = 0;
  for (const [i, f] of files.entries()) {
    const text = fs.readFileSync(f, 'utf8');
    const crlf = i % 2 === 0;
    const original = crlf ? DRIVER.replace(/\n/g, '\r\n') : DRIVER;
    const done = crlf ? FIXED.replace(/\n/g, '\r\n') : FIXED;
    if (text === done) fixed++;
    else if (text === original) untouched++;
    else assert.fail(`${path.relative(dir, f)} is neither the original nor the fixed file`);
  }
  assert.ok(fixed >= 1, 'the kill came before any file was fixed');
  assert.ok(untouched >= 1, 'the run finished before the kill; the test proves nothing');
  // Any temporary file the kill left is never taken for source, and a new run finishes the job.
  const strays = fs.readdirSync(dir, { recursive: true }).map(String).filter((p) => p.includes('.kernel-rust-fix-'));
  assert.ok(strays.every((p) => !p.endsWith('.rs')));
  const r = run(['--fix', '--target-version', '7.2', '.'], dir);
  assert.equal(r.code, 1, r.stderr);
  for (const [i, f] of files.entries()) assert.equal(fs.readFileSync(f, 'utf8'), i % 2 === 0 ? FIXED.replace(/\n/g, '\r\n') : FIXED);
});

/** Runs --fix on one file with a preloaded script that kills the process at a chosen step of the replace. */
function killAt(step: 'rename' | 'write'): { dir: string; file: string; signal: NodeJS.Signals | null } {
  const dir = tempDir();
  const file = write(dir, 'a.rs', DRIVER, 0o640);
  const preload = write(
    dir,
    'kill.cjs',
    step === 'rename'
      ? `const fs = require('fs'); const real = fs.renameSync;
fs.renameSync = function (from, to) { if (String(from).includes('.kernel-rust-fix-')) process.kill(process.pid, 'SIGKILL'); return real.apply(this, arguments); };`
      : `const fs = require('fs'); const real = fs.writeSync;
fs.writeSync = function (fd, buf, off, len) { if (Buffer.isBuffer(buf) && len > 8) { real.call(this, fd, buf, off, 8); process.kill(process.pid, 'SIGKILL'); } return real.apply(this, arguments); };`,
  );
  const r = spawnSync(process.execPath, ['-r', preload, CLI, '--fix', '--target-version', '7.2', 'a.rs'], { cwd: dir, encoding: 'utf8' });
  return { dir, file, signal: r.signal };
}

test('killed just before the rename: the original is intact and the temporary file already holds the whole fixed text', () => {
  const { dir, file, signal } = killAt('rename');
  assert.equal(signal, 'SIGKILL');
  assert.equal(fs.readFileSync(file, 'utf8'), DRIVER);
  const temps = fs.readdirSync(dir).filter((f) => f.includes('.kernel-rust-fix-'));
  assert.equal(temps.length, 1);
  assert.equal(fs.readFileSync(path.join(dir, temps[0]), 'utf8'), FIXED);
  assert.equal(fs.statSync(path.join(dir, temps[0])).mode & 0o7777, 0o640);
});

test('killed in the middle of writing: the original is intact', () => {
  const { file, signal } = killAt('write');
  assert.equal(signal, 'SIGKILL');
  assert.equal(fs.readFileSync(file, 'utf8'), DRIVER);
});
