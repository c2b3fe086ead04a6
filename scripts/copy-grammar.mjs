// Copies the Rust grammar wasm from the pinned tree-sitter-rust package into grammars/ and records its origin.
import { createHash } from 'node:crypto';
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(join(root, 'package.json'));
const pkgDir = dirname(require.resolve('tree-sitter-rust/package.json'));
const version = JSON.parse(readFileSync(join(pkgDir, 'package.json'), 'utf8')).version;
const src = join(pkgDir, 'tree-sitter-rust.wasm');
const dest = join(root, 'grammars', 'tree-sitter-rust.wasm');
copyFileSync(src, dest);
const sha256 = createHash('sha256').update(readFileSync(dest)).digest('hex');
const note = { package: 'tree-sitter-rust', version, file: 'tree-sitter-rust.wasm', sha256 };
writeFileSync(join(root, 'grammars', 'tree-sitter-rust.json'), `${JSON.stringify(note, null, 2)}\n`);
console.log(`grammars/tree-sitter-rust.wasm from tree-sitter-rust@${version}, sha256 ${sha256}`);
