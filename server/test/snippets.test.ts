import assert from 'node:assert/strict';
import * as path from 'node:path';
import { before, test } from 'node:test';
import type { CompletionItem, TextEdit } from 'vscode-languageserver';
import type { Parser } from 'web-tree-sitter';
import { analyzeText } from '../src/analysis/analyze';
import { completionContext } from '../src/features/completion-context';
import {
  escapeSnippetText,
  expandSnippet,
  loadSnippets,
  parseSnippet,
  prefixMatches,
  rangeLabel,
  readSnippetFile,
  snippetItems,
  snippetProvider,
  useLines,
  type Snippet,
} from '../src/features/snippets';
import { knowledgeBase, statusAt } from '../src/kb';
import { RELEASES } from '../src/kb/releases';
import { inRange, releasesIn } from '../src/kb/version';
import { walk } from '../src/parsing/walk';
import { ROOT, sharedParser, tempDir, writeTree } from './helpers';

let parser: Parser;
let snippets: Snippet[];

before(async () => {
  parser = await sharedParser();
  const loaded = loadSnippets(path.join(ROOT, 'snippets'));
  assert.deepEqual(loaded.problems, [], 'the shipped snippet files load without problems');
  snippets = loaded.snippets;
});

const id = (s: Snippet): string => `${s.file} "${s.name}"`;

/** The snippet expanded with its defaults, inside the smallest file where its context makes sense. */
function hostFile(s: Snippet): string {
  const body = expandSnippet(s.body);
  const indented = body.split('\n').map((l) => (l ? `    ${l}` : l)).join('\n');
  const head = ['use kernel::prelude::*;', ...useLines(s.imports), ''].join('\n');
  switch (s.context) {
    case 'item':
      return `${head}\n${body}\n`;
    case 'impl':
      return `${head}\nimpl SnippetHost {\n${indented}\n}\n`;
    case 'statement':
      return `${head}\nfn snippet_host() -> Result {\n${indented}\n    Ok(())\n}\n`;
  }
}

test('the snippet data covers every area with the expected prefixes', () => {
  const prefixes = new Set(snippets.map((s) => s.prefix));
  for (const p of [
    'pin_init', 'try_pin_init', 'init', 'try_init', 'stack_pin_init', 'pin_init_kbox', 'pin_init_arc', 'pinned_drop',
    'pin_data_mutex', 'pin_data_spinlock', 'condvar_wait', 'global_lock',
    'hrtimer_arc', 'hrtimer_box', 'hrtimer_scoped', 'hrtimer_periodic',
    'mmap_misc_insert_page', 'mmap_read_lock_vma_lookup', 'mmap_mmget_not_zero',
    'dma_coherent',
  ]) {
    assert.ok(prefixes.has(p), `missing snippet ${p}`);
  }
});

test('at any release each prefix names at most one snippet (one per era)', () => {
  const clashes: string[] = [];
  for (const r of RELEASES) {
    const seen = new Map<string, Snippet>();
    for (const s of snippets.filter((x) => inRange(r, x.since, x.until))) {
      const other = seen.get(s.prefix);
      if (other) clashes.push(`${r}: ${id(other)} and ${id(s)}`);
      seen.set(s.prefix, s);
    }
  }
  assert.deepEqual(clashes, []);
});

test('every snippet, expanded with its defaults, parses without ERROR nodes', () => {
  const broken: string[] = [];
  for (const s of snippets) {
    const text = hostFile(s);
    const tree = parser.parse(text);
    assert.ok(tree);
    try {
      if (tree.rootNode.hasError) {
        const at: string[] = [];
        walk(tree.rootNode, (n) => {
          if (n.isError || n.isMissing) at.push(`${n.startPosition.row + 1}:${n.startPosition.column + 1} ${JSON.stringify(n.text.slice(0, 40))}`);
          return !n.isError;
        });
        broken.push(`${id(s)}: ${at.join(', ')}\n${text}`);
      }
    } finally {
      tree.delete();
    }
  }
  assert.deepEqual(broken, []);
});

