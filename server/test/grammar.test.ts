import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
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
