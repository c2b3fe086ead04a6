// The shared file structure (syntax/structure.ts) is found from the text: keywords, `::`, `#[` and `!` spots, each
// checked against the node tree-sitter puts around it. Here it is compared with what a tree-sitter query over every
// node captures, which is simple enough to be the reference, on our fixtures, generated kernel-style files and
// randomly broken versions of them, whole and focused on single top-level items.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { Query, type Node, type Tree } from 'web-tree-sitter';
import { generateFile, Rng } from '../../scripts/bench-corpus';
import { analyzeTree } from '../src/analysis/analyze';
import { STRUCTURE_NODE_TYPES, STRUCTURE_QUERY, searchBudget, structureOf } from '../src/syntax/structure';
import { withSession } from '../src/parsing/tree-session';
import { positionsIn, walk } from '../src/parsing/walk';
import { fixtureFiles } from './fixture-harness';
import { ROOT, sharedParser } from './helpers';

const TYPES: readonly string[] = STRUCTURE_NODE_TYPES;

const REFERENCE = STRUCTURE_QUERY;

let query: Query | undefined;

/** What the reference query captures under `tops`, as comparable lines. */
function expected(tree: Tree, tops: readonly Node[]): string[] {
  query ??= new Query(tree.language, REFERENCE);
  const out: string[] = [];
  for (const top of tops) {
    for (const { name, node } of query.captures(top)) if (!name.startsWith('_')) out.push(`${name} ${node.startIndex}-${node.endIndex} ${node.type}`);
  }
  return out;
}

/** What structure.ts found, in its own order, as the same lines. */
function actual(tree: Tree, text: string, focus?: readonly Node[]): { ordered: string[]; spans: string[]; extras: string[]; plain: string[] } {
  return withSession(
    () => {
      const s = structureOf(tree.rootNode);
      const root = tree.rootNode;
      return {
        ordered: s.ordered.map(({ name, node }) => `${name} ${node.startIndex}-${node.endIndex} ${node.type}`),
        spans: s.all.map((x) => `${x.type} ${x.start}-${x.end}`),
        extras: [...s.extra].flatMap(([name, nodes]) => nodes.map((n) => `${name} ${n.startIndex}-${n.endIndex}`)),
        // Plain paths that the tree has a path node for, spanning exactly the same text.
        plain: s.plainPaths
          .filter((p) => {
            const n = root.namedDescendantForIndex(p.start, p.end);
            return !!n && n.startIndex === p.start && n.endIndex === p.end && n.type.startsWith('scoped_');
          })
          .map((p) => `${p.start}-${p.end}`),
      };
    },
    { tree, text, focus },
  );
}

/**
 * Compares with the reference query: every capture other than paths in the same order; the paths as the reference's
 * outermost paths (those not inside a longer one), which are either plain runs of text or captured from the tree.
 */
function compare(tree: Tree, text: string, label: string, focus?: readonly Node[]): void {
  const want = expected(tree, focus ?? [tree.rootNode]);
  const got = actual(tree, text, focus);
  const notPath = (l: string): boolean => !l.startsWith('path ') && !l.startsWith('inner ');
  assert.deepEqual(got.ordered.filter(notPath), want.filter(notPath), `${label}: captures differ from the reference query`);
  const spans = want.filter((l) => TYPES.includes(l.split(' ')[0])).map((l) => l.split(' ').slice(0, 2).join(' '));
  assert.deepEqual(got.spans, spans, `${label}: structure spans`);
  const range = (l: string): string => l.split(' ')[1];
  const innerWant = new Set(want.filter((l) => l.startsWith('inner ')).map(range));
  const outerWant = want.filter((l) => l.startsWith('path ') && !innerWant.has(range(l))).map(range).sort();
  const innerGot = new Set(got.ordered.filter((l) => l.startsWith('inner ')).map(range));
  const outerGot = [...got.ordered.filter((l) => l.startsWith('path ') && !innerGot.has(range(l))).map(range), ...got.plain].sort();
  assert.deepEqual(outerGot, outerWant, `${label}: outermost paths`);
  for (const r of innerGot) assert.ok(innerWant.has(r), `${label}: ${r} is not an inner path`);
  const byName = ['constructor_call', 'init_let'].flatMap((n) => want.filter((l) => l.startsWith(`${n} `)).map((l) => l.split(' ').slice(0, 2).join(' ')));
  assert.deepEqual(got.extras.filter((l) => !l.startsWith('path ') && !l.startsWith('inner ')), byName, `${label}: extra captures`);
}

/** Every fixture of the project, lints, hovers and sample code alike. */
function allFixtures(): string[] {
  return fixtureFiles(path.join(ROOT, 'test-fixtures'));
}

