import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DocumentTree } from '../src/parsing/document-tree';
import { sharedParser } from './helpers';

const SOURCE = `use kernel::prelude::*;

#[pin_data]
struct Counter {
    #[pin]
    lock: Mutex<u64>,
    name: &'static str,
}

impl Counter {
    fn new() -> impl PinInit<Self> {
        pin_init!(Self { lock <- new_mutex!(0), name: "ü-counter" })
    }
}
`;

/** A tiny deterministic PRNG so failures reproduce. */
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

test('incremental edits give the same tree as parsing the final text from scratch', async () => {
  const parser = await sharedParser();
  const doc = new DocumentTree(parser, 'file:///t.rs', 1, SOURCE);
  const next = rng(7);
  const inserts = ['{', '}', '(', '"', 'x', '\n', '<-', 'ü', ' ', '?;', '/*', '*/'];
  for (let version = 2; version < 300; version++) {
    const text = doc.text;
    const a = Math.floor(next() * (text.length + 1));
    const b = Math.min(text.length, a + Math.floor(next() * 4));
    const insert = inserts[Math.floor(next() * inserts.length)];
    const start = doc.document.positionAt(a);
    const end = doc.document.positionAt(b);
    doc.update([{ range: { start, end }, text: insert }], version);
    assert.equal(doc.text, text.slice(0, a) + insert + text.slice(b));
    const fresh = parser.parse(doc.text);
    assert.ok(fresh && doc.current);
    assert.equal(doc.current.rootNode.toString(), fresh.rootNode.toString(), `tree differs after edit ${version}`);
    fresh.delete();
  }
  doc.dispose();
  assert.equal(doc.current, null);
});

test('several changes in one notification are replayed in order', async () => {
  const parser = await sharedParser();
  const doc = new DocumentTree(parser, 'file:///t.rs', 1, 'fn a() {}\n');
  doc.update(
    [
      { range: { start: { line: 0, character: 3 }, end: { line: 0, character: 4 } }, text: 'bb' },
      { range: { start: { line: 1, character: 0 }, end: { line: 1, character: 0 } }, text: 'fn c() {}\n' },
      { text: 'fn whole() {}\n' },
      { range: { start: { line: 0, character: 3 }, end: { line: 0, character: 8 } }, text: 'w' },
    ],
    2,
  );
  assert.equal(doc.text, 'fn w() {}\n');
  assert.equal(doc.version, 2);
  assert.equal(doc.current?.rootNode.toString(), parser.parse(doc.text)?.rootNode.toString());
  doc.dispose();
});

test('oversized and binary documents are skipped and hold no tree', async () => {
  const parser = await sharedParser();
  const big = new DocumentTree(parser, 'file:///big.rs', 1, 'x'.repeat(2 * 1024 * 1024));
  assert.equal(big.skipped?.kind, 'too-large');
  assert.equal(big.current, null);
  const bin = new DocumentTree(parser, 'file:///bin.rs', 1, 'fn a() {}\u0000\u0001');
  assert.equal(bin.skipped?.kind, 'binary');
  bin.update([{ text: 'fn a() {}\n' }], 2);
  assert.equal(bin.skipped, undefined);
  assert.ok(bin.current);
  big.dispose();
  bin.dispose();
});

test('typing a character and deleting it again takes the earlier tree back, which matches a fresh parse', async () => {
  const parser = await sharedParser();
  const doc = new DocumentTree(parser, 'file:///t.rs', 1, SOURCE);
  const next = rng(11);
  let version = 1;
  const edit = (a: number, b: number, text: string): void => {
    doc.update([{ range: { start: doc.document.positionAt(a), end: doc.document.positionAt(b) }, text }], ++version);
  };
  for (let i = 0; i < 60; i++) {
    const at = Math.floor(next() * (doc.text.length + 1));
    const ch = ['"', '(', '{', '<', 'x', '\u0000'][i % 6];
    const before = doc.text;
    edit(at, at, ch);
    edit(at, at + 1, '');
    assert.equal(doc.text, before);
    assert.equal(doc.skipped, undefined, 'the text is back to an analysable one');
    const fresh = parser.parse(doc.text);
    assert.ok(fresh && doc.current);
    assert.equal(doc.current.rootNode.toString(), fresh.rootNode.toString(), `tree differs after undoing ${JSON.stringify(ch)}`);
    fresh.delete();
    // A different edit afterwards still parses incrementally from the restored tree.
    edit(at, at, ' ');
    const again = parser.parse(doc.text);
    assert.equal(doc.current?.rootNode.toString(), again?.rootNode.toString());
    again?.delete();
  }
  // Every delete went back to the text before its insert (binary inserts included: that version had no tree).
  assert.equal(doc.restored, 60);
  doc.dispose();
  assert.equal(doc.current, null);
});

test('a change whose range is written end-first edits the tree as the text library edits the text', async () => {
  const parser = await sharedParser();
  const doc = new DocumentTree(parser, 'file:///t.rs', 1, SOURCE.repeat(3));
  const next = rng(11);
  const inserts = ['{', '}', '"', 'x', '\n', 'ü', '', 'fn z() {}'];
  for (let version = 2; version < 200; version++) {
    const text = doc.text;
    const a = Math.floor(next() * (text.length + 1));
    const b = Math.min(text.length, a + 1 + Math.floor(next() * 8));
    const insert = inserts[Math.floor(next() * inserts.length)];
    // end before start: the library normalises the range, so the text must come out as for start..end
    doc.update([{ range: { start: doc.document.positionAt(b), end: doc.document.positionAt(a) }, text: insert }], version);
    assert.equal(doc.text, text.slice(0, a) + insert + text.slice(b));
    const fresh = parser.parse(doc.text);
    assert.ok(fresh && doc.current);
    assert.equal(doc.current.rootNode.toString(), fresh.rootNode.toString(), `tree differs after reversed edit ${version}`);
    fresh.delete();
  }
  doc.dispose();
});
