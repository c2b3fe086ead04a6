// `npm run mutants -- [--json] [--min-recall N] [--misses] [--cap N] TREE...`: the recall benchmark. Puts one mistake
// of each rule's kind at a time into the Rust files of real kernel trees (scripts/mutants-lib.ts), checks every
// mutant in-process at the tree's own release, and prints per rule the sites, the mutants caught at the right place,
// those caught elsewhere and the other findings they brought, with the findings on the untouched trees.
// Without TREE, every release folder under $KR_CORPUS (default: <tmp>/kr-corpus) is used. Exit 1 when a rule's recall
// is below --min-recall or an untouched tree has findings (with --min-recall); 2 on bad arguments or no trees.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { createRustParser } from '../server/src/parsing/language';
import { belowRecall, formatReport, runMutants } from './mutants-lib';

interface Args {
  json: boolean;
  misses: boolean;
  minRecall?: number;
  cap?: number;
  trees: string[];
}

function parseArgs(argv: readonly string[]): Args {
  const args: Args = { json: false, misses: false, trees: [] };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const num = (): number => {
      const v = Number(argv[++i]);
      if (!Number.isFinite(v) || v < 0) throw new Error(`${a} needs a number`);
      return v;
    };
    if (a === '--json') args.json = true;
    else if (a === '--misses') args.misses = true;
    else if (a === '--min-recall') args.minRecall = num();
    else if (a === '--cap') args.cap = num();
    else if (a.startsWith('-')) throw new Error(`unknown option ${a}`);
    else args.trees.push(path.resolve(a));
  }
  return args;
}

/** Release folders of the corpus that kernel-corpus.sh lays out (each with a Makefile). */
export function corpusTrees(corpus = process.env.KR_CORPUS ?? path.join(os.tmpdir(), 'kr-corpus')): string[] {
  if (!fs.existsSync(corpus)) return [];
  return fs
    .readdirSync(corpus)
    .map((d) => path.join(corpus, d))
    .filter((d) => fs.existsSync(path.join(d, 'Makefile')))
    .sort();
}

async function main(): Promise<number> {
  let args: Args;
  try {
    args = parseArgs(process.argv.slice(2));
  } catch (e) {
    process.stderr.write(`mutants: ${(e as Error).message}\n`);
    return 2;
  }
  const trees = args.trees.length ? args.trees : corpusTrees();
  if (trees.length === 0) {
    process.stderr.write('mutants: no kernel trees given and none under $KR_CORPUS\n');
    return 2;
  }
  for (const t of trees) if (!fs.statSync(t, { throwIfNoEntry: false })?.isDirectory()) {
    process.stderr.write(`mutants: ${t} is not a folder\n`);
    return 2;
  }
  const parser = await createRustParser();
  const report = runMutants(parser, trees, { perRuleCap: args.cap });
  const failed = args.minRecall === undefined ? [] : belowRecall(report, args.minRecall);
  if (args.minRecall !== undefined) for (const t of report.trees) if (t.untouchedFindings > 0) failed.push(`${t.path}: ${t.untouchedFindings} findings on the untouched tree`);
  if (args.json) process.stdout.write(`${JSON.stringify({ ...report, misses: args.misses ? report.misses : undefined, failed })}\n`);
  else {
    process.stdout.write(`${formatReport(report)}\n`);
    if (args.misses) {
      for (const m of report.misses) process.stdout.write(`\n${m.what} ${m.rule}${m.visible ? '' : ' (not visible)'}: ${m.file}:${m.line}: ${m.note}\n${m.findings.map((f) => `    ${f}`).join('\n')}`);
      process.stdout.write('\n');
    }
    for (const t of report.trees) for (const fp of t.falsePositives.slice(0, 20)) process.stdout.write(`false positive: ${fp}\n`);
    for (const f of failed) process.stdout.write(`below threshold: ${f}\n`);
  }
  return failed.length ? 1 : 0;
}

if (require.main === module) {
  main().then(
    (code) => process.exit(code),
    (e) => {
      process.stderr.write(`mutants: ${(e as Error).stack ?? String(e)}\n`);
      process.exit(2);
    },
  );
}
