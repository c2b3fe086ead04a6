import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Node } from 'web-tree-sitter';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Query } from 'web-tree-sitter';
import { attributePath, attributesBefore, enclosingImplType, initMacros, innerTokens, structDefinitions, structFor, type InitMacro } from '../src/syntax/macro-body';
import { generateFile } from '../../scripts/bench-corpus';
import { withSession } from '../src/parsing/tree-session';
import { fixtureFiles } from './fixture-harness';
import { ROOT, sharedParser } from './helpers';

async function macrosOf(src: string): Promise<{ macros: InitMacro[]; root: Node }> {
  const parser = await sharedParser();
  const tree = parser.parse(src);
  assert.ok(tree);
  return { macros: initMacros(tree.rootNode), root: tree.rootNode };
}

test('reads type path, `&this in`, every field form, the tail and the error suffix', async () => {
  const { macros } = await macrosOf(`fn f() {
    kernel::try_pin_init!(&this in Foo::<T> {
        a <- new_mutex!(0), // why
        b: x?,
        c,
        #[cfg(CONFIG_X)]
        d: 1,
        _: { setup(); },
        ..Zeroable::init_zeroed()
    }? Error)
}`);
  assert.equal(macros.length, 1);
  const m = macros[0];
  assert.equal(m.name, 'try_pin_init');
  assert.deepEqual(m.path.map((p) => p.text), ['kernel', 'try_pin_init']);
  assert.equal(m.thisName?.text, 'this');
  assert.equal(m.typeName?.text, 'Foo');
  assert.deepEqual(m.fields.map((f) => [f.kind, f.name?.text ?? '_']), [['arrow', 'a'], ['colon', 'b'], ['shorthand', 'c'], ['colon', 'd'], ['block', '_']]);
  assert.deepEqual(m.fields[0].value.map((t) => t.text), ['new_mutex', '!', '(0)']);
  assert.equal(m.fields[3].attributes.length, 1);
  assert.equal(m.tail?.kind, 'init_zeroed');
  assert.equal(m.tail?.method?.text, 'init_zeroed');
  assert.deepEqual(m.errorSuffix?.type.map((t) => t.text), ['Error']);
  assert.equal(m.hasMetavariables, false);
  // Ranges point at the tokens as written.
  assert.deepEqual(m.fields[1].range.start, { line: 3, character: 8 });
});

test('finds init macros nested as tokens, with `..Zeroable::zeroed()` and no suffix', async () => {
  const { macros } = await macrosOf(`fn f() {
    let x = KBox::pin_init(pin_init!(Outer {
        inner <- pin_init::pin_init!(Inner { v: 1, ..Zeroable::zeroed() }),
    }), GFP_KERNEL);
}`);
  assert.deepEqual(macros.map((m) => m.typeName?.text), ['Outer', 'Inner']);
  assert.deepEqual(macros[1].path.map((p) => p.text), ['pin_init', 'pin_init']);
  assert.equal(macros[1].tail?.kind, 'zeroed');
  assert.equal(macros[0].errorSuffix, undefined);
  assert.equal(macros[0].invocation?.type, 'macro_invocation');
  assert.equal(macros[1].invocation, undefined);
});

test('skips macro definitions and marks calls holding metavariables', async () => {
  const { macros } = await macrosOf(`macro_rules! m { ($t:ident) => { pin_init!($t { a: 1 }) }; }
fn f() { some_macro!(pin_init!(Foo { a: $x })); }`);
  assert.equal(macros.length, 1);
  assert.equal(macros[0].hasMetavariables, true);
});

test('matches struct definitions, `Self` through the enclosing impl, and field attributes', async () => {
  const parser = await sharedParser();
  const tree = parser.parse(`/// docs
#[pin_data(PinnedDrop)]
#[repr(C)]
pub struct Dev<T> {
    #[pin]
    lock: Mutex<T>,
    #[cfg(CONFIG_DEBUG_FS)]
    dbg: u32,
    id: u32,
}
struct Unit;
impl<T> Dev<T> {
    fn new() -> impl PinInit<Self> { pin_init!(Self { lock <- new_mutex!(0), id: 1 }) }
}
fn free() { pin_init!(Dev::<u8> { id: 2 }); pin_init!(a::Dev { id: 3 }); }`);
  assert.ok(tree);
  const structs = structDefinitions(tree.rootNode);
  const dev = structs.get('Dev')?.[0];
  assert.ok(dev);
  assert.equal(dev.pinnedDrop, true);
  assert.equal(dev.attributes.length, 2);
  assert.deepEqual(dev.fields.map((f) => [f.name, !!f.pin, f.cfg]), [['lock', true, false], ['dbg', false, true], ['id', false, false]]);
  assert.equal(structs.get('Unit')?.[0].tupleOrUnit, true);
  const macros = initMacros(tree.rootNode);
  assert.equal(macros.length, 3);
  assert.equal(structFor(macros[0], structs), dev);
  assert.equal(enclosingImplType(macros[0].invocation as Node), 'Dev');
  assert.equal(structFor(macros[1], structs), dev);
  assert.equal(structFor(macros[2], structs), undefined, 'a path with a module prefix may name another struct');
});

