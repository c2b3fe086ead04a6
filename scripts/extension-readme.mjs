// Writes the README that goes into the .vsix (dist/extension-readme.md) from docs/extension/README.md: each image
// linked by a relative path is embedded as a data: URI, because VS Code's extension page only loads https: and data:
// images (a relative path resolves nowhere there). `npm run package` runs this before `vsce package`.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, extname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const source = join(root, 'docs', 'extension', 'README.md');
const out = join(root, 'dist', 'extension-readme.md');
const TYPES = { '.png': 'image/png', '.jpg': 'image/jpeg', '.jpeg': 'image/jpeg', '.gif': 'image/gif' };

let text = readFileSync(source, 'utf8').replace(/^<!--[\s\S]*?-->\n+/, '');
let embedded = 0;
text = text.replace(/!\[([^\]]*)\]\(([^)\s]+)\)/g, (whole, alt, href) => {
  if (/^(https?|data):/.test(href)) return whole;
  const file = resolve(dirname(source), href);
  const type = TYPES[extname(file).toLowerCase()];
  if (!type) throw new Error(`${href}: only PNG, JPEG and GIF images can be embedded`);
  embedded++;
  return `![${alt}](data:${type};base64,${readFileSync(file).toString('base64')})`;
});
mkdirSync(dirname(out), { recursive: true });
writeFileSync(out, text);
console.log(`wrote dist/extension-readme.md (${embedded} images embedded)`);
