/**
 * `npm run kb:verify -- [--json] [--out DIR] TREE...` — proves the knowledge base against exact kernel trees.
 * Exit status: 0 no disagreements, 1 disagreements found, 2 usage error (no tree, no Makefile or no version in it).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ITEMS } from '../server/src/kb/data';
import { kbLocations, verifyTree, type VerifyReport } from '../server/src/kb/verify/compare';
import { formatText, summaryLine } from '../server/src/kb/verify/report';
import { TreeSurface } from '../server/src/kb/verify/tree-surface';
import { createRustParser } from '../server/src/parsing/language';

const USAGE = 'usage: npm run kb:verify -- [--json] [--out DIR] TREE...\n' +
  '  TREE     a kernel tree: a folder with a top-level Makefile and rust/kernel/\n' +
  '  --json   print one JSON report per tree (an array) instead of text\n' +
  '  --out    also write DIR/<release>.txt and DIR/<release>.json for each tree\n';

function usage(message: string): never {
  process.stderr.write(`kb-verify: ${message}\n${USAGE}`);
  process.exit(2);
}

async function main(): Promise<number> {
  const args = process.argv.slice(2);
  let json = false;
  let outDir: string | undefined;
  const trees: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '--json') json = true;
    else if (a === '--out') {
      outDir = args[++i];
      if (!outDir) usage('--out needs a folder');
    } else if (a === '-h' || a === '--help') {
      process.stdout.write(USAGE);
      return 0;
    } else if (a.startsWith('-')) usage(`unknown option ${a}`);
    else trees.push(a);
  }
  if (!trees.length) usage('no kernel tree given');
  for (const t of trees) {
    if (!fs.existsSync(path.join(t, 'Makefile'))) usage(`${t}: no Makefile (not a kernel tree)`);
  }
  const repoRoot = path.resolve(__dirname, '..');
  const locations = kbLocations(path.join(repoRoot, 'server', 'src', 'kb', 'data'), repoRoot);
  const parser = await createRustParser();
  const reports: VerifyReport[] = [];
  try {
    for (const t of trees) {
      let surface: TreeSurface;
      try {
        surface = TreeSurface.build(parser, path.resolve(t));
      } catch (e) {
        usage(`${t}: ${e instanceof Error ? e.message : String(e)}`);
      }
      const report = verifyTree(parser, surface, ITEMS, { locations });
      reports.push(report);
      if (outDir) {
        fs.mkdirSync(outDir, { recursive: true });
        fs.writeFileSync(path.join(outDir, `${report.release}.txt`), formatText(report));
        fs.writeFileSync(path.join(outDir, `${report.release}.json`), JSON.stringify(report, null, 2) + '\n');
      }
      if (!json) process.stdout.write(formatText(report) + (trees.length > 1 ? '\n' : ''));
    }
  } finally {
    parser.delete();
  }
  if (json) process.stdout.write(JSON.stringify(reports, null, 2) + '\n');
  else if (reports.length > 1) for (const r of reports) process.stdout.write(summaryLine(r) + '\n');
  return reports.some((r) => r.disagreements.length) ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (e: unknown) => {
    process.stderr.write(`kb-verify: internal error: ${e instanceof Error ? e.stack ?? e.message : String(e)}\n`);
    process.exit(3);
  },
);
