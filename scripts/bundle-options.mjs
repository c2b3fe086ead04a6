// The esbuild options every bundle of this project is built with: the shipped ones (scripts/build.mjs) and the
// analyser the benchmark times (scripts/bench.ts), so that the benchmark measures the code exactly as it ships.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** Options shared by all bundles; `root` is the project folder. */
export function bundleOptions(root) {
  const { version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  return {
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
}

/** The wasm files a bundle loads at run time, to be copied next to it: [source path, file name]. */
export function wasmFiles(root) {
  return [
    [join(root, 'grammars', 'tree-sitter-rust.wasm'), 'tree-sitter-rust.wasm'],
    [join(root, 'node_modules', 'web-tree-sitter', 'web-tree-sitter.wasm'), 'web-tree-sitter.wasm'],
  ];
}