test('bad input: empty and unbalanced macro bodies read without throwing', async () => {
  const { macros } = await macrosOf('fn f() { pin_init!(); try_init!(Foo); init!(Foo { , , a <- }); pin_init!(Foo { .. }) }');
  assert.equal(macros.length, 4);
  assert.equal(macros[0].body, undefined);
  assert.deepEqual(macros[2].fields.map((f) => [f.kind, f.value.length]), [['arrow', 0]]); // empty entries between commas are dropped
  assert.equal(macros[3].tail?.kind, 'other');
});

test('attributes before an item and attribute paths, read from the text, agree with the tree', async () => {
  const parser = await sharedParser();
  const texts = [
    generateFile(1200, 9, 'attrs'),
    [
      '#![allow(dead_code)]',
      '/// Doc.',
      '#[pin_data] // trailing',
      '/* a /* nested */ comment */',
      '#[ derive ( Debug ) ]',
      '#[/* inside */ pin_data]',
      '#[doc = "x"] #[a::b(c)]',
      'struct S { #[pin] #[cfg(x)] a: u8 }',
      '#[cfg(x)] fn f() {}',
      'impl S { #[inline] fn g() {} }',
      '#[unsafe(no_mangle)]\x0c\nstatic X: u8 = 0;',
      '',
    ].join('\n'),
  ];
  for (const file of fixtureFiles(path.join(ROOT, 'test-fixtures', 'lints'))) texts.push(fs.readFileSync(file, 'utf8'));
  let items = 0;
  let paths = 0;
  for (const text of texts) {
    const tree = parser.parse(text);
    assert.ok(tree);
    const query = new Query(tree.language, '[(struct_item) (impl_item) (function_item) (static_item) (field_declaration)] @item (attribute_item) @attr');
    withSession(
      () => {
        for (const { name, node } of query.captures(tree.rootNode)) {
          if (name === 'attr') {
            const attr = node.namedChildren.find((c) => c?.type === 'attribute');
            assert.equal(attributePath(node), attr?.namedChildren[0]?.text.replace(/\s+/g, ''), node.text);
            paths++;
            continue;
          }
          // The tree's answer: previous siblings, comments skipped, while they are attributes.
          const want: number[] = [];
          for (let p = node.previousSibling; p && (p.type === 'attribute_item' || p.type.endsWith('comment')); p = p.previousSibling) {
            if (p.type === 'attribute_item') want.unshift(p.id);
          }
          assert.deepEqual(attributesBefore(node).map((a) => a.id), want, node.text.slice(0, 60));
          items++;
        }
      },
      { tree, text },
    );
    query.delete();
    tree.delete();
  }
  assert.ok(items > 300 && paths > 100, `${items} items, ${paths} attributes compared`);
});

test('the tokens of a token tree are its children without delimiters and comments, in order', async () => {
  const parser = await sharedParser();
  const text = 'fn f() { m!(a::b <- c, #[x] d: 1..=2, "s" /* c */ \'l: e? $x, (g) [h] {i} -> _ // end\n /= 2); }\n';
  const tree = parser.parse(text);
  assert.ok(tree);
  const call = tree.rootNode.descendantForIndex(text.indexOf('m!'))?.parent;
  assert.equal(call?.type, 'macro_invocation');
  const args = call.children.find((c) => c?.type === 'token_tree');
  assert.ok(args);
  const tokens = innerTokens(args);
  const id = 'identifier';
  const tt = 'token_tree';
  assert.deepEqual(
    tokens.map((t) => t.type),
    [id, '::', id, '<', '-', id, ',', '#', tt, id, ':', 'integer_literal', '..=', 'integer_literal', ',', 'string_literal', "'", id, ':', id, '?', '$', id, ',', tt, tt, tt, '->', '_', '/=', 'integer_literal'],
  );
  assert.ok(!tokens.some((t) => t.type === 'block_comment'), 'comments are left out');
  assert.deepEqual(
    tokens.map((t) => text.slice(t.startIndex, t.endIndex)),
    ['a', '::', 'b', '<', '-', 'c', ',', '#', '[x]', 'd', ':', '1', '..=', '2', ',', '"s"', "'", 'l', ':', 'e', '?', '$', 'x', ',', '(g)', '[h]', '{i}', '->', '_', '/=', '2'],
  );
  tree.delete();
});
