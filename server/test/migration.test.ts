// The migration report (`kernel-rust-check --migrate-from A --target-version B`): every API a file uses that changed
// between two releases, grouped by subsystem, with the release and the mechanical fix where there is one.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { knowledgeBase } from '../src/kb';
import { ROOT, tempDir, writeTree } from './helpers';

const CLI = path.join(ROOT, 'dist', 'cli.js');
const REAL_619 = '/tmp/kr-corpus/6.19';

function run(args: string[]): { code: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, timeout: 120_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** Our own 6.19-style driver code touching each subsystem that changed in 7.x. */
const DRIVER = `use kernel::prelude::*;
use kernel::dma::CoherentAllocation;
use kernel::time::Delta;

struct Ring {
    buf: CoherentAllocation<u32>,
    owner: kernel::types::ARef<kernel::device::Device>,
}

fn kick(ring: &Ring, i: usize) -> Result {
    kernel::dma_write!(ring.buf[i] = 1)?;
    let _timeout = Delta::from_millis(5);
    Ok(())
}
`;

interface Entry {
  subsystem: string;
  kind: string;
  what: string;
  release: string;
  detail: string;
  fix?: string;
  line: number;
}

test('6.19 code moved to 7.3: each change with its subsystem, kind, release and mechanical fix', () => {
  const dir = tempDir();
  writeTree(dir, { 'drv.rs': DRIVER });
  const r = run(['--migrate-from', '6.19', '--target-version', '7.3', '--format', 'json', dir]);
  assert.equal(r.code, 1, r.stderr);
  const out = JSON.parse(r.stdout) as { from: string; to: string; files: { path: string; entries: Entry[] }[] };
  assert.equal(out.from, '6.19');
  assert.equal(out.to, '7.3');
  const entries = out.files[0].entries;
  const find = (what: string) => entries.find((e) => e.what === what);
  const coherent = find('kernel::dma::CoherentAllocation');
  assert.deepEqual([coherent?.subsystem, coherent?.kind, coherent?.release], ['DMA and I/O', 'renamed', '7.1']);
  const aref = find('kernel::types::ARef');
  assert.deepEqual([aref?.subsystem, aref?.kind, aref?.release], ['locks and sync', 'moved', '7.1']);
  assert.match(aref?.fix ?? '', /kernel::sync::aref::ARef/, 'the spelled-out move is mechanical');
  const write = find('kernel::dma_write!');
  assert.deepEqual([write?.subsystem, write?.release], ['DMA and I/O', '7.3']);
  const delta = entries.filter((e) => e.what === 'kernel::time::Delta');
  assert.ok(delta.some((e) => e.release === '7.3' && /generic/.test(e.detail)), `Delta's 7.3 change: ${JSON.stringify(delta)}`);
  assert.ok(delta.every((e) => e.subsystem === 'time'));
  // Nothing that did not change between the two releases is listed.
  assert.equal(find('kernel::prelude'), undefined);
  for (const e of entries) if (/^[A-Za-z_][\w:]*!?$/.test(e.what)) assert.ok(knowledgeBase().lookup(e.what).length > 0, `${e.what} is a knowledge-base item`);
});

test('the same report as text and as Markdown for a pull-request comment', () => {
  const dir = tempDir();
  writeTree(dir, { 'drv.rs': DRIVER });
  const text = run(['--migrate-from', '6.19', '--target-version', '7.3', dir]);
  assert.match(text.stdout, /^Changes between Linux 6\.19 and 7\.3 that this code meets:$/m);
  assert.match(text.stdout, /^ {2}DMA and I\/O:$/m);
  assert.match(text.stdout, /\d+ change\(s\) in 1 file\(s\); \d+ fixed mechanically by --fix/);
  const md = run(['--migrate-from', '6.19', '--target-version', '7.3', '--format', 'markdown', dir]);
  assert.match(md.stdout, /^### Kernel Rust: changes from Linux 6\.19 to 7\.3$/m);
  assert.match(md.stdout, /^#### time$/m);
  assert.match(md.stdout, /^\| where \| change \| release \| fix \|$/m);
  // Code that meets no change: a report that says so, and exit 0.
  writeTree(dir, { 'drv.rs': 'fn plain() {}\n' });
  const none = run(['--migrate-from', '6.19', '--target-version', '7.3', '--format', 'markdown', dir]);
  assert.equal(none.code, 0);
  assert.match(none.stdout, /Nothing this code uses changed\./);
});

test('--migrate-from needs a target, does not go with --fix or SARIF, and markdown needs it', () => {
  const dir = tempDir();
  writeTree(dir, { 'drv.rs': DRIVER });
  for (const args of [['--migrate-from', '6.19', dir], ['--migrate-from', '6.19', '--target-version', '7.3', '--fix', dir], ['--migrate-from', '6.19', '--target-version', '7.3', '--format', 'sarif', dir], ['--format', 'markdown', dir], ['--migrate-from', 'soon', '--target-version', '7.3', dir]]) {
    const r = run(args);
    assert.equal(r.code, 2, `${args.join(' ')}: ${r.stderr}`);
    assert.doesNotMatch(r.stderr, /at .*\.js:\d+/);
  }
});

test('the real 6.19 tree moved to 7.3: the DMA, time, mm and sync changes it uses are listed', { skip: !fs.existsSync(path.join(REAL_619, 'Makefile')) }, () => {
  const r = run(['--migrate-from', '6.19', '--target-version', '7.3', '--format', 'json', REAL_619]);
  assert.equal(r.code, 1, r.stderr);
  const out = JSON.parse(r.stdout) as { files: { path: string; entries: Entry[] }[] };
  const all = out.files.flatMap((f) => f.entries.map((e) => ({ ...e, file: f.path })));
  const subsystems = new Set(all.map((e) => e.subsystem));
  for (const s of ['DMA and I/O', 'time', 'mm / VMA', 'locks and sync', 'pin-init']) assert.ok(subsystems.has(s), `${s} changes listed`);
  const has = (file: string, what: string) => all.some((e) => e.file.endsWith(file) && e.what === what);
  assert.ok(has('drivers/android/binder/page_range.rs', 'kernel::mm::virt::VmaRef::zap_page_range_single'));
  assert.ok(has('samples/rust/rust_dma.rs', 'kernel::dma::CoherentAllocation'));
  assert.ok(all.some((e) => e.what === 'kernel::types::ARef' && e.release === '7.1'));
  assert.ok(all.some((e) => e.what === 'kernel::time::Delta' && e.release === '7.3'));
  for (const e of all) {
    assert.ok(e.release && /^\d+\.\d+/.test(e.release), `${e.file}:${e.line + 1} ${e.what}: release ${e.release}`);
    assert.ok(['removed', 'renamed', 'moved', 'added', 'syntax', 'signature', 'changed'].includes(e.kind));
  }
});