test('the structure equals the reference query on every fixture, whole and one top-level item at a time', async () => {
  const parser = await sharedParser();
  const files = allFixtures();
  assert.ok(files.length > 60, 'fixtures found');
  for (const file of files) {
    const text = fs.readFileSync(file, 'utf8');
    const tree = parser.parse(text);
    assert.ok(tree);
    compare(tree, text, path.relative(ROOT, file));
    for (const top of tree.rootNode.children) if (top) compare(tree, text, `${path.relative(ROOT, file)} @${top.startIndex}`, [top]);
    tree.delete();
  }
});

test('the structure equals the reference query on generated files and on randomly broken versions of them', async () => {
  const parser = await sharedParser();
  const rng = new Rng(23);
  const pieces = ['::', '#[', '#![', '!', '!=', '(', '{', '"', "'", '<', 'struct ', 'impl ', 'let x = f();', 'use a::b;', '/*', 'r#', 'a::b::c', '\n'];
  for (let f = 0; f < 4; f++) {
    let text = generateFile(600, 100 + f, `structure_${f}`);
    for (let round = 0; round < 30; round++) {
      const tree = parser.parse(text);
      assert.ok(tree);
      compare(tree, text, `file ${f} round ${round}`);
      const tops = tree.rootNode.children.filter((n): n is Node => n !== null);
      const pick = tops.filter(() => rng.int(4) === 0);
      if (pick.length > 0) compare(tree, text, `file ${f} round ${round} focused`, pick);
      tree.delete();
      // Break (or mend) the text somewhere for the next round.
      const at = rng.int(text.length);
      text = rng.int(3) === 0 ? text.slice(0, at) + text.slice(at + 1 + rng.int(6)) : text.slice(0, at) + rng.pick(pieces) + text.slice(at);
    }
  }
});

test('comments and literals are stepped over as the lexer reads them, in a file without errors', async () => {
  const parser = await sharedParser();
  const text = [
    '//! Crate docs: `use kernel::sync::Mutex;` and `pin_init!(Foo { a <- b })`.',
    '/* A block comment /* nested, with "a quote */ still inside: struct Hidden; */',
    '#[doc = "a string with // no comment, a \\" quote and #[fake] attribute"]',
    'struct Shown<\'a> {',
    '    s: &\'a str,',
    '}',
    'fn f<\'b>(x: &\'b u8) -> char {',
    // After each literal, code with captures: a literal read too long would swallow them.
    '    let q = \'"\';',
    '    let c1 = m1!(a::b::new(1));',
    '    let e = \'\\\'\';',
    '    let c2 = m2!(1);',
    '    let u = \'\\u{1F600}\';',
    '    let c3 = m3!(1);',
    '    let wide = \'😀\';',
    '    let c4 = m4!(1);',
    '    let byte = b\'x\';',
    '    let c5 = m5!(1);',
    '    let r = r#"raw "quoted" // not a comment; use a::b; "#;',
    '    let c6 = m6!(1);',
    '    let r0 = r"raw \\ backslash";',
    '    let c7 = m7!(1);',
    '    let br = br##"bytes "# still raw"##;',
    '    let c8 = m8!(1);',
    '    let s = "escaped \\" quote and backslash \\\\";',
    '    let c9 = m9!(1);',
    '    let label = \'outer: loop { break \'outer; };',
    '    let c10 = m10!(1);',
    '    let m = kernel::pr_info!("in a string: impl X for Y {{}}");',
    '    let n = a::b::new(/* c */ 1);',
    '    q',
    '}',
    'impl<\'c> Shown<\'c> { fn g(&self) {} }',
    '',
  ].join('\n');
  const tree = parser.parse(text);
  assert.ok(tree);
  assert.equal(tree.rootNode.hasError, false, 'the sample parses cleanly, so the lexer path is taken');
  compare(tree, text, 'comments and literals');
  const spans = actual(tree, text).spans;
  assert.ok(!spans.some((l) => l.startsWith('struct_item') && text.slice(Number(l.split(' ')[1].split('-')[0])).startsWith('struct Hidden')));
  // Every macro call after a literal is found (the query comparison above checks them too; this says why they are there).
  assert.equal(spans.filter((l) => l.startsWith('macro_invocation')).length, 11);
  tree.delete();
});

