/**
 * The recall benchmark (scripts/mutants-lib.ts) on a miniature tree of our own (test-fixtures/mutants-tree): every
 * operator finds sites there, the rules catch each visible mutant at the right place with no other findings, the
 * untouched tree is clean, and a rule switched off shows recall 0 (so the benchmark can fail).
 */
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { test } from 'node:test';
import { belowRecall, OPERATORS, runMutants } from '../../scripts/mutants-lib';
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

test('a rule switched off has recall 0 and falls below the threshold', async () => {
  const parser = await sharedParser();
  for (const rule of ['unpinned-field', 'init-arrow-required', 'api-unavailable']) {
    const report = runMutants(parser, [TREE], { levels: { [rule]: 'off' } });
    assert.equal(report.rules[rule].caughtVisible, 0, rule);
    assert.equal(report.rules[rule].recall, 0, rule);
    assert.ok(belowRecall(report, 90).some((b) => b.startsWith(`${rule} `)), rule);
  }
});
