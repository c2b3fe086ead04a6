// The server's folders form layers that only point down: a file may import from its own folder and from the folders
// below it, never from one above. This keeps the analysis core free of cycles (a rule cannot reach the engine driver,
// a reader cannot reach a rule) and is what lets each layer be tested on its own.
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, normalize, relative } from 'node:path';
import { test } from 'node:test';

const SRC = join(__dirname, '..', 'src');

/** Lowest first. `.` is the entry points at the top of server/src (server.ts, cli.ts, ...). */
export const LAYERS = ['kb', 'core', 'parsing', 'syntax', 'semantics', 'lints', 'kb/verify', 'analysis', 'features', '.'] as const;

/** The layer a file (relative to server/src) belongs to: the longest layer folder that holds it. */
function layerOf(file: string): string {
  const dir = dirname(file).replace(/\\/g, '/');
  let best = '.';
  for (const l of LAYERS) if (l !== '.' && (dir === l || dir.startsWith(`${l}/`)) && l.length > best.length) best = l;
  if (best === '.' && dir !== '.') throw new Error(`${file} is in a folder that is not a layer (add it to LAYERS)`);
  return best;
}

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sources(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : [],
  );
}

/** Every relative import of every source file: [importer, imported file], both relative to server/src. */
function imports(): [string, string][] {
  const out: [string, string][] = [];
  for (const abs of sources(SRC)) {
    const from = relative(SRC, abs);
    const text = readFileSync(abs, 'utf8');
    for (const m of text.matchAll(/(?:from\s+|import\(\s*)'(\.{1,2}\/[^']+)'/g)) {
      const target = normalize(join(dirname(abs), m[1])).replace(/\.ts$/, '');
      // A folder import (`'../kb'`) is its index.ts.
      const file = existsSync(`${target}.ts`) ? `${target}.ts` : join(target, 'index.ts');
      out.push([from, relative(SRC, file)]);
    }
  }
  return out;
}

test('every import points to the same layer or a lower one', () => {
  const bad = imports()
    .filter(([a, b]) => LAYERS.indexOf(layerOf(b) as never) > LAYERS.indexOf(layerOf(a) as never))
    .map(([a, b]) => `${a} (${layerOf(a)}) imports ${b} (${layerOf(b)})`);
  assert.deepEqual(bad, [], 'imports that point up a layer');
});

test('the layer check sees real imports (it is not vacuous)', () => {
  const all = imports();
  assert.ok(all.length > 200, `only ${all.length} imports found`);
  assert.ok(all.some(([a, b]) => layerOf(a) === 'lints' && layerOf(b) === 'syntax'), 'rules read the syntax readers');
  assert.equal(layerOf('kb/verify/compare.ts'), 'kb/verify');
  assert.equal(layerOf('kb/data/time.ts'), 'kb');
  assert.equal(layerOf('server.ts'), '.');
  assert.throws(() => layerOf('elsewhere/x.ts'), /not a layer/);
});

test('the custom LSP messages are spelled only in core/protocol.ts, which client and server both import', () => {
  const CLIENT = join(__dirname, '..', '..', 'client', 'src');
  const spelled = [...sources(SRC), ...sources(CLIENT)]
    .filter((f) => !f.endsWith(join('core', 'protocol.ts')))
    .filter((f) => /['"`]kernelRust\/[A-Za-z]+['"`]/.test(readFileSync(f, 'utf8')))
    .map((f) => relative(join(SRC, '..', '..'), f));
  assert.deepEqual(spelled, []);
  const protocol = readFileSync(join(SRC, 'core', 'protocol.ts'), 'utf8');
  assert.ok((protocol.match(/'kernelRust\/[A-Za-z]+'/g) ?? []).length >= 4, 'protocol.ts names the messages');
});
