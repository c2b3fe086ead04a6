/**
 * Real kernel code as a test corpus: the Rust of Linux 6.12 and 7.3 (Debian's linux-source packages, brought into
 * a cache folder outside the repo by scripts/debian-kernel.sh) goes through the real CLI bundle. At its own release
 * (read from its Makefile, a stable point release such as 6.12.118) it must give zero findings; at other targets
 * only version-gate rules may fire, each on an item the knowledge base says really differs between the two
 * releases. In CI a failed download fails the test; a local offline run skips it with a notice.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test, type TestContext } from 'node:test';
import { knowledgeBase, statusAt } from '../src/kb';
import { ROOT } from './helpers';

const CLI = path.join(ROOT, 'dist', 'cli.js');
const FETCH = path.join(ROOT, 'scripts', 'debian-kernel.sh');
/** Each Debian tree, and the other targets it is checked at: which gate must fire there, when one must. */
const TREES: { release: string; targets: { target: string; expect?: 'api-unavailable' | 'api-removed' }[] }[] = [
  { release: '6.12', targets: [{ target: '6.15', expect: 'api-removed' }, { target: '6.18', expect: 'api-removed' }] },
  { release: '7.2', targets: [{ target: '7.3', expect: 'api-removed' }] },
  { release: '7.3', targets: [{ target: '6.19', expect: 'api-unavailable' }, { target: '7.0', expect: 'api-unavailable' }] },
];
/** Rules that may fire when code is checked against another release. */
const VERSION_GATES = new Set(['api-removed', 'api-unavailable']);
/** Third-party crates a kernel vendors under rust/ (the CLI skips and counts them). */
const VENDORED = new Set(['syn', 'proc-macro2', 'quote']);

const trees = new Map<string, { dir: string } | { error: string }>();
const noticed = new Set<string>();

/** The extracted tree of a release, brought once per test file. */
function kernelTree(release: string): { dir: string } | { error: string } {
  const known = trees.get(release);
  if (known) return known;
  const r = spawnSync('bash', [FETCH, release], { encoding: 'utf8', timeout: 15 * 60 * 1000 });
  const dir = r.stdout?.trim().split('\n').pop() ?? '';
  let got: { dir: string } | { error: string };
  if (r.status === 0 && dir && fs.existsSync(path.join(dir, 'Makefile'))) got = { dir };
  else {
    const why = r.error ? r.error.message : (r.stderr ?? '').trim().split('\n').slice(-6).join('\n');
    got = { error: `scripts/debian-kernel.sh could not bring linux-source-${release} (exit ${r.status}):\n${why}` };
  }
  trees.set(release, got);
  return got;
}

/** The tree's folder, or undefined after failing (in CI) or skipping (locally) the test. */
function requireTree(t: TestContext, release: string): string | undefined {
  assert.ok(fs.existsSync(CLI), `${CLI} is missing: run \`node scripts/build.mjs\` first`);
  const got = kernelTree(release);
  if ('dir' in got) return got.dir;
  if (process.env.CI === 'true') assert.fail(`real-kernel gate cannot run in CI: ${got.error}`);
  if (!noticed.has(release)) process.stderr.write(`notice: skipping the real-kernel ${release} gate (offline?): ${got.error}\n`);
  noticed.add(release);
  t.skip(`linux-source-${release} is not available (offline?)`);
  return undefined;
}

/** The release a tree's Makefile names, point release included (6.12.118). */
function makefileRelease(dir: string): string {
  const text = fs.readFileSync(path.join(dir, 'Makefile'), 'utf8');
  const field = (name: string) => new RegExp(`^${name}\\s*=\\s*(\\d+)\\s*$`, 'm').exec(text)?.[1];
  const [v, p, s] = [field('VERSION'), field('PATCHLEVEL'), field('SUBLEVEL')];
  assert.ok(v && p, 'the Makefile names no release');
  return s && s !== '0' ? `${v}.${p}.${s}` : `${v}.${p}`;
}

