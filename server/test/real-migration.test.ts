/**
 * A real migration as the test of --fix: the DMA sample and the nova-core driver of a real release are copied into a
 * temporary folder (never into the repo) and moved to a newer release with `kernel-rust-check --fix`. Afterwards the
 * checker must be clean at the target of every finding that has a mechanical fix, the left-over list must be exactly
 * what the checker still reports (the changes a person has to make), no fix may bring a new finding, and a second
 * run must change nothing. Sources: the kernel corpus in /tmp/kr-corpus (6.19 → 7.0, 7.2, 7.3) and Debian's 7.2
 * tree in ~/.cache/kernel-rust (7.2 → 7.3; CI has it); each is skipped with a notice when absent.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { test } from 'node:test';
import { analyzeText } from '../src/analysis/analyze';
import { safeFixOf } from '../src/analysis/fix';
import { ROOT, sharedParser, tempDir } from './helpers';

const CLI = path.join(ROOT, 'dist', 'cli.js');
const CACHE = path.join(process.env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache'), 'kernel-rust');
/** The driver files copied: a DMA sample and a whole DMA-heavy driver. */
const PICK = ['samples/rust/rust_dma.rs', 'drivers/gpu/nova-core'];

interface Migration {
  from: string;
  trees: string[];
  to: string;
  /** Titles (substrings) of fixes that must be applied, and messages (substrings) that must be left for a person. */
  fixed: string[];
  left: string[];
  /** Text a fixed file must contain afterwards. */
  contains?: [file: string, text: string][];
}

const MIGRATIONS: Migration[] = [
  { from: '6.19', trees: ['/tmp/kr-corpus/6.19'], to: '7.0', fixed: ['Rewrite as `dma_write!(ca, [i]?, '], left: ['`dma_read!(alloc[i].field)` syntax'],
    contains: [['samples/rust/rust_dma.rs', 'kernel::dma_write!(ca, [i]?, MyStruct::new(value.0, value.1));']] },
  // nova-core's vbios.rs imports ARef inside `use kernel::{…, types::ARef, …}`: the group leaf is rewritten.
  { from: '6.19', trees: ['/tmp/kr-corpus/6.19'], to: '7.2', fixed: ['[try: ', 'Replace with `kernel::sync::aref::ARef`'], left: ['`kernel::dma::CoherentAllocation` is not in Linux 7.2'],
    contains: [['drivers/gpu/nova-core/vbios.rs', 'sync::aref::ARef,']] },
  { from: '6.19', trees: ['/tmp/kr-corpus/6.19'], to: '7.3', fixed: [], left: ['`kernel::dma_write!` is not in Linux 7.3', '`kernel::dma_read!` is not in Linux 7.3', '`kernel::dma::CoherentAllocation`'] },
  { from: '7.2', trees: [path.join(CACHE, 'linux-7.2'), '/tmp/kr-corpus/7.2'], to: '7.3', fixed: ['Rename to `dma_address()`'], contains: [['drivers/gpu/nova-core/fb.rs', '.dma_address()']], left: ['`kernel::dma_write!` is not in Linux 7.3', '`kernel::dma_read!` is not in Linux 7.3'] },
];

function cli(args: string[], cwd: string) {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function copyDriver(tree: string, into: string): void {
  for (const rel of PICK) fs.cpSync(path.join(tree, rel), path.join(into, rel), { recursive: true });
}

function snapshot(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const f of fs.readdirSync(dir, { recursive: true }).map(String).sort()) {
    const full = path.join(dir, f);
    if (fs.statSync(full).isFile()) out.set(f, fs.readFileSync(full, 'utf8'));
  }
  return out;
}

type Json = { path: string; line: number; rule: string; message: string };

for (const m of MIGRATIONS) {
  test(`--fix migrates the ${m.from} DMA sample and nova-core to ${m.to}: mechanical findings gone, the rest listed, idempotent`, async (t) => {
    const tree = m.trees.find((d) => PICK.every((p) => fs.existsSync(path.join(d, p))));
    if (!tree) {
      t.skip(`no ${m.from} tree with ${PICK.join(' and ')} (looked in ${m.trees.join(', ')})`);
      return;
    }
    const dir = tempDir();
    copyDriver(tree, dir);
    const before = JSON.parse(cli(['--format', 'json', '--target-version', m.to, '.'], dir).stdout).findings as Json[];
    const fix = cli(['--fix', '--format', 'json', '--target-version', m.to, '.'], dir);
    assert.ok(fix.code === 0 || fix.code === 1, fix.stderr);
    const report = JSON.parse(fix.stdout) as { files: { path: string; written: boolean; fixes: (Json & { title: string; round: number })[] }[]; left: (Json & { reason: string })[] };
    assert.ok(report.files.every((f) => f.written), 'a file was not written');
    const applied = report.files.flatMap((f) => f.fixes.map((x) => ({ ...x, path: f.path })));
    for (const want of m.fixed) assert.ok(applied.some((a) => a.title.includes(want)), `no fix "${want}" applied; applied: ${applied.map((a) => a.title).join('; ')}`);
    for (const want of m.left) assert.ok(report.left.some((l) => l.message.includes(want)), `"${want}" is not left for a person`);

    for (const [file, text] of m.contains ?? []) assert.ok(fs.readFileSync(path.join(dir, file), 'utf8').includes(text), `${file} lacks ${text}`);

    // The checker at the target now reports exactly the left-over list, and none of it has a mechanical fix.
    const after = JSON.parse(cli(['--format', 'json', '--target-version', m.to, '.'], dir).stdout).findings as Json[];
    const key = (f: Json) => `${f.path}:${f.line} ${f.rule} ${f.message}`;
    assert.deepEqual(report.left.map(key).sort(), after.map(key).sort());
    assert.ok(report.left.every((l) => l.reason.length > 10), 'a finding is left without a reason');
    const parser = await sharedParser();
    for (const file of new Set(after.map((f) => f.path))) {
      const r = analyzeText(parser, fs.readFileSync(path.join(dir, file), 'utf8'), { target: m.to, filePath: path.join(dir, file) });
      assert.equal(r.status, 'analysed');
      if (r.status !== 'analysed') continue;
      const stillFixable = r.findings.filter((f) => 'fix' in safeFixOf(f));
      assert.deepEqual(stillFixable.map((f) => f.message), [], `${file}: a mechanical fix is left`);
    }
    // Fixes bring nothing new: every message left was already reported before, and every first-round fix removed one.
    const beforeMessages = before.map((f) => `${f.path} ${f.rule} ${f.message}`);
    const pool = [...beforeMessages];
    for (const f of [...applied.filter((a) => a.round === 1), ...report.left]) {
      const i = pool.indexOf(`${f.path} ${f.rule} ${f.message}`);
      assert.ok(i >= 0, `not reported before the fix: ${f.path}:${f.line} ${f.message}`);
      pool.splice(i, 1);
    }
    assert.deepEqual(pool, [], 'findings before the fix that were neither fixed nor left');

    // Idempotent: a second run changes no byte.
    const once = snapshot(dir);
    const again = JSON.parse(cli(['--fix', '--format', 'json', '--target-version', m.to, '.'], dir).stdout);
    assert.deepEqual(again.files, []);
    assert.deepEqual(snapshot(dir), once);
  });
}
