// Writes docs/lints.md from the rule metadata (run with `npm run docs:lints`).
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { renderLintDocs } from '../server/src/lints/render-docs';
import { RULES } from '../server/src/lints/rules';

writeFileSync(join(__dirname, '..', 'docs', 'lints.md'), renderLintDocs(RULES));
console.log(`docs/lints.md: ${RULES.length} rules`);
