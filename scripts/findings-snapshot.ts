// Writes every finding of the analysis core over the real trees (each at every registry release) and the lint
// fixtures into one folder, one file per tree and target, so two builds can be compared byte for byte
// (`diff -r A B`): the proof that a refactor changes no finding. Each file is parsed once and analysed at every
// target in-process, so a full snapshot takes minutes, not an hour.
// Usage: npx tsx scripts/findings-snapshot.ts OUT [CORPUS]   (CORPUS: folders of kernel trees, default /tmp/kr-corpus)
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { analyzeTree } from '../server/src/analysis/analyze';
import { collectRustFiles } from '../server/src/core/files';
import { RELEASES } from '../server/src/kb/releases';
import { createRustParser, parseWithLimit } from '../server/src/parsing/language';
import { checkAnalysable } from '../server/src/core/limits';

const [out, corpus = '/tmp/kr-corpus'] = process.argv.slice(2);
if (!out) {
  console.error('usage: npx tsx scripts/findings-snapshot.ts OUT [CORPUS]');
  process.exit(2);
}

void (async () => {
  mkdirSync(out, { recursive: true });
  const parser = await createRustParser();
  const sets: [string, string][] = existsSync(corpus) ? readdirSync(corpus).sort().map((t) => [`tree-${t}`, join(corpus, t)]) : [];
  sets.push(['fixtures', 'test-fixtures']);
  for (const [name, dir] of sets) {
    const lines = new Map<string, string[]>(RELEASES.map((r) => [r, []]));
    for (const file of collectRustFiles([dir]).files) {
      const text = readFileSync(file, 'utf8');
      if (checkAnalysable(text)) continue;
      const tree = parseWithLimit(parser, text);
      if (!tree) continue;
      const rel = relative(dir, file);
      for (const target of RELEASES) {
        for (const f of analyzeTree(tree, text, { target, filePath: file })) lines.get(target)!.push(`${rel} ${JSON.stringify(f)}`);
      }
      tree.delete();
    }
    for (const [target, found] of lines) writeFileSync(join(out, `${name}-at-${target}.txt`), found.join('\n') + '\n');
    console.log(`${name}: ${[...lines.values()].reduce((n, l) => n + l.length, 0)} findings over ${RELEASES.length} targets`);
  }
})();
