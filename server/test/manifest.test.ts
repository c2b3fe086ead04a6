import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { Settings } from '../src/features/settings';
import { RELEASES } from '../src/kb/releases';
import { RULES } from '../src/lints/rules';
import { ROOT } from './helpers';

const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
const props = pkg.contributes.configuration.properties as Record<
  string,
  { enum?: string[]; pattern?: string; additionalProperties?: { enum: string[] }; propertyNames?: { enum: string[] } }
>;

test('every setting the server reads is declared in package.json, and nothing more', () => {
  const declared = Object.keys(props).map((k) => k.replace(/^kernelRust\./, '')).sort();
  const s = new Settings();
  const warnings = s.apply({ targetVersion: 'auto', lints: {}, kernelTree: '' }, RULES.map((r) => r.id));
  assert.deepEqual(warnings, []);
  assert.deepEqual(declared, ['kernelTree', 'lints', 'targetVersion']);
});

test('the manifest accepts every known release and every lint level the server accepts', () => {
  const pattern = new RegExp(props['kernelRust.targetVersion'].pattern ?? '');
  for (const r of ['auto', ...RELEASES]) assert.match(r, pattern);
  assert.deepEqual(props['kernelRust.lints'].additionalProperties?.enum, ['off', 'hint', 'info', 'warning', 'error']);
  assert.deepEqual(props['kernelRust.lints'].propertyNames?.enum, RULES.map((r) => r.id), 'the settings UI lists exactly the registered rules');
});

test('engines.vscode equals the pinned @types/vscode, and the bins point at the bundles', () => {
  assert.equal(pkg.engines.vscode, `^${pkg.devDependencies['@types/vscode']}`);
  assert.equal(pkg.bin['kernel-rust-check'], './dist/cli.js');
  assert.equal(pkg.bin['kernel-rust-language-server'], './dist/server.js');
  for (const [name, version] of Object.entries({ ...pkg.dependencies, ...pkg.devDependencies })) {
    assert.match(String(version), /^\d+\.\d+\.\d+(-[0-9A-Za-z.]+)?$/, `${name} is not pinned exactly`);
  }
});

test('the commands the client registers are the ones package.json contributes', () => {
  const src = fs.readFileSync(path.join(ROOT, 'client', 'src', 'commands.ts'), 'utf8');
  const registered = [...src.matchAll(/'(kernelRust\.[A-Za-z]+)':/g)].map((m) => m[1]).sort();
  const contributed = (pkg.contributes.commands as { command: string }[]).map((c) => c.command).sort();
  assert.deepEqual(registered, contributed);
});
