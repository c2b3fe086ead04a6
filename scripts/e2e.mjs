// Runs the editor end-to-end suites (server/test/e2e/*.e2e.ts): builds the bundles, installs code-server into its
// cache folder when missing, then runs each suite with node's test runner, one at a time.
//   node scripts/e2e.mjs [substring...]   e.g. `npm run test:e2e -- neovim`
// Environment: KERNEL_RUST_E2E_UPDATE_DOCS=1 copies the screenshots into docs/; KERNEL_RUST_E2E_KEEP=1 keeps run folders.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const root = join(import.meta.dirname ?? new URL('.', import.meta.url).pathname, '..');
const dir = join(root, 'server', 'test', 'e2e');
const filter = process.argv.slice(2);
const all = readdirSync(dir).filter((f) => f.endsWith('.e2e.ts')).sort();
const chosen = filter.length ? all.filter((f) => filter.some((s) => f.includes(s))) : all;
if (chosen.length === 0) {
  console.error('no end-to-end suite matched');
  process.exit(1);
}

const step = (what, cmd, args) => {
  const t = Date.now();
  const r = spawnSync(cmd, args, { cwd: root, stdio: ['ignore', 'inherit', 'inherit'] });
  if (r.status !== 0) {
    console.error(`e2e: ${what} failed (status ${r.status})`);
    process.exit(r.status ?? 1);
  }
  console.error(`e2e: ${what} took ${((Date.now() - t) / 1000).toFixed(1)} s`);
};

// Say early, and plainly, what is missing on this machine.
const missing = [];
if (chosen.some((f) => f.startsWith('vscode')) && !existsSync(process.env.CHROMIUM_PATH ?? '/usr/bin/chromium')) missing.push('chromium (apt-get install -y chromium)');
if (chosen.some((f) => f.startsWith('neovim')) && spawnSync('sh', ['-c', 'command -v nvim']).status !== 0) missing.push('neovim (apt-get install -y neovim)');
if (missing.length) {
  console.error(`e2e: missing ${missing.join(', ')}; .ci/run installs them`);
  process.exit(1);
}

// Artifacts of an earlier run would mislead: start from an empty .test-output/e2e.
rmSync(join(root, '.test-output', 'e2e'), { recursive: true, force: true });
step('build', process.execPath, [join(root, 'scripts', 'build.mjs')]);
if (chosen.some((f) => f.startsWith('vscode'))) step('code-server setup', 'bash', [join(root, 'scripts', 'setup-code-server.sh')]);
// The suites bound every wait; this bounds the whole run as well, in case a browser or editor never lets go.
const LIMIT_MS = 30 * 60 * 1000;
const child = spawn(process.execPath, ['--import', 'tsx', '--test', '--test-concurrency=1', ...chosen.map((f) => join('server', 'test', 'e2e', f))], {
  cwd: root,
  stdio: 'inherit',
  detached: true,
});
const stopAll = (why) => {
  console.error(`e2e: ${why}; stopping the suites`);
  try {
    process.kill(-child.pid, 'SIGKILL');
  } catch {
    /* already gone */
  }
};
const guard = setTimeout(() => stopAll(`still running after ${LIMIT_MS / 60000} minutes`), LIMIT_MS);
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => stopAll(`got ${sig}`));
child.on('exit', (code, signal) => {
  clearTimeout(guard);
  process.exit(code ?? (signal ? 1 : 0));
});
