import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { RULE_DOC_SUFFIX, ruleDocPath, ruleOfPath, ruleSection } from '../../client/src/rule-sections';
import { targetVersionSchema } from '../../client/src/target-choices';
import { readTargetSetting } from '../src/core/target';
import { Settings } from '../src/features/settings';
import { RELEASES } from '../src/kb/releases';
import { RULES } from '../src/lints/rules';
import { ROOT } from './helpers';

const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
const props = pkg.contributes.configuration.properties as Record<
  string,
  { enum?: string[]; pattern?: string; markdownDescription?: string; additionalProperties?: { enum: string[] }; propertyNames?: { enum: string[] } }
>;

test('every setting the server reads is declared in package.json, and nothing more', () => {
  const declared = Object.keys(props).map((k) => k.replace(/^kernelRust\./, '')).sort();
  const s = new Settings();
  const warnings = s.apply({ targetVersion: 'auto', lints: {}, kernelTree: '' }, RULES.map((r) => r.id));
  assert.deepEqual(warnings, []);
  assert.deepEqual(declared, ['kernelTree', 'lints', 'targetVersion']);
});

test('the target setting is a dropdown of "auto" and every known release, newest first, generated from the registry', () => {
  const prop = props['kernelRust.targetVersion'] as { type: string; default: string; enum?: string[]; enumDescriptions?: string[]; anyOf?: unknown };
  assert.deepEqual(prop.enum, ['auto', ...[...RELEASES].reverse()], 'run `npm run settings:schema` after changing server/src/kb/releases.ts');
  assert.deepEqual({ ...prop, markdownDescription: undefined }, { ...targetVersionSchema(), markdownDescription: undefined });
  assert.equal(prop.enumDescriptions?.length, prop.enum?.length);
  assert.equal(prop.anyOf, undefined, 'an anyOf makes the Settings editor drop the dropdown');
  for (const v of prop.enum ?? []) assert.notEqual(readTargetSetting(v).kind, 'invalid', `${v} is offered but the server refuses it`);
  // Values typed into settings.json beyond the list are still read.
  assert.deepEqual(readTargetSetting('7.1.5'), { kind: 'release', release: '7.1.5' });
  assert.equal(readTargetSetting('7.4-rc2').kind, 'release');
  assert.equal(readTargetSetting('9.9').kind, 'invalid');
  assert.match(prop.enumDescriptions?.[prop.enum?.indexOf('7.4') ?? -1] ?? '', /in development/);
});

test('the extension starts when a folder holding a kernel tree opens, and for Rust files', () => {
  assert.deepEqual([...pkg.activationEvents].sort(), ['onLanguage:rust', 'workspaceContains:**/rust/kernel/lib.rs']);
});

test('the manifest accepts every lint level the server accepts', () => {
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

test('every rule code opens its own section of the packaged docs, through the rule docs editor', () => {
  const lints = fs.readFileSync(path.join(ROOT, 'docs', 'lints.md'), 'utf8');
  for (const rule of RULES) {
    const section = ruleSection(lints, rule.id);
    assert.ok(section, `${rule.id} has no section in docs/lints.md`);
    assert.match(section, new RegExp(`^# ${rule.id}\\n`), 'the rule is the page title');
    assert.match(section, /## What it does/);
    assert.doesNotMatch(section, /<a id=/, 'one rule only');
    assert.equal(ruleOfPath(ruleDocPath(rule.id)), rule.id);
  }
  assert.equal(ruleSection(lints, 'no-such-rule'), undefined);
  const editors = pkg.contributes.customEditors as { viewType: string; selector: { filenamePattern: string }[] }[];
  assert.deepEqual(editors.map((e) => [e.viewType, e.selector[0].filenamePattern]), [['kernelRust.ruleDocs', `*${RULE_DOC_SUFFIX}`]]);
  assert.match(props['kernelRust.lints'].markdownDescription ?? '', /\(command:kernelRust\.showRuleDocs\)/, 'the setting links to the rule docs');
});
