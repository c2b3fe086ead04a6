import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { test } from 'node:test';
import { renderLintDocs } from '../src/lints/docs/render-docs';
import { renderRuleList, ruleIdsIn } from '../src/lints/docs/rule-list';
import { RULES } from '../src/lints/rules';
import { ROOT } from './helpers';

test('docs/lints.md is generated from the current rule metadata (run npm run rules:gen)', () => {
  const committed = fs.readFileSync(path.join(ROOT, 'docs', 'lints.md'), 'utf8');
  assert.equal(committed, renderLintDocs(RULES));
});

test('every rule is registered once, its id is its file name, and its docs have all four parts', () => {
  // A rule file is one that default-exports a defineRule(...); everything else lives in lints/ support folders.
  const dir = path.join(ROOT, 'server', 'src', 'lints');
  const ruleFiles = fs
    .readdirSync(dir)
    .filter((f) => /^[a-z0-9-]+\.ts$/.test(f) && /export default defineRule\(/.test(fs.readFileSync(path.join(dir, f), 'utf8')))
    .map((f) => f.replace(/\.ts$/, ''));
  assert.deepEqual([...RULES.map((r) => r.id)].sort(), ruleFiles.sort());
  assert.equal(new Set(RULES.map((r) => r.id)).size, RULES.length);
  for (const r of RULES) {
    for (const part of ['what', 'why', 'example', 'useInstead'] as const) assert.ok(r.docs[part].trim().length > 10, `${r.id}: docs.${part}`);
  }
});

test('lints/rules.ts is generated from the rule files (run npm run rules:gen)', () => {
  const dir = path.join(ROOT, 'server', 'src', 'lints');
  assert.equal(fs.readFileSync(path.join(dir, 'rules.ts'), 'utf8'), renderRuleList(ruleIdsIn(dir)));
});

test('the rule-list generator refuses a support file among the rules and an id that is not the file name', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kr-rules-'));
  try {
    fs.writeFileSync(path.join(dir, 'engine.ts'), '// the engine is not a rule\n');
    fs.writeFileSync(path.join(dir, 'good-rule.ts'), "export default defineRule({ id: 'good-rule' });\n");
    assert.deepEqual(ruleIdsIn(dir), ['good-rule']);
    fs.writeFileSync(path.join(dir, 'helper.ts'), 'export const x = 1;\n');
    assert.throws(() => ruleIdsIn(dir), /lints\/helper\.ts is not a rule/);
    fs.rmSync(path.join(dir, 'helper.ts'));
    fs.writeFileSync(path.join(dir, 'misnamed.ts'), "export default defineRule({ id: 'other-name' });\n");
    assert.throws(() => ruleIdsIn(dir), /declares the id 'other-name'/);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
