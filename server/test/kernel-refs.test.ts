// gatedReferences reads most paths from the text and asks the tree only about the ones it reports. Here its findings
// in code (outside `use` declarations, which go through the scope) are compared with a reference that reads every
// path from the tree, on our fixtures and generated files at several targets, and on randomly broken versions.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { Query, type Node, type Tree } from 'web-tree-sitter';
import { generateFile, Rng } from '../../scripts/bench-corpus';
import { fileScope, firstMissing, gatedReferences } from '../src/semantics/kernel-refs';
import { resolveSegments } from '../src/semantics/resolve';
import { knowledgeBase } from '../src/kb';
import { withSession } from '../src/parsing/tree-session';
import { fixtureFiles } from './fixture-harness';
import { ROOT, sharedParser } from './helpers';
import { segmentsOf } from '../src/semantics/path-segments';

const CAPTURES = [
  '(use_declaration) @skip',
  '(attribute_item) @skip',
  '(inner_attribute_item) @skip',
  '(macro_definition) @skip',
  '(macro_invocation) @macro',
  '[(scoped_identifier) (scoped_type_identifier)] @path',
  '(scoped_identifier path: [(scoped_identifier) (scoped_type_identifier)] @inner)',
  '(scoped_type_identifier path: [(scoped_identifier) (scoped_type_identifier)] @inner)',
].join('\n');

let query: Query | undefined;

/** Every path and macro call in code, read from the tree, resolved and checked like the analyser does. */
function reference(tree: Tree, target: string): string[] {
  query ??= new Query(tree.language, CAPTURES);
  const kb = knowledgeBase();
  const scope = fileScope(tree.rootNode, undefined);
  const captures = query.captures(tree.rootNode);
  const inner = new Set(captures.filter((c) => c.name === 'inner').map((c) => c.node.id));
  const out: string[] = [];
  let skipEnd = -1;
  for (const { name, node } of captures) {
    if (name === 'inner' || node.startIndex < skipEnd) continue;
    if (name === 'skip') {
      skipEnd = node.endIndex;
      continue;
    }
    const macro = name === 'macro';
    if (macro) skipEnd = node.endIndex;
    else if (inner.has(node.id)) continue;
    const spelled = macro ? node.childForFieldName('macro') : node;
    const segs = spelled ? segmentsOf(spelled) : undefined;
    if (!segs || segs.length === 0 || (!macro && segs.length < 2)) continue;
    const texts = segs.map((s) => s.text);
    const resolved = resolveSegments(texts, scope, kb, target, macro);
    if (!resolved) continue;
    const full = resolved.replace(/!$/, '').split('::');
    const viaImport = scope.imports.has(texts[0]) || (!['kernel', 'pin_init', 'crate'].includes(texts[0]) && texts.length < full.length);
    const offset = full.length - segs.length;
    if (viaImport && firstMissing(kb, full.slice(0, offset + 1), target, false, 2)) continue;
    const miss = firstMissing(kb, full, target, macro, viaImport ? offset + 2 : 2);
    if (!miss) continue;
    const seg = segs[Math.max(0, miss.index - offset)];
    const at = `${full.slice(0, miss.index + 1).join('::')}${macro && miss.index === full.length - 1 ? '!' : ''}`;
    out.push(`${at} @${seg.node.startIndex}-${seg.node.endIndex} in ${spelled?.startIndex}-${spelled?.endIndex} ${miss.status.state}`);
  }
  return out;
}

/** What gatedReferences reports outside `use` declarations, in the same form. */
function actual(tree: Tree, text: string, target: string): string[] {
  const uses = (query as Query).captures(tree.rootNode).filter((c) => c.node.type === 'use_declaration').map((c) => c.node);
  const inUse = (n: Node): boolean => uses.some((u) => n.startIndex >= u.startIndex && n.endIndex <= u.endIndex);
  return withSession(() => gatedReferences(tree.rootNode, target, undefined), { tree, text })
    .filter((r) => !inUse(r.node))
    .map((r) => `${r.path} @${r.node.startIndex}-${r.node.endIndex} in ${r.pathNode.startIndex}-${r.pathNode.endIndex} ${r.status.state}`);
}

const TARGETS = ['6.12', '6.14', '6.15', '6.16', '6.17', '6.18', '6.19'];

function texts(): string[] {
  const out = [generateFile(1500, 31, 'refs_a'), generateFile(800, 32, 'refs_b')];
  for (const file of fixtureFiles(path.join(ROOT, 'test-fixtures'))) out.push(fs.readFileSync(file, 'utf8'));
  out.push(
    [
      'use kernel::prelude::*;',
      '// kernel::sync::Mutex in a comment, "kernel::time::hrtimer::HrTimer" in a string',
      'fn f() -> kernel::alloc::KBox<u8> { let _ = kernel::time::Delta :: from_millis(1); kernel::pr_info!("x"); }',
      'fn g<T: kernel::sync::lock::Backend>() { <T as kernel::init::PinInit<u8>>::x(); Vec::<u8>::new(); ::kernel::x::y(); }',
      '',
    ].join('\n'),
  );
  return out;
}

test('paths read from the text report what reading every path from the tree reports, at every target', async () => {
  const parser = await sharedParser();
  let reported = 0;
  for (const text of texts()) {
    const tree = parser.parse(text);
    assert.ok(tree);
    for (const target of TARGETS) {
      const want = reference(tree, target);
      assert.deepEqual(actual(tree, text, target), want, `${text.slice(0, 60)} @${target}`);
      reported += want.length;
    }
    tree.delete();
  }
  assert.ok(reported > 100, `only ${reported} references compared`);
});

test('the same holds on randomly broken generated files', async () => {
  const parser = await sharedParser();
  const rng = new Rng(41);
  let text = generateFile(700, 77, 'refs_broken');
  for (let round = 0; round < 40; round++) {
    const tree = parser.parse(text);
    assert.ok(tree);
    const target = rng.pick(TARGETS);
    assert.deepEqual(actual(tree, text, target), reference(tree, target), `round ${round} @${target}`);
    tree.delete();
    const at = rng.int(text.length);
    const piece = rng.pick(['::', '<', '>', '"', '/*', '!', '(', '{', 'kernel::', 'r#', '$x::']);
    text = rng.int(3) === 0 ? text.slice(0, at) + text.slice(at + 1 + rng.int(6)) : text.slice(0, at) + piece + text.slice(at);
  }
});