test('every snippet is clean under all lint rules at every release in its range', () => {
  const findings: string[] = [];
  for (const s of snippets) {
    const text = hostFile(s);
    for (const r of releasesIn(s.since, s.until)) {
      const result = analyzeText(parser, text, { target: r, filePath: '/src/drivers/demo/snippet.rs', onRuleError: (rule, e) => findings.push(`${id(s)} @ ${r}: rule ${rule} threw ${String(e)}`) });
      assert.equal(result.status, 'analysed', id(s));
      if (result.status !== 'analysed') continue;
      for (const f of result.findings) findings.push(`${id(s)} @ ${r}: ${f.ruleId} ${f.range.start.line + 1}:${f.range.start.character + 1} ${f.message}`);
    }
  }
  assert.deepEqual(findings, []);
});

test('every `uses` path is in the knowledge base and available at every release in the snippet\'s range', () => {
  const kb = knowledgeBase();
  const bad: string[] = [];
  for (const s of snippets) {
    for (const u of s.uses) {
      const items = kb.lookup(u);
      if (items.length === 0) {
        bad.push(`${id(s)}: ${u} is not in the knowledge base`);
        continue;
      }
      for (const r of releasesIn(s.since, s.until)) {
        if (!items.some((i) => statusAt(i, r).state === 'available')) bad.push(`${id(s)}: ${u} is not available in ${r}`);
      }
    }
  }
  assert.deepEqual(bad, []);
});

test('snippet syntax: defaults, nested placeholders, choices, escapes and errors', () => {
  assert.equal(expandSnippet('fn ${1:new}($2) -> ${3:impl ${4:PinInit}<Self>} {$0}'), 'fn new() -> impl PinInit<Self> {}');
  assert.equal(expandSnippet('static X: ${2|Mutex,SpinLock|}<u32>;'), 'static X: Mutex<u32>;');
  assert.equal(expandSnippet('a \\$1 \\} \\\\ ${1:x\\}y}'), 'a $1 } \\ x}y');
  assert.equal(expandSnippet(escapeSnippetText('use a::{B, C}; // $5')), 'use a::{B, C}; // $5');
  for (const bad of ['${1:open', '$NAME', '${TM_FILENAME}', '${1|a,b}', '${x}']) assert.equal(parseSnippet(bad).ok, false, bad);
});

test('bad snippet files and entries are reported and skipped, never thrown', () => {
  assert.match(readSnippetFile('broken.json', '{ "a": ').problems[0], /broken\.json is not valid JSON/);
  assert.match(readSnippetFile('list.json', '[]').problems[0], /must hold an object/);
  const mixed = readSnippetFile(
    'mixed.json',
    JSON.stringify({
      $comment: 'ignored',
      good: { prefix: 'ok_one', description: 'Fine.', since: '6.15', context: 'item', uses: ['kernel::sync::Mutex'], body: ['struct A;'] },
      late: { prefix: 'late', description: 'Bad range.', since: '6.17', until: '6.15', context: 'item', uses: ['x'], body: 'x' },
      syntax: { prefix: 'syn', description: 'Bad body.', since: '6.15', context: 'item', uses: ['x'], body: '${1:never closed' },
      shape: 'not an object',
      fields: { prefix: 'Bad Prefix', since: '9.99', context: 'nowhere', body: [] },
    }),
  );
  assert.deepEqual(mixed.snippets.map((s) => s.prefix), ['ok_one']);
  assert.equal(mixed.problems.length, 3 + 6, mixed.problems.join('\n'));
  assert.ok(mixed.problems.some((p) => /"late".*`until` must be after `since`/.test(p)));
  assert.ok(mixed.problems.some((p) => /"syntax".*not valid snippet syntax/.test(p)));

  const dir = tempDir();
  writeTree(dir, { 'a.json': '{"x": {"prefix": "x_y", "description": "D.", "since": "6.15", "context": "statement", "uses": ["kernel::sync"], "body": "let _ = 1;"}}', 'b.json': 'not json' });
  const logged: string[] = [];
  const provider = snippetProvider((m) => logged.push(m), dir);
  assert.equal(logged.length, 1);
  assert.match(logged[0], /snippets\/b\.json is not valid JSON.*skipped/);
  assert.equal(provider.name, 'snippets');
  assert.deepEqual(loadSnippets(path.join(dir, 'missing')).snippets, []);
});

