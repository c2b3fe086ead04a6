import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { ROOT, tempDir } from './helpers';

test('the .vsix holds the bundles, both wasm files, snippets and docs, and stays under 3 MB', () => {
  const out = path.join(tempDir(), 'kernel-rust.vsix');
  const vsce = path.join(ROOT, 'node_modules', '@vscode', 'vsce', 'vsce');
  const r = spawnSync(process.execPath, [vsce, 'package', '--no-dependencies', '--no-rewrite-relative-links', '--out', out], { cwd: ROOT, encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr + r.stdout);
  assert.ok(fs.statSync(out).size < 3 * 1024 * 1024);
  const list = spawnSync('unzip', ['-Z1', out], { encoding: 'utf8' }).stdout.split('\n').filter((f) => f.startsWith('extension/'));
  for (const f of ['dist/client.js', 'dist/server.js', 'dist/cli.js', 'dist/tree-sitter-rust.wasm', 'dist/web-tree-sitter.wasm', 'docs/lints.md']) {
    assert.ok(list.includes(`extension/${f}`), `${f} missing from the vsix`);
  }
  const allowed = /^extension\/(package\.json|readme\.md|LICENSE\.txt|changelog\.md|dist\/(client|server|cli)\.js|dist\/[a-z-]+\.wasm|snippets\/.*|docs\/lints\.md)$/;
  assert.deepEqual(list.filter((f) => !allowed.test(f)), [], 'unexpected files in the vsix');
  assert.ok(!list.some((f) => f.endsWith('.rs')), 'no Rust sources (kernel or fixtures) in the vsix');
});
