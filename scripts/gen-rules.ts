// Writes what is generated from the rule files: server/src/lints/rules.ts (the registry), the rule ids of the
// `kernelRust.lints` setting in package.json, and docs/lints.md. Run after adding or changing a rule:
// `npm run rules:gen`. A test fails when any of them is out of date.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { spawnSync } from 'node:child_process';
import { renderLintDocs } from '../server/src/lints/docs/render-docs';
import { renderRuleList, ruleIdsIn } from '../server/src/lints/docs/rule-list';
import { RULES } from '../server/src/lints/rules';

const root = path.join(__dirname, '..');
const write = (file: string, text: string): boolean => {
  const abs = path.join(root, file);
  const changed = !fs.existsSync(abs) || fs.readFileSync(abs, 'utf8') !== text;
  if (changed) fs.writeFileSync(abs, text);
  console.log(`${file}: ${changed ? 'updated' : 'up to date'}`);
  return changed;
};

const ids = ruleIdsIn(path.join(root, 'server', 'src', 'lints'));
const listChanged = write('server/src/lints/rules.ts', renderRuleList(ids));

if (listChanged && !process.argv.includes('--list-written')) {
  // The docs and the settings describe the registry just written: read it in a fresh process.
  const r = spawnSync(process.execPath, [...process.execArgv, __filename, '--list-written'], { stdio: 'inherit' });
  process.exit(r.status ?? 1);
}
write('docs/lints.md', renderLintDocs(RULES));
const pkgText = fs.readFileSync(path.join(root, 'package.json'), 'utf8');
const pkg = JSON.parse(pkgText);
pkg.contributes.configuration.properties['kernelRust.lints'].propertyNames.enum = RULES.map((r) => r.id);
write('package.json', JSON.stringify(pkg, null, 2) + '\n');
console.log(`${RULES.length} rules`);