test('range labels name the releases covered', () => {
  assert.equal(rangeLabel('6.15', '6.16'), 'Linux 6.15');
  assert.equal(rangeLabel('6.15', '6.17'), 'Linux 6.15–6.16');
  assert.equal(rangeLabel('6.18'), 'Linux 6.18+');
});

test('typing matches from the start of the prefix or of one of its words', () => {
  assert.ok(prefixMatches('hrt', 'hrtimer_arc'));
  assert.ok(prefixMatches('pin', 'try_pin_init'));
  assert.ok(prefixMatches('arc', 'hrtimer_arc'));
  assert.ok(prefixMatches('pin_init!', 'pin_init'));
  assert.ok(!prefixMatches('imer', 'hrtimer_arc'));
  assert.ok(prefixMatches('', 'dma_coherent'));
});

/** Completion at the end of `marker` (or at the `|` in it), via the real provider. */
function completeAt(text: string, target: string): CompletionItem[] {
  const offset = text.indexOf('|');
  const clean = text.slice(0, offset) + text.slice(offset + 1);
  const tree = parser.parse(clean);
  assert.ok(tree);
  try {
    const before = clean.slice(0, offset).split('\n');
    const ctx = completionContext(clean, tree, before.length - 1, before[before.length - 1].length, offset, target);
    return snippetItems(snippets, ctx);
  } finally {
    tree.delete();
  }
}

test('typing pin, hrtimer, mmap and dma finds that area\'s snippets', () => {
  const expect: Record<string, string[]> = {
    pin: ['pin_init', 'try_pin_init', 'stack_pin_init', 'pin_init_kbox', 'pin_init_arc', 'pinned_drop', 'pin_data_mutex', 'pin_data_spinlock'],
    hrtimer: ['hrtimer_arc', 'hrtimer_box', 'hrtimer_scoped', 'hrtimer_periodic'],
    mmap: ['mmap_misc_insert_page', 'mmap_read_lock_vma_lookup', 'mmap_mmget_not_zero'],
    dma: ['dma_coherent'],
  };
  for (const [word, want] of Object.entries(expect)) {
    const labels = completeAt(`fn f() {\n    ${word}|\n}\n`, '6.19').map((i) => i.label);
    for (const w of want) assert.ok(labels.includes(w), `typing ${word} offers ${w}: got ${labels.join(', ')}`);
  }
});

