/**
 * The generated files that list the rules: `lints/rules.ts` (the registry the engine runs) is written from the rule
 * files themselves, so adding a rule is its file plus its fixtures. A rule file is a `lints/<id>.ts` that
 * default-exports `defineRule({ id: '<id>', … })`; everything else under lints/ is the engine or a support folder.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

/** The files of lints/ that are not rules. */
const NOT_RULES = new Set(['engine.ts', 'rules.ts']);

/** The rule ids, from the rule files of `lintsDir`, sorted; throws when a file's id is not its name. */
export function ruleIdsIn(lintsDir: string): string[] {
  const ids: string[] = [];
  for (const name of fs.readdirSync(lintsDir).sort()) {
    if (!name.endsWith('.ts') || NOT_RULES.has(name)) continue;
    const text = fs.readFileSync(path.join(lintsDir, name), 'utf8');
    const id = name.replace(/\.ts$/, '');
    if (!/export default defineRule\(/.test(text)) throw new Error(`lints/${name} is not a rule (rules default-export defineRule); move support code to a folder`);
    const declared = /\bid:\s*'([^']+)'/.exec(text)?.[1];
    if (declared !== id) throw new Error(`lints/${name} declares the id '${declared}'; a rule's id is its file name`);
    ids.push(id);
  }
  return ids;
}

function camel(id: string): string {
  return id.replace(/-([a-z0-9])/g, (_, c: string) => c.toUpperCase());
}

/** The text of lints/rules.ts for these rule ids. */
export function renderRuleList(ids: readonly string[]): string {
  return [
    '/** Every lint rule, in the order they run. Generated from the rule files by `npm run rules:gen`; do not edit by hand. */',
    ...ids.map((id) => `import ${camel(id)} from './${id}';`),
    "import type { Rule } from './engine';",
    '',
    '/** All registered rules. */',
    'export const RULES: readonly Rule[] = [',
    ...ids.map((id) => `  ${camel(id)},`),
    '];',
    '',
  ].join('\n');
}
