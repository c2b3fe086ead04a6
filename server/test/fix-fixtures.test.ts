/**
 * Every version-gate fixture, fixed at each of its targets, must give exactly its `.fixed` expectation
 * (test-fixtures/fix/<rule>/<name>@<target>.fixed): the mechanical fixes of api-removed and api-unavailable as
 * `--fix` applies them. Fixing again changes nothing, and no finding with a safe fix is left. A fixture that gets
 * no fix at a target must have no expectation file. `KERNEL_RUST_UPDATE_FIXED=1` rewrites the expectations.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { analyzeText, type AnalyzeOptions } from '../src/analysis/analyze';
import { readTargetSetting } from '../src/core/target';
import { fixText, MECHANICAL_FIX_RULES, safeFixOf } from '../src/analysis/fix';
import { fixtureFiles, readFixture } from './fixture-harness';
import { ROOT, sharedParser } from './helpers';

const LINTS = path.join(ROOT, 'test-fixtures', 'lints');
const FIXED = path.join(ROOT, 'test-fixtures', 'fix');
const UPDATE = process.env.KERNEL_RUST_UPDATE_FIXED === '1';

test('each version-gate fixture fixes to its .fixed expectation, idempotently, leaving no safe fix', async () => {
  const parser = await sharedParser();
  const expected = new Set<string>();
  let withFixes = 0;
  for (const rule of MECHANICAL_FIX_RULES) {
    for (const file of fixtureFiles(path.join(LINTS, rule))) {
      const fixture = readFixture(file);
      for (const target of fixture.targets) {
        const setting = readTargetSetting(target);
        const at: AnalyzeOptions = setting.kind === 'range' ? { target: setting.range.hi, range: setting.range } : { target };
        const lint = (text: string) => {
          const r = analyzeText(parser, text, { ...at, filePath: fixture.filePath });
          return r.status === 'analysed' ? r.findings : undefined;
        };
        const result = fixText(fixture.text, lint);
        const name = path.join(FIXED, rule, `${path.basename(file, '.rs')}@${target}.fixed`);
        const where = `${path.relative(ROOT, file)} at ${target}`;
        if (result.applied.length === 0) {
          assert.equal(result.text, fixture.text);
          if (UPDATE) fs.rmSync(name, { force: true });
          assert.ok(!fs.existsSync(name), `${where}: no fix applies, but ${path.relative(ROOT, name)} exists`);
          continue;
        }
        withFixes++;
        expected.add(name);
        if (UPDATE) {
          fs.mkdirSync(path.dirname(name), { recursive: true });
          fs.writeFileSync(name, result.text);
        }
        assert.ok(fs.existsSync(name), `${where}: fixes apply but ${path.relative(ROOT, name)} is missing (KERNEL_RUST_UPDATE_FIXED=1 writes it)`);
        assert.equal(result.text, fs.readFileSync(name, 'utf8'), `${where}: fixed text differs from ${path.relative(ROOT, name)}`);
        assert.equal(result.unsettled, undefined, where);
        const again = fixText(result.text, lint);
        assert.equal(again.applied.length, 0, `${where}: a second --fix still changes: ${again.applied.map((a) => a.title).join('; ')}`);
        const after = lint(result.text) ?? [];
        assert.deepEqual(after.filter((f) => 'fix' in safeFixOf(f)).map((f) => f.message), [], `${where}: a safe fix is left`);
        // Every applied fix removed its finding: none of the fixed messages is still reported at the same spot.
        for (const a of result.applied.filter((x) => x.round === 1)) {
          assert.ok(!after.some((f) => f.ruleId === a.ruleId && f.message === a.message && f.range.start.line === a.range.start.line), `${where}: "${a.message}" still reported`);
        }
      }
    }
  }
  assert.ok(withFixes >= 10, `only ${withFixes} fixture/target pairs get a fix`);
  // No stale expectation files.
  for (const rule of fs.existsSync(FIXED) ? fs.readdirSync(FIXED) : []) {
    for (const f of fs.readdirSync(path.join(FIXED, rule))) {
      assert.ok(expected.has(path.join(FIXED, rule, f)), `stale expectation ${rule}/${f}`);
    }
  }
});