test('items are snippets with the description, the release range and a replacing edit', () => {
  const items = completeAt('use kernel::prelude::*;\n\nhrtimer_ar|\n', '6.17');
  assert.deepEqual(items.map((i) => i.label), ['hrtimer_arc']);
  const item = items[0];
  assert.equal(item.kind, 15, 'CompletionItemKind.Snippet');
  assert.equal(item.insertTextFormat, 2, 'InsertTextFormat.Snippet');
  assert.match(item.detail ?? '', /Arc.*\(Linux 6\.17\)$/);
  const doc = item.documentation as { kind: string; value: string };
  assert.equal(doc.kind, 'markdown');
  assert.match(doc.value, /\*\*Linux 6\.17\*\*/);
  assert.match(doc.value, /`kernel::time::hrtimer::HrTimer`/);
  assert.match(doc.value, /```rust\n#\[pin_data\]/);
  const edit = item.textEdit as TextEdit;
  assert.deepEqual(edit.range, { start: { line: 2, character: 0 }, end: { line: 2, character: 10 } });
  assert.match(edit.newText, /mode: RelativeMode<Monotonic>/);
  // The file's imports end on line 0: the missing ones go right after, the glob-covered prelude is not repeated.
  const adds = item.additionalTextEdits ?? [];
  assert.equal(adds.length, 1);
  assert.deepEqual(adds[0].range.start, { line: 1, character: 0 });
  assert.match(adds[0].newText, /^use core::sync::atomic::\{AtomicU32, Ordering\};\nuse kernel::sync::\{Arc, ArcBorrow\};\nuse kernel::time::\{Delta, Monotonic\};\nuse kernel::time::hrtimer::\{ArcHrTimerHandle, HrTimer, /);
  assert.ok(!/prelude/.test(adds[0].newText));
});

test('imports already in the file are not added again; with no `use` above, they go into the inserted text', () => {
  const have = 'use kernel::sync::Mutex;\nuse kernel::new_mutex;\n\npin_data_mu|\n';
  const item = completeAt(have, '6.15')[0];
  assert.equal(item.label, 'pin_data_mutex');
  assert.equal(item.additionalTextEdits, undefined);

  const bare = completeAt('// SPDX-less demo\n//! Demo driver.\n\nstack_pin|\n', '6.15');
  const text = (bare[0].textEdit as TextEdit).newText;
  assert.match(text, /^use pin_init::stack_pin_init;\n\nstack_pin_init!/);

  const top = completeAt('//! Demo driver.\n\nstruct A;\n\nfn f() {\n    stack_pin|\n}\n', '6.14');
  assert.deepEqual(top[0].additionalTextEdits, [{ range: { start: { line: 2, character: 0 }, end: { line: 2, character: 0 } }, newText: 'use kernel::stack_pin_init;\n\n' }]);
});

test('snippets are offered only in range, and never in comments, strings, after `.`/`::` or inside `use`', () => {
  assert.deepEqual(completeAt('fn f() {\n    mmap|\n}\n', '6.15').map((i) => i.label), [], 'mm bindings arrived in 6.16');
  assert.ok(completeAt('fn f() {\n    mmap|\n}\n', '6.16').length > 0);
  assert.deepEqual(completeAt('fn f() {\n    hrtimer_per|\n}\n', '6.17'), [], 'the periodic form needs 6.18');
  assert.deepEqual(completeAt('// hrtimer|\n', '6.18'), []);
  assert.deepEqual(completeAt('/* dma| */\n', '6.18'), []);
  assert.deepEqual(completeAt('fn f() { let s = "dma|"; }\n', '6.18'), []);
  assert.deepEqual(completeAt('fn f() { x.dma| }\n', '6.18'), []);
  assert.deepEqual(completeAt('fn f() { kernel::dma| }\n', '6.18'), []);
  assert.deepEqual(completeAt('use kernel::dma|;\n', '6.18'), []);
});

test('each target gets its own era of the hrtimer and DMA snippets', () => {
  const body = (target: string, word: string): string => (completeAt(`${word}|\n`, target)[0].textEdit as TextEdit).newText;
  assert.match(body('6.15', 'hrtimer_arc'), /HrTimer::new\(HrTimerMode::Relative, ClockId::/);
  assert.match(body('6.15', 'hrtimer_arc'), /Ktime::from_raw/);
  assert.match(body('6.16', 'hrtimer_arc'), /fn start_new\(expires: Ktime\)/);
  assert.match(body('6.17', 'hrtimer_arc'), /fn run\(this: ArcBorrow<'_, Self>\) -> HrTimerRestart/);
  assert.match(body('6.18', 'hrtimer_arc'), /HrTimerCallbackContext<'_, Self>/);
  assert.match(body('6.15', 'dma_coherent'), /dev: &Device\)/);
  assert.match(body('6.16', 'dma_coherent'), /dev: &Device<Bound>\)[\s\S]*dma_write!\(ring\[0\] = \$\{4:0\}\);/);
  assert.match(body('6.17', 'dma_coherent'), /dma_read!\(ring\[0\]\)\?;/);
});
