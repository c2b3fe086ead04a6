// Bundles the client, the language server and the CLI with esbuild, and puts both wasm files next to them.
import { build } from 'esbuild';
import { chmodSync, copyFileSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { bundleOptions, wasmFiles } from './bundle-options.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dist = join(root, 'dist');
mkdirSync(dist, { recursive: true });

const common = bundleOptions(root);

await Promise.all([
  build({ ...common, entryPoints: [join(root, 'client/src/extension.ts')], outfile: join(dist, 'client.js'), external: ['vscode'] }),
  build({ ...common, entryPoints: [join(root, 'server/src/server.ts')], outfile: join(dist, 'server.js') }),
  build({ ...common, entryPoints: [join(root, 'server/src/cli.ts')], outfile: join(dist, 'cli.js') }),
]);
for (const [from, name] of wasmFiles(root)) copyFileSync(from, join(dist, name));
chmodSync(join(dist, 'cli.js'), 0o755);
chmodSync(join(dist, 'server.js'), 0o755);
console.log('built dist/client.js, dist/server.js, dist/cli.js and the wasm files');