function runCli(args: string[]): { code: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd: ROOT, encoding: 'utf8', timeout: 120_000, maxBuffer: 64 * 1024 * 1024 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** .rs files under the tree: those the CLI should analyse, and those inside vendored crates. */
function countRustFiles(dir: string): { own: number; vendored: number } {
  const counts = { own: 0, vendored: 0 };
  const stack: { dir: string; vendored: boolean }[] = [{ dir, vendored: false }];
  while (stack.length) {
    const cur = stack.pop() as { dir: string; vendored: boolean };
    for (const e of fs.readdirSync(cur.dir, { withFileTypes: true })) {
      const full = path.join(cur.dir, e.name);
      if (e.isDirectory()) {
        const vendored = cur.vendored || (VENDORED.has(e.name) && path.relative(dir, cur.dir) === 'rust');
        stack.push({ dir: full, vendored });
      } else if (e.isFile() && e.name.endsWith('.rs')) {
        counts[cur.vendored ? 'vendored' : 'own']++;
      }
    }
  }
  return counts;
}

/** Checks the stderr of a --stats run: every file analysed, nothing crashed, no rule threw. */
function assertAllAnalysed(stderr: string, dir: string, release: string): void {
  assert.doesNotMatch(stderr, /internal error/i, stderr);
  assert.doesNotMatch(stderr, /rule errors:/, stderr);
  const files = /^\s*files:\s+(\d+) analysed, (\d+) lines$/m.exec(stderr);
  assert.ok(files, `no files: line in --stats output:\n${stderr}`);
  const skipped = /^\s*skipped:\s+(none|(\d+) file\(s\))$/m.exec(stderr);
  assert.ok(skipped, `no skipped: line in --stats output:\n${stderr}`);
  const { own, vendored } = countRustFiles(dir);
  assert.ok(own > 50, `only ${own} .rs files extracted from linux-source-${release}`);
  assert.equal(Number(files[1]), own, `${own} .rs files on disk but ${files[1]} analysed:\n${stderr}`);
  assert.equal(skipped[1] === 'none' ? 0 : Number(skipped[2]), vendored, `skips other than the ${vendored} vendored files:\n${stderr}`);
  assert.ok(Number(files[2]) > 10_000, `only ${files[2]} lines analysed`);
}

for (const { release, targets } of TREES) {
  test(`Linux ${release}: the release comes from its Makefile and there are zero findings`, (t) => {
    const dir = requireTree(t, release);
    if (!dir) return;
    const own = makefileRelease(dir);
    const r = runCli(['--stats', dir]);
    assert.equal(r.code, 0, `exit ${r.code}; findings at ${own}:\n${r.stdout}\n${r.stderr}`);
    assert.equal(r.stdout, '', 'no findings printed');
    assert.match(r.stderr, new RegExp(`^\\s*target:\\s+Linux ${own.replace(/\./g, '\\.')} \\(Makefile in [^;)]+\\)$`, 'm'), r.stderr);
    assert.doesNotMatch(r.stderr, /does not know/, r.stderr);
    assert.match(r.stderr, /^\s*findings: 0$/m, r.stderr);
    assertAllAnalysed(r.stderr, dir, release);
  });

  test(`Linux ${release}: every knowledge-base claim for the release agrees with the tree (kb:verify)`, (t) => {
    const dir = requireTree(t, release);
    if (!dir) return;
    const r = spawnSync(process.execPath, ['--import', 'tsx', path.join(ROOT, 'scripts', 'kb-verify.ts'), dir], { cwd: ROOT, encoding: 'utf8', timeout: 120_000 });
    assert.equal(r.status, 0, `kb:verify found disagreements (exit ${r.status}):\n${r.stdout.slice(0, 8000)}\n${r.stderr}`);
    assert.match(r.stdout, /: 0 disagreements;/);
    t.diagnostic(r.stdout.trim().split('\n').pop() ?? '');
  });

  for (const { target, expect } of targets) {
    test(`Linux ${release} at target ${target}: only version gates fire, each on an item that differs`, (t) => {
      const dir = requireTree(t, release);
      if (!dir) return;
      const own = makefileRelease(dir);
      const r = runCli(['--stats', '--format', 'json', '--target-version', target, dir]);
      assert.ok(r.code === 0 || r.code === 1, `exit ${r.code}:\n${r.stderr}`);
      assert.match(r.stderr, new RegExp(`^\\s*target:\\s+Linux ${target.replace('.', '\\.')} \\(from --target-version\\)$`, 'm'));
      assertAllAnalysed(r.stderr, dir, release);
      const out = JSON.parse(r.stdout) as { findings: { path: string; line: number; rule: string; message: string }[] };
      const kb = knowledgeBase();
      const fired = new Map<string, number>();
      for (const f of out.findings) {
        const where = `${path.relative(dir, path.resolve(ROOT, f.path))}:${f.line}`;
        assert.ok(VERSION_GATES.has(f.rule), `${where}: non-version rule ${f.rule} fired on correct ${own} code: ${f.message}`);
        const named = /`([^`]+)`/.exec(f.message)?.[1];
        assert.ok(named, `${where}: no backticked item in "${f.message}"`);
        fired.set(`${f.rule} ${named}`, (fired.get(`${f.rule} ${named}`) ?? 0) + 1);
        // Macro syntax eras are named by their spelling, not by a path; the fixtures pin those down.
        if (!/^[A-Za-z_][\w:]*!?$/.test(named)) continue;
        const entries = kb.lookup(named);
        assert.ok(entries.length > 0, `${where}: \`${named}\` has no knowledge-base entry`);
        const availableAt = (at: string) => entries.some((e) => statusAt(e, at).state === 'available');
        assert.ok(
          availableAt(own) !== availableAt(target),
          `${where}: \`${named}\` is ${availableAt(own) ? 'available' : 'missing'} at both ${own} and ${target}, yet ${f.rule} fired`,
        );
        // Code of a release builds at that release: what it names must exist there, and be missing at the target.
        assert.ok(availableAt(own), `${where}: \`${named}\` is not in the knowledge base at ${own}, yet ${own} code uses it`);
      }
      if (expect) assert.ok([...fired.keys()].some((k) => k.startsWith(`${expect} `)), `expected ${expect} findings for ${own} code at ${target}`);
      const summary = [...fired].map(([k, n]) => `${k} ×${n}`).join(', ') || 'nothing';
      t.diagnostic(`${own} code at ${target}: ${out.findings.length} finding(s): ${summary}`);
    });
  }
}
