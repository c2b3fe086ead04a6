/**
 * The quick fixes of every lint fixture, applied at once (each finding's preferred fix, as clippy's UI tests apply
 * every suggestion), must give exactly the `.fixed` file next to the fixture: `<name>@<release>.fixed` for one
 * release, `<name>.fixed` for all. A fixture with a `.fixed` file promises fixes, so removing a fix from a rule, or
 * changing what it writes, fails here; a fixture without one promises that nothing is offered. Unlike
 * fix-fixtures.test.ts (what `--fix` applies unattended), this covers every rule's fixes, including the ones only a
 * person applies. `KERNEL_RUST_UPDATE_FIXED=1` rewrites the files.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { analyzeText, type AnalyzeOptions } from '../src/analysis/analyze';
import { readTargetSetting } from '../src/core/target';
import { applyEdits, MECHANICAL_FIX_RULES } from '../src/analysis/fix';
import { RULES } from '../src/lints/rules';
import { expectedFixedText, fixedFilesOf, fixtureFiles, preferredFixEdits, readFixture } from './fixture-harness';
import { ROOT, sharedParser } from './helpers';

const DIR = path.join(ROOT, 'test-fixtures', 'lints');
const UPDATE = process.env.KERNEL_RUST_UPDATE_FIXED === '1';
const RULE_IDS = new Set(RULES.map((r) => r.id));

/** Every fixture's fixed text at each of its releases (the fixture's own text where nothing is offered). */
async function fixedTexts(): Promise<{ file: string; targets: Map<string, { text: string; titles: string[] }> }[]> {
  const parser = await sharedParser();
  return fixtureFiles(DIR).map((file) => {
    const fixture = readFixture(file, RULE_IDS);
    const targets = new Map<string, { text: string; titles: string[] }>();
    for (const target of fixture.targets) {
      // A range header (`//@ kernel: 6.15..6.18`) checks every release of it; a fix is kept only when it builds on all.
      const setting = readTargetSetting(target);
      const at: AnalyzeOptions = setting.kind === 'range' ? { target: setting.range.hi, range: setting.range } : { target };
      const r = analyzeText(parser, fixture.text, { ...at, filePath: fixture.filePath });
      assert.equal(r.status, 'analysed', `${file} at ${target}`);
      if (r.status !== 'analysed') continue;
      const { edits, titles } = preferredFixEdits(r.findings);
      let text: string;
      try {
        text = applyEdits(fixture.text, edits);
      } catch (e) {
        throw new Error(`${path.relative(ROOT, file)} at ${target}: the fixes of two findings overlap (${titles.join('; ')}): ${String(e)}`);
      }
      targets.set(target, { text, titles });
    }
    return { file, targets };
  });
}

/** Writes the `.fixed` files: one shared file when every release that fixes agrees and no release leaves it alone. */
function update(file: string, original: string, targets: Map<string, { text: string }>): void {
  for (const t of targets.keys()) {
    const { own, shared } = fixedFilesOf(file, t);
    fs.rmSync(own, { force: true });
    fs.rmSync(shared, { force: true });
  }
  const texts = [...targets.values()].map((v) => v.text);
  if (texts.every((t) => t === original)) return;
  if (texts.every((t) => t === texts[0])) {
    fs.writeFileSync(fixedFilesOf(file, '').shared, texts[0]);
    return;
  }
  for (const [t, v] of targets) if (v.text !== original) fs.writeFileSync(fixedFilesOf(file, t).own, v.text);
}

test('each lint fixture, with every quick fix applied, gives its .fixed file (and one without offers none)', async () => {
  const all = await fixedTexts();
  const problems: string[] = [];
  const rulesFixed = new Set<string>();
  for (const { file, targets } of all) {
    const original = fs.readFileSync(file, 'utf8');
    if (UPDATE) update(file, original, targets);
    for (const [target, got] of targets) {
      const where = `${path.relative(ROOT, file)} at ${target}`;
      const want = expectedFixedText(file, target);
      if (got.text !== original) for (const t of got.titles) rulesFixed.add(t.slice(0, t.indexOf(':')));
      if (!want) {
        if (got.text !== original) problems.push(`${where}: fixes are offered (${got.titles.join('; ')}) but no .fixed file promises them (KERNEL_RUST_UPDATE_FIXED=1 writes it)`);
        continue;
      }
      if (want.text === original) problems.push(`${where}: ${path.relative(ROOT, want.path)} is the fixture's own text; delete it`);
      else if (got.text !== want.text) {
        problems.push(got.text === original
          ? `${where}: ${path.relative(ROOT, want.path)} promises a fix, but none is offered`
          : `${where}: the fixed text differs from ${path.relative(ROOT, want.path)} (fixes: ${got.titles.join('; ')})`);
      }
    }
  }
  assert.deepEqual(problems, []);
  // Every rule that can offer a fix (its file builds one, or it is a version gate) has a fixture showing it.
  const offering = RULES.filter((r) => MECHANICAL_FIX_RULES.has(r.id) || /\btitle:/.test(fs.readFileSync(path.join(ROOT, 'server', 'src', 'lints', `${r.id}.ts`), 'utf8')));
  assert.ok(offering.length >= 10, `only ${offering.length} rules look like they offer fixes`);
  for (const r of offering) assert.ok(rulesFixed.has(r.id), `no fixture shows a quick fix of ${r.id}`);
});

test('no .fixed file without its fixture and release', async () => {
  const fixtures = new Map(fixtureFiles(DIR).map((f) => [f.replace(/\.rs$/, ''), readFixture(f, RULE_IDS).targets]));
  const stray: string[] = [];
  const walk = (dir: string): void => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, e.name);
      if (e.isDirectory()) walk(full);
      else if (e.name.endsWith('.fixed')) {
        const m = /^(.*?)(?:@(\d+\.\d+(?:\.\.\d+\.\d+)?))?\.fixed$/.exec(full) as RegExpExecArray;
        const targets = fixtures.get(m[1]);
        if (!targets || (m[2] && !targets.includes(m[2]))) stray.push(path.relative(ROOT, full));
      }
    }
  };
  walk(DIR);
  assert.deepEqual(stray, []);
});
