// Measures the checker on real kernel trees and prints the README's "Accuracy on real kernel code" table.
// Usage: npx tsx scripts/accuracy-table.ts [--items] [CORPUS]
//   CORPUS holds one folder per release (6.12/, 6.14/, …), each a kernel tree with its top Makefile and Rust
//   files (see /work/shared/hooks/kernel-corpus.sh, or scripts/debian-kernel.sh for 6.12, 7.2 and 7.3); default $KR_CORPUS or
//   the temp folder's kr-corpus. Each tree is checked at its own release (detected from its Makefile), at an
//   older release (three releases back in the registry) and at a newer one (three on, capped at the newest known). --items also lists, per
//   run, which items the findings named. Run `node scripts/build.mjs` first: it uses dist/cli.js.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { RELEASES } from '../server/src/kb/releases';

const root = join(__dirname, '..');
const cli = join(root, 'dist', 'cli.js');
const args = process.argv.slice(2);
const items = args.includes('--items');
const corpus = args.find((a) => !a.startsWith('--')) ?? process.env.KR_CORPUS ?? join(tmpdir(), 'kr-corpus');
if (!existsSync(cli)) fail(`${cli} is missing: run \`node scripts/build.mjs\` first`);
if (!existsSync(corpus)) fail(`no corpus at ${corpus}`);

const known: readonly string[] = RELEASES;
/** The known release `delta` places away from `own` in the registry (7.0 − 3 = 6.17), capped to the known range; undefined when that is `own`. */
function shifted(own: string, delta: number): string | undefined {
  const i = known.indexOf(own);
  const pick = known[Math.min(known.length - 1, Math.max(0, i + delta))];
  return i >= 0 && pick !== own ? pick : undefined;
}

function fail(message: string): never {
  process.stderr.write(`accuracy-table: ${message}\n`);
  process.exit(2);
}

interface RunResult {
  detected: string;
  source: string;
  files: number;
  lines: number;
  skipped: number;
  ms: number;
  findings: { rule: string; message: string }[];
  byRule: Map<string, number>;
  byItem: Map<string, number>;
}

/** One CLI run over a tree; target undefined means "detect from the Makefile". */
function run(dir: string, target?: string): RunResult {
  const flags = ['--stats', '--format', 'json', ...(target ? ['--target-version', target] : []), dir];
  const r = spawnSync(process.execPath, [cli, ...flags], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  if (r.status !== 0 && r.status !== 1) fail(`${dir} @ ${target ?? 'auto'}: exit ${r.status}\n${r.stderr}`);
  if (/internal error/i.test(r.stderr)) fail(`${dir} @ ${target ?? 'auto'}: ${r.stderr}`);
  const stat = (re: RegExp): string[] => re.exec(r.stderr)?.slice(1) ?? fail(`no ${re} in --stats output:\n${r.stderr}`);
  const [detected, source] = stat(/^\s*target:\s+Linux (\S+) \(([^;)]*)/m);
  const [files, lines] = stat(/^\s*files:\s+(\d+) analysed, (\d+) lines/m).map(Number);
  const [skippedText] = stat(/^\s*skipped:\s+(none|\d+)/m);
  const [ms] = stat(/^\s*time:\s+(\d+) ms/m).map(Number);
  const { findings } = JSON.parse(r.stdout) as { findings: RunResult['findings'] };
  const byRule = new Map<string, number>();
  const byItem = new Map<string, number>();
  for (const f of findings) {
    byRule.set(f.rule, (byRule.get(f.rule) ?? 0) + 1);
    const key = `${f.rule} ${/`([^`]+)`/.exec(f.message)?.[1] ?? f.message}`;
    byItem.set(key, (byItem.get(key) ?? 0) + 1);
  }
  return { detected, source, files, lines, skipped: skippedText === 'none' ? 0 : Number(skippedText), ms, findings, byRule, byItem };
}

const describe = (res: RunResult | undefined): string =>
  !res ? '—' :
  res.findings.length === 0 ? '0' : `${res.findings.length} (${[...res.byRule].sort().map(([k, n]) => `${k} ${n}`).join(', ')})`;

const trees = readdirSync(corpus)
  .filter((d) => /^\d+\.\d+$/.test(d) && existsSync(join(corpus, d, 'Makefile')))
  .sort((a, b) => known.indexOf(a) - known.indexOf(b));
if (trees.length === 0) fail(`no release folders (6.12/, …) in ${corpus}`);

const rows: string[] = [];
const details: string[] = [];
for (const rel of trees) {
  const dir = join(corpus, rel);
  const own = run(dir);
  // The Makefile may name a stable point release of the folder's line (7.1.5 in 7.1/).
  if (own.detected !== rel && !own.detected.startsWith(`${rel}.`)) fail(`${dir}: detected ${own.detected}, expected ${rel} from its Makefile`);
  const older = shifted(rel, -3);
  const newer = shifted(rel, +3);
  const atOlder = older ? run(dir, older) : undefined;
  const atNewer = newer ? run(dir, newer) : undefined;
  const skipped = own.skipped ? ` (+${own.skipped} vendored skipped)` : '';
  rows.push(
    `| ${own.detected} | ${own.files}${skipped} | ${own.lines.toLocaleString('en-US')} | ${describe(own)} | ` +
      `${older ? `${older}: ${describe(atOlder)}` : '—'} | ${newer ? `${newer}: ${describe(atNewer)}` : '—'} | ` +
      `${(own.ms / 1000).toFixed(2)} s |`,
  );
  for (const [target, res] of [[rel, own], [older, atOlder], [newer, atNewer]] as [string | undefined, RunResult | undefined][]) {
    if (!res || res.findings.length === 0) continue;
    details.push(`- ${rel} code at ${target}: ${[...res.byItem].map(([k, n]) => `${k} ×${n}`).join(', ')}`);
  }
}

const date = new Date().toISOString().slice(0, 10);
const version = spawnSync(process.execPath, [cli, '--version'], { encoding: 'utf8' }).stdout.trim();
console.log('| release | files | lines | findings at own release | at an older target | at a newer target | time |');
console.log('|---|---|---|---|---|---|---|');
for (const row of rows) console.log(row);
console.log('');
console.log(`Measured ${date} with kernel-rust-check ${version} on node ${process.version}; time is one whole-tree run at the own release.`);
if (items && details.length) {
  console.log('');
  for (const d of details) console.log(d);
}
