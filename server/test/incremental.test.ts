// The incremental analyser must always say exactly what a full run says; these tests edit real-looking files at
// random and compare the two after every edit.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { Edit, type Parser, type Tree } from 'web-tree-sitter';
import { analyzeTree } from '../src/analysis/analyze';
import { FILE_WIDE_TESTS, IncrementalAnalyzer } from '../src/analysis/incremental';
import type { Finding } from '../src/core/types';
import { parseWithLimit } from '../src/parsing/language';
import { generateFile, Rng } from '../../scripts/bench-corpus';
import { ROOT, sharedParser } from './helpers';

function pointAt(text: string, index: number): { row: number; column: number } {
  let row = 0;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i >= 0 && i < index; i = text.indexOf('\n', i + 1)) {
    row++;
    lineStart = i + 1;
  }
  return { row, column: index - lineStart };
}

/** A document that is edited like the server edits it: tree.edit, then an incremental reparse. */
class Doc {
  tree: Tree;

  constructor(
    private readonly parser: Parser,
    public text: string,
  ) {
    const tree = parseWithLimit(parser, text);
    assert.ok(tree);
    this.tree = tree;
  }

  replace(start: number, end: number, insert: string): void {
    const next = this.text.slice(0, start) + insert + this.text.slice(end);
    this.tree.edit(
      new Edit({
        startIndex: start,
        oldEndIndex: end,
        newEndIndex: start + insert.length,
        startPosition: pointAt(this.text, start),
        oldEndPosition: pointAt(this.text, end),
        newEndPosition: pointAt(next, start + insert.length),
      }),
    );
    const tree = parseWithLimit(this.parser, next, this.tree);
    assert.ok(tree);
    this.tree.delete();
    this.tree = tree;
    this.text = next;
  }
}

/** One random edit of the kinds people make (and some they make by accident). */
function randomEdit(rng: Rng, text: string): [number, number, string] {
  const at = rng.int(text.length + 1);
  switch (rng.int(5)) {
    case 0:
      return [at, at, rng.pick(['x', '(', '{', '}', '"', ';', ' ', '<', '\n', '?', '#[pin]\n', 'pin_init!(', ' <- ', '::'])];
    case 1:
      return [at, Math.min(text.length, at + 1 + rng.int(40)), ''];
    case 2: {
      // duplicate or delete a whole line
      const start = text.lastIndexOf('\n', at - 1) + 1;
      const nl = text.indexOf('\n', at);
      const end = nl < 0 ? text.length : nl + 1;
      return rng.int(2) === 0 ? [start, start, text.slice(start, end)] : [start, end, ''];
    }
    case 3: {
      // rename an identifier
      const word = /[A-Za-z_][A-Za-z0-9_]*/g;
      word.lastIndex = at;
      const m = word.exec(text);
      if (!m) return [at, at, 'y'];
      return [m.index, m.index + m[0].length, rng.pick(['Mutex', 'HrTimer', 'KBox', 'pin_data', 'Arc', `${m[0]}2`, 'new'])];
    }
    default:
      return [at, at, rng.pick(['\nuse kernel::sync::Mutex;\n', '\nstruct Extra { a: u32 }\n', '\n// kernel-rust: allow(all)\n'])];
  }
}

function same(a: readonly Finding[], b: readonly Finding[], what: string): void {
  assert.deepStrictEqual(a, b, what);
}

async function editAndCompare(file: string, text: string, target: string, edits: number, seed: number): Promise<IncrementalAnalyzer> {
  const parser = await sharedParser();
  const doc = new Doc(parser, text);
  const analyzer = new IncrementalAnalyzer();
  const options = { target, filePath: file };
  same(analyzer.analyze(doc.tree, doc.text, options), analyzeTree(doc.tree, doc.text, options), `${file} as opened`);
  const rng = new Rng(seed);
  const undo: [number, number, string][] = [];
  try {
    for (let i = 0; i < edits; i++) {
      let edit: [number, number, string];
      if (undo.length > 0 && rng.int(4) === 0) edit = undo.pop() as [number, number, string];
      else {
        edit = randomEdit(rng, doc.text);
        undo.push([edit[0], edit[0] + edit[2].length, doc.text.slice(edit[0], edit[1])]);
      }
      doc.replace(...edit);
      same(analyzer.analyze(doc.tree, doc.text, options), analyzeTree(doc.tree, doc.text, options), `${file} at ${target}, edit ${i}: ${JSON.stringify(edit)}`);
    }
  } finally {
    doc.tree.delete();
  }
  return analyzer;
}

