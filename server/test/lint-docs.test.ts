import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { renderLintDocs } from '../src/lints/docs/render-docs';
import { RULES } from '../src/lints/rules';
import { ROOT } from './helpers';

test('docs/lints.md is generated from the current rule metadata (run npm run docs:lints)', () => {
  const committed = fs.readFileSync(path.join(ROOT, 'docs', 'lints.md'), 'utf8');
  assert.equal(committed, renderLintDocs(RULES));
});

test('every rule is registered once, its id is its file name, and its docs have all four parts', () => {
  // A rule file is one that default-exports a defineRule(...); everything else in lints/ is infrastructure.
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