test('very long literals and deeply nested comments are stepped over whole', async () => {
  const parser = await sharedParser();
  const bodies = ['a'.repeat(400_000), 'a\\"'.repeat(100_000), '\\\\'.repeat(100_000)];
  const texts = [
    ...bodies.map((b) => `fn f() {\n    let s = "${b}";\n    kernel::pr_info!("x");\n}\n`),
    `fn f() {\n    let s = r#"${'x"'.repeat(100_000)}"#;\n    kernel::pr_info!("x");\n}\n`,
    `/* ${'/* '.repeat(20_000)}${' */'.repeat(20_000)} */\nfn g() {\n    kernel::pr_info!("x");\n}\n`,
  ];
  for (const text of texts) {
    const tree = parser.parse(text);
    assert.ok(tree);
    assert.equal(tree.rootNode.hasError, false);
    const spans = actual(tree, text).spans;
    assert.deepEqual(spans.map((l) => l.split(' ')[0]), ['macro_invocation'], text.slice(0, 40));
    tree.delete();
  }
});

test('lets and macro calls the text search could misread are found as the reference query finds them', async () => {
  const parser = await sharedParser();
  const text = [
    'fn f() {',
    '    let a = "x;y".len();',
    "    let b = ';'.len_utf8();",
    '    let c = // note;',
    '        make();',
    '    let d = 1 + 2;',
    '    let e = m! /* c */ (1);',
    '    let g = !ready;',
    '    let h = !(a && b);',
    '    let i = !matches!(x, Some(_));',
    '    let j = v[0];',
    '    let k = x != y;',
    '    let (l, m) = pair();',
    '    let mut n = make();',
    '    let _ = make();',
    '    let Some(o) = maybe() else { return; };',
    '    let p: u32 = make();',
    '    let r#type = make();',
    '    let union = make();',
    '    let Q::R = make();',
    '    let s @ Some(_) = maybe();',
    '    let &t = make();',
    '    let [u, v] = pair();',
    '    let W = bang!();',
    '    let é = make();',
    '    let mut /* c */ x = make();',
    '    let y',
    '        = make();',
    '    let(z, zz) = pair();',
    '    let ref rr = make();',
    '}',
    '',
  ].join('\n');
  const tree = parser.parse(text);
  assert.ok(tree);
  compare(tree, text, 'tricky lets and bangs');
  const lets = actual(tree, text).extras.filter((l) => l.startsWith('init_let')).length;
  // a, b, c, e, n, p, r#type, union, W, é, x and y bind a call or a macro call to a plain name (i binds a negation; `_`,
  // tuple, slice, reference, `ref`, `@`, path and `Some(…)` patterns are not plain names).
  assert.equal(lets, 12);
  tree.delete();
});

test('positions computed from line starts are the ones tree-sitter gives, with CRLF and characters outside ASCII', async () => {
  const parser = await sharedParser();
  const texts = [
    'fn a() {}\r\n// ünïcödé 🦀 comment\r\nstruct S { x: u8 }\r\n',
    '\n\n  /* 🦀🦀 */ fn b() -> &\'static str { "ß\u2028x" }\nimpl S {}\n',
    ...allFixtures().map((f) => fs.readFileSync(f, 'utf8')),
  ];
  let nodes = 0;
  for (const text of texts) {
    const tree = parser.parse(text);
    assert.ok(tree);
    const at = positionsIn(text);
    walk(tree.rootNode, (n) => {
      assert.deepEqual(at(n.startIndex), { line: n.startPosition.row, character: n.startPosition.column });
      assert.deepEqual(at(n.endIndex), { line: n.endPosition.row, character: n.endPosition.column });
      nodes++;
    });
    tree.delete();
  }
  assert.ok(nodes > 5000, `${nodes} nodes`);
});

test('a node the text search gives up on (too deep to search spot by spot) is read with the query, to the same findings', async () => {
  const parser = await sharedParser();
  // Every top-level node through the query, as if each ran out of time, against the text search.
  const texts = [generateFile(900, 61, 'budget'), ...allFixtures().filter((f) => f.includes(`${path.sep}lints${path.sep}`)).map((f) => fs.readFileSync(f, 'utf8'))];
  for (const target of ['6.14', '6.16', '6.18']) {
    for (const text of texts) {
      const tree = parser.parse(text);
      assert.ok(tree);
      const searched = analyzeTree(tree, text, { target });
      searchBudget.ms = 0;
      try {
        assert.deepEqual(analyzeTree(tree, text, { target }), searched, `${text.slice(0, 50)} @${target}`);
      } finally {
        searchBudget.ms = 25;
      }
      tree.delete();
    }
  }
  // And a really deep one finishes (the spot-by-spot search alone would take the square of its depth).
  const deep = 20_000;
  const text = `fn f() { pin_init!(${'[try_init a::new('.repeat(deep)}HrTimer::new()${')]'.repeat(deep)}); }\n`;
  const tree = parser.parse(text);
  assert.ok(tree);
  assert.deepEqual(analyzeTree(tree, text, { target: '6.16' }), []);
  tree.delete();
});
