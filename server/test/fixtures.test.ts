import assert from 'node:assert/strict';
import * as path from 'node:path';
import { test } from 'node:test';
import { analyzeText, type AnalyzeOptions } from '../src/analysis/analyze';
import { readTargetSetting } from '../src/core/target';
import { RULES } from '../src/lints/rules';
import { applyEdits, compare, expectationsAt, fixtureFiles, readFixture } from './fixture-harness';
import { ROOT, sharedParser } from './helpers';

const DIR = path.join(ROOT, 'test-fixtures', 'lints');

const RULE_IDS = new Set(RULES.map((r) => r.id));

for (const file of fixtureFiles(DIR)) {
  const fixture = readFixture(file, RULE_IDS);
  for (const target of fixture.targets) {
    test(`${path.relative(DIR, file)} @ ${target}`, async () => {
      const parser = await sharedParser();
      const errors: string[] = [];
      // A range header (`//@ kernel: 6.15..6.18`) checks every release of it, findings merged per site.
      const setting = readTargetSetting(target);
      const at: AnalyzeOptions = setting.kind === 'range' ? { target: setting.range.hi, range: setting.range } : { target };
      const result = analyzeText(parser, fixture.text, {
        ...at,
        filePath: fixture.filePath,
        onRuleError: (id, e) => errors.push(`${id}: ${String(e)}`),
      });
      assert.equal(result.status, 'analysed');
      if (result.status !== 'analysed') return;
      assert.deepEqual(errors, []);
      assert.deepEqual(compare(expectationsAt(fixture, target), result.findings), []);
      // Every quick fix, applied, removes the finding it was offered for.
      for (const f of result.findings) {
        for (const fix of f.fixes) {
          const fixed = applyEdits(fixture.text, fix.edits);
          const again = analyzeText(parser, fixed, { ...at, filePath: fixture.filePath });
          assert.equal(again.status, 'analysed');
          if (again.status !== 'analysed') continue;
          const before = result.findings.filter((x) => x.ruleId === f.ruleId).length;
          const after = again.findings.filter((x) => x.ruleId === f.ruleId).length;
          assert.ok(after < before, `fix "${fix.title}" did not remove ${f.ruleId} at line ${f.range.start.line + 1}`);
        }
      }
    });
  }
}

test('every rule has fixtures that make it fire, and a fixture where it stays silent', () => {
  const files = fixtureFiles(DIR).map((f) => readFixture(f, RULE_IDS));
  for (const rule of RULES) {
    const own = files.filter((f) => path.basename(path.dirname(f.file)) === rule.id);
    assert.ok(own.length > 0, `no fixtures for ${rule.id} in test-fixtures/lints/${rule.id}/`);
    assert.ok(own.some((f) => f.expectations.some((e) => e.ruleId === rule.id)), `${rule.id} never fires in its fixtures`);
    assert.ok(own.some((f) => !f.expectations.some((e) => e.ruleId === rule.id)), `${rule.id} has no clean fixture`);
  }
});
