import assert from 'node:assert/strict';
import * as path from 'node:path';
import { test } from 'node:test';
import type { Diagnostic, TextEdit } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { analyzeText } from '../src/analysis/analyze';
import { codeActionsFor, plainTitle } from '../src/features/code-actions';
import { completionContext } from '../src/features/completion-context';
import { loadSnippets, mergeIntoUse, snippetItems } from '../src/features/snippets';
import { ROOT, sharedParser } from './helpers';

const diag = (line: number, code: string, fixes: { title: string; edits: TextEdit[] }[] = []): Diagnostic => ({
  range: { start: { line, character: 4 }, end: { line, character: 9 } },
  message: 'x',
  source: 'kernel-rust',
  code,
  data: { fixes },
});

function apply(text: string, edits: TextEdit[]): string {
  return TextDocument.applyEdits(TextDocument.create('file:///a.rs', 'rust', 1, text), edits);
}

test('quick-fix titles carry no literal backticks', () => {
  const text = 'struct S {\n    m: Mutex<u32>,\n}\n';
  const actions = codeActionsFor('file:///a.rs', text, [diag(1, 'unpinned-field', [{ title: 'Add `#[pin]` to `m`', edits: [] }])]);
  assert.deepEqual(actions.map((a) => a.title), ['Add #[pin] to m', 'Allow unpinned-field on this line']);
  for (const a of actions) assert.doesNotMatch(a.title, /`/);
  assert.equal(plainTitle('Use `kernel::${x}!` (defaults to `Error`)'), 'Use kernel::${x}! (defaults to Error)');
});

test('"Allow" puts the comment on the line before the finding, as the rule docs say, and the engine honours it', async () => {
  const text = 'fn f() {\n    let t = kernel::time::Instant::now();\n}\n';
  const [allow] = codeActionsFor('file:///a.rs', text, [diag(1, 'api-unavailable')]);
  const edits = allow.edit?.changes?.['file:///a.rs'] ?? [];
  const fixed = apply(text, edits);
  assert.equal(fixed, 'fn f() {\n    // kernel-rust: allow(api-unavailable)\n    let t = kernel::time::Instant::now();\n}\n');
  const parser = await sharedParser();
  const found = (t: string): unknown[] => {
    const r = analyzeText(parser, t, { target: '6.15' });
    assert.equal(r.status, 'analysed');
    return r.status === 'analysed' ? r.findings.filter((f) => f.ruleId === 'api-unavailable') : [];
  };
  assert.ok(found(text).length > 0, 'the sample fires at 6.15');
  assert.deepEqual(found(fixed), []);
});

test('"Allow" joins an allow comment already above the line, and keeps CRLF files CRLF', () => {
  const text = 'fn f() {\n    // kernel-rust: allow(api-removed)\n    let t = x;\n}\n';
  const [allow] = codeActionsFor('file:///a.rs', text, [diag(2, 'api-unavailable')]);
  assert.equal(apply(text, allow.edit?.changes?.['file:///a.rs'] ?? []), 'fn f() {\n    // kernel-rust: allow(api-removed, api-unavailable)\n    let t = x;\n}\n');
  const crlf = 'fn f() {\r\n    let t = x;\r\n}\r\n';
  const [a2] = codeActionsFor('file:///a.rs', crlf, [diag(1, 'api-unavailable')]);
  assert.equal(apply(crlf, a2.edit?.changes?.['file:///a.rs'] ?? []), 'fn f() {\r\n    // kernel-rust: allow(api-unavailable)\r\n    let t = x;\r\n}\r\n');
});

test('snippet imports join an existing use of the same module', () => {
  const one = mergeIntoUse('use kernel::sync::Arc;', 3, 0, ['Mutex']);
  assert.equal(one?.newText, 'use kernel::sync::{Arc, Mutex};');
  assert.deepEqual([one?.start, one?.end], [{ line: 3, character: 0 }, { line: 3, character: 22 }]);
  assert.equal(mergeIntoUse('use kernel::sync::{Arc, SpinLock};', 0, 0, ['Mutex'])?.newText, 'use kernel::sync::{Arc, Mutex, SpinLock};');
  assert.equal(mergeIntoUse('use kernel::sync::{SpinLock, Arc};', 0, 0, ['Mutex'])?.newText, 'use kernel::sync::{SpinLock, Arc, Mutex};', 'an unsorted group keeps its order');
  const multi = mergeIntoUse('use kernel::sync::{\n    Arc,\n    SpinLock\n};', 0, 0, ['Mutex']);
  assert.equal(multi?.newText, 'use kernel::sync::{\n    Arc,\n    SpinLock,\n    Mutex,\n};');
  assert.deepEqual(multi?.end, { line: 3, character: 2 });
  assert.equal(mergeIntoUse('pub use kernel::sync::Arc;', 0, 0, ['Mutex']), undefined, 'a re-export is left alone');
  assert.equal(mergeIntoUse('use kernel::sync::{lock::{Guard}, Arc};', 0, 0, ['Mutex']), undefined, 'nested groups are left alone');
});

test('a snippet completed under `use kernel::sync::Arc;` adds its lock to that line, and its detail is one short line', async () => {
  const parser = await sharedParser();
  const { snippets } = loadSnippets(path.join(ROOT, 'snippets'));
  const text = 'use kernel::prelude::*;\nuse kernel::sync::Arc;\n\npin_data_mutex\n';
  const tree = parser.parse(text);
  assert.ok(tree);
  try {
    const offset = text.indexOf('pin_data_mutex') + 'pin_data_mutex'.length;
    const ctx = completionContext(text, tree, 3, 14, offset, '6.18');
    const item = snippetItems(snippets, ctx).find((i) => i.label === 'pin_data_mutex');
    assert.ok(item);
    const result = apply(text, [...(item.additionalTextEdits ?? [])]);
    assert.match(result, /^use kernel::prelude::\*;\nuse kernel::sync::\{Arc, Mutex\};\nuse kernel::new_mutex;\n/);
    assert.doesNotMatch(result, /use kernel::sync::Mutex;/);
    assert.equal(item.detail, '#[pin_data] struct with a Mutex (Linux 6.4+)');
    const other = parser.parse('fn f() {\n    hrtimer\n}\n');
    assert.ok(other);
    const hr = snippetItems(snippets, completionContext('fn f() {\n    hrtimer\n}\n', other, 1, 11, 20, '6.18'));
    other.delete();
    assert.ok(hr.length >= 3);
    for (const s of hr) assert.match(s.detail ?? '', /^[^`\n]{1,60} \(Linux [0-9.+–]+\)$/);
  } finally {
    tree.delete();
  }
});
