/**
 * A range over a real tree: the Rust of Linux 6.19 (the kernel corpus in /tmp/kr-corpus, read in place; skipped with
 * a notice when absent) is checked at the range 6.12..6.19 by the real CLI bundle, and at each release of it on its
 * own. Every range finding must be the union of the per-release findings at its site (one per rule and site), and
 * its message must name exactly the releases that reported it; 6.19, the tree's own release, reports nothing.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { readTargetRange } from '../src/core/target-range';
import { ROOT, type CliJsonFinding } from './helpers';

const CLI = path.join(ROOT, 'dist', 'cli.js');
const TREE = path.join(process.env.KERNEL_RUST_CORPUS ?? '/tmp/kr-corpus', '6.19');
const RANGE = '6.12..6.19';


function check(target: string): CliJsonFinding[] {
  const r = spawnSync(process.execPath, [CLI, '--format', 'json', '--target-version', target, TREE], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  assert.ok(r.status === 0 || r.status === 1, `exit ${r.status} at ${target}: ${r.stderr}`);
  return (JSON.parse(r.stdout) as { findings: CliJsonFinding[] }).findings;
}

/** The part of the range a message must name, worked out here rather than with the code under test: runs of
 *  consecutive releases, "a–b" or "a", joined with ", " and a final " and ". */
function expectedPart(releases: readonly string[], which: ReadonlySet<string>, label: string): string {
  if (releases.every((r) => which.has(r))) return `any release of your range ${label}`;
  const runs: string[][] = [];
  releases.forEach((r, i) => {
    if (!which.has(r)) return;
    if (i > 0 && which.has(releases[i - 1])) runs[runs.length - 1].push(r);
    else runs.push([r]);
  });
  const words = runs.map((run) => (run.length === 1 ? run[0] : `${run[0]}–${run[run.length - 1]}`));
  const list = words.length === 1 ? words[0] : `${words.slice(0, -1).join(', ')} and ${words[words.length - 1]}`;
  return `${list} of your range ${label}`;
}

const site = (f: CliJsonFinding): string => `${f.rule} ${f.path}:${f.line}:${f.column}-${f.endLine}:${f.endColumn}`;

test(`the 6.19 tree at ${RANGE}: each finding is the union of the per-release findings at its site`, (t) => {
  if (!fs.existsSync(path.join(TREE, 'Makefile')) || !fs.existsSync(path.join(TREE, 'rust', 'kernel'))) {
    process.stderr.write(`notice: skipping the real-kernel range test: no kernel tree at ${TREE}\n`);
    t.skip(`no 6.19 tree at ${TREE}`);
    return;
  }
  assert.ok(fs.existsSync(CLI), `${CLI} is missing: run \`node scripts/build.mjs\` first`);
  const reading = readTargetRange(RANGE);
  assert.equal(reading.kind, 'range');
  const range = (reading as Extract<typeof reading, { kind: 'range' }>).range;
  // Which releases report each site.
  const bySite = new Map<string, Set<string>>();
  for (const release of range.releases) {
    for (const f of check(release)) {
      const set = bySite.get(site(f)) ?? new Set<string>();
      set.add(release);
      bySite.set(site(f), set);
    }
  }
  assert.ok(bySite.size > 50, `expected the older releases of the range to lack many 6.19 APIs, got ${bySite.size} sites`);
  assert.ok(![...bySite.values()].some((s) => s.has('6.19')), 'the tree is clean at its own release');
  const merged = check(RANGE);
  assert.equal(merged.length, new Set(merged.map(site)).size, 'one finding per rule and site');
  assert.deepEqual(new Set(merged.map(site)), new Set(bySite.keys()), 'the range reports exactly the union of the releases');
  for (const f of merged) {
    assert.equal(f.targetVersion, RANGE);
    const part = expectedPart(range.releases, bySite.get(site(f)) as Set<string>, RANGE);
    assert.ok(f.message.includes(part), `${site(f)}: "${f.message}" should name ${part}`);
  }
});
