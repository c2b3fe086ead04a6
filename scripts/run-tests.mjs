// Runs every *.test.ts under server/test with node's test runner (TypeScript through tsx).
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join, relative } from 'node:path';

const root = join(import.meta.dirname ?? new URL('.', import.meta.url).pathname, '..');
const filter = process.argv.slice(2);
const files = [];
const walk = (dir) => {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const full = join(dir, e.name);
    if (e.isDirectory()) walk(full);
    else if (e.name.endsWith('.test.ts')) files.push(relative(root, full));
  }
};
walk(join(root, 'server', 'test'));
const chosen = filter.length ? files.filter((f) => filter.some((s) => f.includes(s))) : files;
if (chosen.length === 0) {
  console.error('no test files matched');
  process.exit(1);
}
const r = spawnSync(process.execPath, ['--import', 'tsx', '--test', '--test-concurrency=2', ...chosen.sort()], { cwd: root, stdio: 'inherit' });
process.exit(r.status ?? 1);