test('random edits of generated kernel-style files: incremental findings equal a full run', async () => {
  let partial = 0;
  for (const [k, target] of ['6.14', '6.15', '6.16', '6.18'].entries()) {
    const text = generateFile(400, 900 + k, `inc_${k}`);
    const analyzer = await editAndCompare(`/work/drivers/misc/inc_${k}.rs`, text, target, 150, 31 + k);
    partial += analyzer.stats.partial;
  }
  // The comparison is only worth something if the partial path ran.
  assert.ok(partial > 300, `only ${partial} partial runs`);
});

test('random edits of every lint fixture: incremental findings equal a full run', async () => {
  const dir = path.join(ROOT, 'test-fixtures', 'lints');
  const files = fs.readdirSync(dir, { recursive: true }).map(String).filter((f) => f.endsWith('.rs')).sort();
  assert.ok(files.length > 40);
  for (const [k, rel] of files.entries()) {
    const text = fs.readFileSync(path.join(dir, rel), 'utf8');
    for (const target of ['6.14', '6.16', '6.18']) await editAndCompare(path.join(dir, rel), text, target, 25, 7 * k + target.length);
  }
});

test('a one-character edit inside a function re-checks only that function', async () => {
  const parser = await sharedParser();
  const text = generateFile(3000, 4242, 'edit_target');
  const doc = new Doc(parser, text);
  const analyzer = new IncrementalAnalyzer();
  const options = { target: '6.16' };
  try {
    analyzer.analyze(doc.tree, doc.text, options);
    const at = doc.text.indexOf('guard.stopped = true;', doc.text.length / 2);
    assert.ok(at > 0);
    doc.replace(at, at, ' ');
    const before = { ...analyzer.stats };
    same(analyzer.analyze(doc.tree, doc.text, options), analyzeTree(doc.tree, doc.text, options), 'after the edit');
    assert.equal(analyzer.stats.full, before.full, 'no full run');
    assert.equal(analyzer.stats.partial, before.partial + 1);
    assert.ok(analyzer.stats.rechecked - before.rechecked <= 3, `re-checked ${analyzer.stats.rechecked - before.rechecked} units`);
    // Undoing the edit returns to a remembered version: nothing is checked again.
    doc.replace(at, at + 1, '');
    const undone = { ...analyzer.stats };
    same(analyzer.analyze(doc.tree, doc.text, options), analyzeTree(doc.tree, doc.text, options), 'after the undo');
    assert.equal(analyzer.stats.rechecked, undone.rechecked);
  } finally {
    doc.tree.delete();
  }
});

