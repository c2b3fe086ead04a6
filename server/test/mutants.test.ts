/**
 * The recall benchmark (scripts/mutants-lib.ts) on a miniature tree of our own (test-fixtures/mutants-tree): every
 * operator finds sites there, the rules catch each visible mutant at the right place with no other findings, the
 * untouched tree is clean, and a rule switched off shows recall 0 (so the benchmark can fail).
 */
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { test } from 'node:test';
import * as fs from 'node:fs';
import { belowRecall, OPERATORS, runMutants } from '../../scripts/mutants-lib';
import { collectRustFiles } from '../src/core/files';
import { ROOT, sharedParser } from './helpers';

const TREE = path.join(ROOT, 'test-fixtures', 'mutants-tree');

test('every operator has sites in the miniature tree and every rule catches its visible mutants there', async () => {
  const report = runMutants(await sharedParser(), [TREE]);
  assert.equal(report.trees[0].release, '6.18');
  assert.deepEqual(report.trees[0].falsePositives, []);
  for (const o of OPERATORS) {
    const s = report.rules[o.rule];
    assert.ok(s.visible > 0, `${o.name} found no visible site for ${o.rule}`);
  }
  const problems = report.misses.filter((m) => m.visible).map((m) => `${m.what} ${m.rule} ${m.file}:${m.line}: ${m.note} ${m.findings.join('; ')}`);
  assert.deepEqual(problems, []);
  assert.deepEqual(belowRecall(report, 100), []);
});

test('each operator on its own makes a visible mutant in the miniature tree', async () => {
  const parser = await sharedParser();
  const files = collectRustFiles([TREE]).files.map((file, index) => {
    const text = fs.readFileSync(file, 'utf8');
    return { text, tree: parser.parse(text), index, rel: path.relative(TREE, file).split(path.sep).join('/') };
  });
  try {
    for (const o of OPERATORS) {
      const n = files.flatMap((f) => o.op({ text: f.text, root: (f.tree as NonNullable<typeof f.tree>).rootNode, release: '6.18', index: f.index, rel: f.rel })).filter((m) => m.visible).length;
      assert.ok(n > 0, `${o.name} makes no visible mutant`);
    }
  } finally {
    for (const f of files) f.tree?.delete();
  }
});

test('a rule switched off has recall 0 and falls below the threshold', async () => {
  const parser = await sharedParser();
  for (const rule of ['unpinned-field', 'init-arrow-required', 'api-unavailable']) {
    const report = runMutants(parser, [TREE], { levels: { [rule]: 'off' } });
    assert.equal(report.rules[rule].caughtVisible, 0, rule);
    assert.equal(report.rules[rule].recall, 0, rule);
    assert.ok(belowRecall(report, 90).some((b) => b.startsWith(`${rule} `)), rule);
  }
});
