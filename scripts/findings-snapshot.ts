// Writes every finding of the checker over the real trees (each at every registry release), the lint fixtures and the
// bench corpus into one folder, one JSON file per run, so two builds can be compared byte for byte (`diff -r A B`).
// Used to prove that a refactor changes no finding. Usage: npx tsx scripts/findings-snapshot.ts OUT [CORPUS]
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { RELEASES } from '../server/src/kb/releases';

const [out, corpus = '/tmp/kr-corpus'] = process.argv.slice(2);
if (!out) {
  console.error('usage: npx tsx scripts/findings-snapshot.ts OUT [CORPUS]');
  process.exit(2);
}
mkdirSync(out, { recursive: true });
const list = RELEASES;
const run = (name: string, args: string[]): void => {
  const r = spawnSync(process.execPath, ['dist/cli.js', '--format', 'json', ...args], { encoding: 'utf8', maxBuffer: 1 << 28 });
  if (r.status !== 0 && r.status !== 1) throw new Error(`${name}: exit ${r.status}: ${r.stderr}`);
  writeFileSync(join(out, `${name}.json`), r.stdout);
};
const trees = existsSync(corpus) ? readdirSync(corpus).sort() : [];
for (const tree of trees) {
  run(`tree-${tree}-own`, [join(corpus, tree)]);
  for (const rel of list) run(`tree-${tree}-at-${rel}`, ['--target-version', rel, join(corpus, tree)]);
}
for (const rel of list) run(`fixtures-at-${rel}`, ['--target-version', rel, 'test-fixtures']);
run('fixtures-own', ['test-fixtures']);
console.log(`${trees.length} trees × ${list.length + 1} targets, fixtures × ${list.length + 1}: ${out}`);
