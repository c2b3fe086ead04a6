/**
 * The CI recipes in README.md are run as written. Each sits in the fenced block right after a marker line
 * `<!-- ci-example: NAME -->`: the GitHub Actions job's `run:` steps are executed with GitHub's bash options in a
 * scratch repository (the step that clones and builds the checker needs the network and is replaced by this
 * checkout's build), and the pre-commit hook is installed and must refuse exactly the commit that adds a finding.
 * A README without a marker skips its test with a notice.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { kernelTree, ROOT, tempDir } from './helpers';

/** The fenced block after `<!-- ci-example: name -->`, or undefined. */
export function ciExample(readme: string, name: string): string | undefined {
  const lines = readme.split('\n');
  const at = lines.findIndex((l) => l.trim() === `<!-- ci-example: ${name} -->`);
  if (at < 0) return undefined;
  let i = at + 1;
  while (i < lines.length && lines[i].trim() === '') i++;
  const fence = /^(`{3,})/.exec(lines[i] ?? '');
  assert.ok(fence, `README.md: no fenced block after the ci-example: ${name} marker`);
  const end = lines.findIndex((l, j) => j > i && l.startsWith(fence[1]));
  assert.ok(end > i, `README.md: the ci-example: ${name} block is not closed`);
  return lines.slice(i + 1, end).join('\n');
}

const README = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');

function sh(cwd: string, script: string, env: NodeJS.ProcessEnv = {}) {
  const r = spawnSync('bash', ['--noprofile', '--norc', '-eo', 'pipefail', '-c', script], { cwd, encoding: 'utf8', env: { ...process.env, ...env } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function git(cwd: string, ...args: string[]) {
  const r = spawnSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.invalid', '-c', 'commit.gpgsign=false', ...args], { cwd, encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** A git repository holding a 6.16 kernel-style tree, committed on main. */
function scratchRepo(): string {
  const dir = kernelTree(tempDir(), '6.16', { 'drivers/x/old.rs': 'use kernel::time::Instant;\n' });
  // The old debt: an unpinned lock (a warning), reported to code scanning but not blamed on later patches.
  fs.writeFileSync(path.join(dir, 'drivers/x/old.rs'), 'use kernel::prelude::*;\nuse kernel::sync::Mutex;\n#[pin_data]\nstruct P {\n    rx: Mutex<u32>,\n}\n');
  assert.equal(git(dir, 'init', '-q', '-b', 'main').code, 0);
  git(dir, 'add', '.');
  assert.equal(git(dir, 'commit', '-qm', 'base').code, 0);
  return dir;
}

test('the GitHub Actions job in README.md runs as documented', (t) => {
  const job = ciExample(README, 'github-actions');
  if (!job) {
    t.skip('README.md has no "<!-- ci-example: github-actions -->" block yet');
    return;
  }
  const steps = job.split('\n').map((l) => /^\s*(?:-\s+)?run:\s*(.+)$/.exec(l)?.[1]).filter((c): c is string => !!c);
  assert.ok(steps.length >= 2, 'the job has no run: steps');
  const build = steps.filter((s) => /git clone|npm .*\bci\b/.test(s));
  assert.equal(build.length, 1, 'one step fetches and builds the checker');
  const checks = steps.filter((s) => !build.includes(s));
  assert.ok(checks.every((s) => s.includes('$RUNNER_TEMP/kernel-rust/dist/cli.js')), 'the checks run the built checker');
  // $RUNNER_TEMP/kernel-rust stands for the clone the build step makes: this checkout, already built.
  const runnerTemp = tempDir();
  fs.symlinkSync(ROOT, path.join(runnerTemp, 'kernel-rust'));
  const dir = scratchRepo();
  git(dir, 'update-ref', 'refs/remotes/origin/main', 'HEAD');
  git(dir, 'checkout', '-q', '-b', 'topic');
  const env = { RUNNER_TEMP: runnerTemp, GITHUB_BASE_REF: 'main' };
  const runAll = () => checks.map((s) => ({ step: s, ...sh(dir, s, env) }));

  // A pull request that only adds clean code passes, and the SARIF for code scanning lists the old finding.
  fs.writeFileSync(path.join(dir, 'drivers/x/new.rs'), 'fn ok() {}\n');
  git(dir, 'add', '.');
  git(dir, 'commit', '-qm', 'clean');
  for (const r of runAll()) assert.equal(r.code, 0, `${r.step}\n${r.stdout}${r.stderr}`);
  const sarif = JSON.parse(fs.readFileSync(path.join(dir, 'kernel-rust.sarif'), 'utf8')) as { runs: { results: { ruleId: string }[] }[] };
  const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
  addFormats(ajv);
  const validate = ajv.compile(JSON.parse(fs.readFileSync(require.resolve('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json'), 'utf8')));
  assert.ok(validate(sarif), JSON.stringify(validate.errors?.slice(0, 3)));
  assert.deepEqual(sarif.runs[0].results.map((r: { ruleId: string }) => r.ruleId), ['unpinned-field']);

  // A pull request whose own lines bring a finding fails the diff step, and only that step.
  fs.writeFileSync(path.join(dir, 'drivers/x/new.rs'), 'use kernel::time::Ktime;\n');
  git(dir, 'commit', '-qam', 'uses an API gone in 6.16');
  const results = runAll();
  const failed = results.filter((r) => r.code !== 0);
  assert.equal(failed.length, 1, results.map((r) => `${r.step}: ${r.code}`).join('\n'));
  assert.match(failed[0].step, /--diff-base/);
  assert.match(failed[0].stdout, /drivers\/x\/new\.rs:1:\d+: error\[api-removed\]: `kernel::time::Ktime`/);
  assert.doesNotMatch(failed[0].stdout, /old\.rs/);
});

test('the pre-commit hook in README.md refuses exactly the commit whose staged lines add a finding', (t) => {
  const hook = ciExample(README, 'pre-commit');
  if (!hook) {
    t.skip('README.md has no "<!-- ci-example: pre-commit -->" block yet');
    return;
  }
  const dir = scratchRepo();
  const hookFile = path.join(dir, '.git', 'hooks', 'pre-commit');
  fs.writeFileSync(hookFile, `${hook}\n`, { mode: 0o755 });
  const bin = tempDir();
  fs.writeFileSync(path.join(bin, 'kernel-rust-check'), `#!/bin/sh\nexec "${process.execPath}" "${path.join(ROOT, 'dist', 'cli.js')}" "$@"\n`, { mode: 0o755 });
  const env = { ...process.env, PATH: `${bin}${path.delimiter}${process.env.PATH ?? ''}` };
  const commit = (msg: string) => spawnSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.invalid', '-c', 'commit.gpgsign=false', 'commit', '-qm', msg], { cwd: dir, encoding: 'utf8', env });

  // Touching the file with the old finding on another line is fine; so is a commit without Rust files.
  fs.appendFileSync(path.join(dir, 'drivers/x/old.rs'), 'fn more() {}\n');
  fs.writeFileSync(path.join(dir, 'notes.txt'), 'x\n');
  git(dir, 'add', '.');
  const ok = commit('clean');
  assert.equal(ok.status, 0, ok.stdout + ok.stderr);
  // A staged line using an API the tree's release lacks is refused, with the finding shown.
  fs.writeFileSync(path.join(dir, 'drivers/x/new.rs'), 'use kernel::time::Ktime;\n');
  git(dir, 'add', '.');
  const bad = commit('gated');
  assert.notEqual(bad.status, 0);
  assert.match(bad.stdout + bad.stderr, /new\.rs:1:\d+: error\[api-removed\]/);
  assert.match(git(dir, 'log', '--oneline').stdout, /clean/);
  assert.doesNotMatch(git(dir, 'log', '--oneline').stdout, /gated/);
});