test('an impl_has_hr_timer! that names no type ties every HrTimerCallback impl of the file, both ways', async () => {
  // An unreadable `impl_has_hr_timer!` counts as covering every type, so it decides hrtimer-missing-has-hr-timer at
  // impls no declared name links it to. Found by the random-edit differential on a fixture.
  const parser = await sharedParser();
  const fillers = Array.from({ length: 12 }, (_, i) => `fn filler_${i}(x: u32) -> u32 {\n    x + ${i}\n}\n`).join('\n');
  const timer = (name: string) =>
    `#[pin_data]\nstruct ${name} {\n    #[pin]\n    timer: HrTimer<Self>,\n}\n\nimpl HrTimerCallback for ${name} {\n    type Pointer<'a> = Arc<Self>;\n\n` +
    `    fn run(this: ArcBorrow<'_, Self>) -> HrTimerRestart {\n        let _ = this;\n        HrTimerRestart::NoRestart\n    }\n}\n`;
  const text =
    'use kernel::prelude::*;\nuse kernel::sync::{Arc, ArcBorrow};\nuse kernel::time::hrtimer::{HrTimer, HrTimerCallback, HrTimerRestart};\n\n' +
    `${fillers}\n${timer('Covered')}\nkernel::impl_has_hr_timer! {\n    impl HasHrTimer<Self> for Covered { self.timer }\n}\n\n${timer('Bare')}`;
  const doc = new Doc(parser, text);
  const analyzer = new IncrementalAnalyzer();
  const options = { target: '6.16' };
  const missing = (fs: readonly Finding[]) => fs.filter((f) => f.ruleId === 'hrtimer-missing-has-hr-timer').length;
  try {
    assert.equal(missing(analyzer.analyze(doc.tree, doc.text, options)), 1, 'Bare has no HasHrTimer');
    // Emptying the macro for `Covered` silences the finding at `Bare`, in another unit.
    const body = doc.text.indexOf('    impl HasHrTimer<Self> for Covered');
    doc.replace(body, doc.text.indexOf('\n', body) + 1, '');
    const partial = analyzer.stats.partial;
    const after = analyzer.analyze(doc.tree, doc.text, options);
    same(after, analyzeTree(doc.tree, doc.text, options), 'after emptying the macro');
    assert.equal(missing(after), 0);
    // With the empty macro in place, an edit inside `Bare`'s impl must still see it.
    const inRun = doc.text.indexOf('let _ = this;', doc.text.indexOf('impl HrTimerCallback for Bare'));
    doc.replace(inRun, inRun, ' ');
    same(analyzer.analyze(doc.tree, doc.text, options), analyzeTree(doc.tree, doc.text, options), 'after an edit in the other impl');
    assert.ok(analyzer.stats.partial >= partial + 2, 'both edits ran the partial path');
  } finally {
    doc.tree.delete();
  }
});

test('every whole-text test a rule makes is known to the incremental analyser', () => {
  // A rule that gates on the whole file's text (`text.includes('X')`) makes every unit depend on X anywhere; the
  // analyser must know such words, or an edit elsewhere would leave stale findings.
  // Every layer a rule can reach: the rules, their gates and the readers and facts below them.
  const sources = ['lints', 'syntax', 'semantics', 'analysis'].flatMap((d) =>
    fs
      .readdirSync(path.join(ROOT, 'server', 'src', d), { recursive: true })
      .map(String)
      .filter((f) => f.endsWith('.ts') && !f.startsWith('docs'))
      .map((f) => path.join(ROOT, 'server', 'src', d, f)),
  );
  const known = FILE_WIDE_TESTS.map((re) => re.source);
  const found: string[] = [];
  for (const file of sources) {
    const src = fs.readFileSync(file, 'utf8');
    for (const m of src.matchAll(/(?:ctx\.text|structure\.text|\btext)\.includes\('([^']+)'\)/g)) found.push(m[1]);
    for (const m of src.matchAll(/\/((?:\\b)?[^/\n]*?)\/\.test\((?:ctx\.)?text\)/g)) found.push(m[1]);
  }
  assert.ok(found.length >= 5, `found only ${found.join(', ')}`);
  for (const word of found) {
    if (word === '\\u0000' || word.startsWith('kernel-rust')) continue; // size limits and allow comments, handled elsewhere
    assert.ok(
      known.some((k) => k === word || k.replace(/\\b/g, '') === word.replace(/\\b/g, '')),
      `"${word}" is tested against a whole file's text but is not in FILE_WIDE_TESTS`,
    );
  }
});

test('a file that starts with blank lines gets the findings it has without them, moved down', async () => {
  // The root node starts at the first token; offsets into the text must still line up (this was once broken).
  const parser = await sharedParser();
  const body = fs.readFileSync(path.join(ROOT, 'test-fixtures', 'lints', 'init-missing-field', 'fires.rs'), 'utf8');
  const plain = parseWithLimit(parser, body);
  const padded = parseWithLimit(parser, `\n\n${body}`);
  assert.ok(plain && padded);
  try {
    const a = analyzeTree(plain, body, { target: '6.16' });
    const b = analyzeTree(padded, `\n\n${body}`, { target: '6.16' });
    assert.ok(a.length >= 2);
    assert.deepEqual(
      b.map((f) => [f.ruleId, f.range.start.line - 2, f.range.start.character]),
      a.map((f) => [f.ruleId, f.range.start.line, f.range.start.character]),
    );
  } finally {
    plain.delete();
    padded.delete();
  }
});
