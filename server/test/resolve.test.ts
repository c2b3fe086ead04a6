import assert from 'node:assert/strict';
import { test } from 'node:test';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Query } from 'web-tree-sitter';
import { generateFile } from '../../scripts/bench-corpus';
import { fixtureFiles } from './fixture-harness';
import { ROOT, sharedParser } from './helpers';
import { crateForPath, scopePart, buildScope } from '../src/semantics/scope';
import { segmentsOf, plainSegments } from '../src/semantics/path-segments';
import { useLeavesFromText } from '../src/semantics/use-trees';

test('use trees give imports, aliases, globs and self, and definitions are locals', async () => {
  const parser = await sharedParser();
  const tree = parser.parse(
    'use kernel::{prelude::*, sync::{self, Arc, Mutex as M}};\nuse crate::time::Delta;\nstruct Local;\nmacro_rules! mine { () => {} }\n',
  );
  assert.ok(tree);
  const scope = buildScope(tree.rootNode, 'kernel');
  assert.deepEqual(Object.fromEntries(scope.imports), {
    sync: 'kernel::sync',
    Arc: 'kernel::sync::Arc',
    M: 'kernel::sync::Mutex',
    Delta: 'kernel::time::Delta',
  });
  assert.deepEqual(scope.globs, ['kernel::prelude']);
  assert.ok(scope.locals.has('Local') && scope.locals.has('mine!'));
  tree.delete();
});

test('a pathologically nested use declaration is left out instead of exhausting the stack', async () => {
  const parser = await sharedParser();
  const depth = 20000;
  const tree = parser.parse(`use kernel::time::Instant;\nuse ${'a::{'.repeat(depth)}b${'}'.repeat(depth)};\n`);
  assert.ok(tree);
  const scope = buildScope(tree.rootNode);
  assert.deepEqual([...scope.imports.keys()], ['Instant']);
  tree.delete();
});

test('use declarations read from their text give the leaves the tree gives', async () => {
  const parser = await sharedParser();
  const tricky = [
    'use a::b::c;',
    'pub use a::{b, c::{d, e as f}, g::*};',
    'pub(crate) use self::x::y as _;',
    'use super::{self as sup, z};',
    'use crate::{a::{self}, b};',
    'use ::core::ptr;',
    'use a::{};',
    'use a :: b :: { c , d } ;',
    'use a::/* c */b;',
    'use r#type::x;',
    'use é::x;',
    '#[cfg(X)] use a::b;',
    'use {a, b::c};',
    'use a::b::{self};',
    'pub(in crate::a) use b::c;',
    'use a::{b,};',
    'use self::*;',
    'use a::b as c::d;',
    'use a::\n    b::{\n        c,\n        d,\n    };',
    'fn f() { use kernel::time::Delta; }',
    'mod m { pub use super::x as y; }',
  ].join('\n');
  const texts = [tricky, ...fixtureFiles(path.join(ROOT, 'test-fixtures')).map((f) => fs.readFileSync(f, 'utf8')), generateFile(800, 7, 'uses')];
  let fromText = 0;
  for (const text of texts) {
    const tree = parser.parse(text);
    assert.ok(tree);
    for (const top of tree.rootNode.children) {
      if (!top) continue;
      // Without the text, scopePart reads every use declaration from the tree.
      assert.deepEqual(scopePart(top, text), scopePart(top), text.slice(top.startIndex, top.endIndex));
      if (top.type === 'use_declaration' && useLeavesFromText(text, top.startIndex, top.endIndex)) fromText++;
    }
    tree.delete();
  }
  assert.ok(fromText > 20, 'most declarations are read from the text');
});

test('the crate of a file is known inside rust/kernel and rust/pin-init only', () => {
  assert.equal(crateForPath('/src/linux/rust/kernel/sync/arc.rs'), 'kernel');
  assert.equal(crateForPath('/src/linux/rust/pin-init/src/lib.rs'), 'pin_init');
  assert.equal(crateForPath('/src/linux/drivers/block/rnull.rs'), undefined);
});

test('paths read from the text have the segments, offsets and nodes the tree gives them', async () => {
  const parser = await sharedParser();
  const texts: string[] = [generateFile(1500, 5, 'plain_paths')];
  for (const file of fixtureFiles(path.join(ROOT, 'test-fixtures'))) texts.push(fs.readFileSync(file, 'utf8'));
  texts.push('fn f() { a :: b::c(); Foo::<T>::new(); <X as kernel::Y>::z(); r#type::x(); ::core::mem::drop(1); self::m::n!(); $crate::x!(); }\n');
  let plain = 0;
  for (const text of texts) {
    const tree = parser.parse(text);
    assert.ok(tree);
    const query = new Query(tree.language, '[(scoped_identifier) (scoped_type_identifier)] @p (macro_invocation macro: (_) @p)');
    for (const { node } of query.captures(tree.rootNode)) {
      const fromText = plainSegments(tree.rootNode, text, node.startIndex, node.endIndex);
      if (!fromText) continue;
      plain++;
      const fromTree = segmentsOf(node);
      assert.ok(fromTree, `tree reads no path where the text reads ${node.text}`);
      assert.deepEqual(
        fromText.map((s) => [s.text, s.start, s.end, s.node.id]),
        fromTree.map((s) => [s.text, s.start, s.end, s.node.id]),
        node.text,
      );
    }
    query.delete();
    tree.delete();
  }
  assert.ok(plain > 500, `plain paths compared: ${plain}`);
});

test('names of definitions read from the text are the names the tree gives', async () => {
  const parser = await sharedParser();
  const text = [
    'const _: () = ();',
    'static mut COUNTER: u8 = 0;',
    'pub(in crate::a) fn f1() {}',
    'extern "C" fn f2() {}',
    'unsafe extern "C" fn f3() {}',
    'const unsafe fn f5() {}',
    'pub(crate) unsafe trait T1 { fn sig(); }',
    'macro_rules!m1 { () => {} }',
    'mod m2;',
    'union U1 { a: u8 }',
    'type T2<X> = X;',
    'fn r#type() {}',
    'pub /* odd */ fn f6() {}',
    'fn naïve() {}',
    'struct S1;',
    'enum E1 { A }',
    'impl S1 { pub default fn g() {} const C: u8 = 1; }',
    'fn outer() { fn inner() {} struct Local; }',
    '',
  ].join('\n');
  const tree = parser.parse(text);
  assert.ok(tree);
  const scope = buildScope(tree.rootNode);
  const query = new Query(
    tree.language,
    '[(const_item) (static_item) (function_item) (trait_item) (function_signature_item) (macro_definition) (mod_item) (union_item) (type_item) (struct_item) (enum_item)] @d',
  );
  const want = query
    .captures(tree.rootNode)
    .map(({ node }) => {
      const name = node.childForFieldName('name')?.text ?? '';
      return node.type === 'macro_definition' ? `${name}!` : name;
    })
    .sort();
  assert.deepEqual([...scope.locals].sort(), [...new Set(want)].sort());
  query.delete();
  tree.delete();
});
