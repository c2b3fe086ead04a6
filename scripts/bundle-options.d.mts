// Types for scripts/bundle-options.mjs, which the build runs as plain JavaScript and the benchmark imports.
import type { BuildOptions } from 'esbuild';

export function bundleOptions(root: string): BuildOptions;
export function wasmFiles(root: string): [string, string][];
