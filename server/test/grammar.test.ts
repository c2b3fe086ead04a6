import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { test } from 'node:test';
import { marshalling } from '../src/parsing/language';
import { walk } from '../src/parsing/walk';
import { ROOT, sharedParser } from './helpers';

test('the committed grammar wasm matches its recorded sha256 and the pinned package', () => {
  const note = JSON.parse(fs.readFileSync(path.join(ROOT, 'grammars', 'tree-sitter-rust.json'), 'utf8'));
  const wasm = fs.readFileSync(path.join(ROOT, 'grammars', 'tree-sitter-rust.wasm'));
  assert.equal(createHash('sha256').update(wasm).digest('hex'), note.sha256);
  const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
  assert.equal(pkg.dependencies['tree-sitter-rust'], note.version);
  const shipped = fs.readFileSync(path.join(ROOT, 'node_modules', 'tree-sitter-rust', 'tree-sitter-rust.wasm'));
  assert.ok(shipped.equals(wasm), 'grammars/ copy differs from the pinned package (run npm run grammar)');
});

test('the grammar loads and parses kernel-style Rust without errors', async () => {
  const parser = await sharedParser();
  const tree = parser.parse('#[pin_data]\nstruct S {\n    #[pin]\n    m: Mutex<u32>,\n}\n');
  assert.ok(tree);
  assert.equal(tree.rootNode.hasError, false);
  assert.equal(tree.rootNode.firstChild?.type, 'attribute_item');
  tree.delete();
});

test('node handles go through direct 32-bit accessors that agree with the library accessors', async () => {
  const parser = await sharedParser();
  // CI and this project's machines are little-endian; elsewhere the library's accessors stay in place.
  assert.equal(marshalling.direct, os.endianness() === 'LE');
  if (!marshalling.direct) return;
  const { module, library } = marshalling;
  assert.ok(module && library);
  const text = 'fn f() {\n    let é = kernel::sync::Mutex::new(1);\n    g!(a::b, "x");\n}\n';
  const tree = parser.parse(text);
  assert.ok(tree);
  // After the walk has passed node handles back and forth, every word reads the same through both accessors (the
  // first 4 KiB of wasm memory here), and the walk saw what the text holds.
  const nodes: { type: string; start: number; end: number }[] = [];
  walk(tree.rootNode, (n) => {
    nodes.push({ type: n.type, start: n.startIndex, end: n.endIndex });
    return true;
  });
  for (let ptr = 0; ptr < 4096; ptr += 4) {
    const word = module.getValue(ptr, 'i32');
    assert.equal(word, library.getValue(ptr, 'i32'), `word at ${ptr}`);
  }
  // Writes land where the library would have put them, and other types still go to the library.
  const memory = module as unknown as { _malloc: (n: number) => number; _free: (p: number) => void };
  const scratch = memory._malloc(8);
  for (const value of [0, 1, -1, 0x7fffffff, -0x80000000, 123456789]) {
    module.setValue(scratch, value, 'i32');
    assert.equal(library.getValue(scratch, 'i32'), value);
  }
  module.setValue(scratch, 0x41, 'i8');
  assert.equal(module.getValue(scratch, 'i8'), 0x41);
  memory._free(scratch);
  assert.ok(nodes.some((n) => n.type === 'scoped_identifier' && text.slice(n.start, n.end) === 'kernel::sync::Mutex::new'));
  tree.delete();
});
