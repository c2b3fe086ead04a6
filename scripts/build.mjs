// Bundles the client, the language server and the CLI with esbuild, and puts both wasm files next to them.
import { build } from 'esbuild';
import { chmodSync, copyFileSync, mkdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const { version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const dist = join(root, 'dist');
mkdirSync(dist, { recursive: true });

const common = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  sourcemap: true,
  logLevel: 'warning',
  // web-tree-sitter's ESM entry breaks inside a CJS bundle; use its CJS build.
  alias: { 'web-tree-sitter': join(root, 'node_modules', 'web-tree-sitter', 'web-tree-sitter.cjs') },
  define: { KERNEL_RUST_VERSION: JSON.stringify(version) },
};

await Promise.all([
  build({ ...common, entryPoints: [join(root, 'client/src/extension.ts')], outfile: join(dist, 'client.js'), external: ['vscode'] }),
  build({ ...common, entryPoints: [join(root, 'server/src/server.ts')], outfile: join(dist, 'server.js') }),
  build({ ...common, entryPoints: [join(root, 'server/src/cli.ts')], outfile: join(dist, 'cli.js') }),
]);
copyFileSync(join(root, 'grammars', 'tree-sitter-rust.wasm'), join(dist, 'tree-sitter-rust.wasm'));
copyFileSync(join(root, 'node_modules', 'web-tree-sitter', 'web-tree-sitter.wasm'), join(dist, 'web-tree-sitter.wasm'));
chmodSync(join(dist, 'cli.js'), 0o755);
chmodSync(join(dist, 'server.js'), 0o755);
console.log('built dist/client.js, dist/server.js, dist/cli.js and the wasm files');
