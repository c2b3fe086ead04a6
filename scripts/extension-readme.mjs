// Writes the README that goes into the .vsix (dist/extension-readme.md) from docs/extension/README.md: each image
// linked by a relative path becomes an absolute https URL into the repository (package.json `repository`), because
// VS Code's extension page shows only http(s) images: its Markdown sanitizer drops data: URIs and relative paths,
// even to files inside the package. `npm run package` runs this before `vsce package`.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const source = join(root, 'docs', 'extension', 'README.md');
const out = join(root, 'dist', 'extension-readme.md');

/** Where the repository serves its files: https://github.com/OWNER/REPO/raw/HEAD/ for a GitHub repository URL. */
export function rawBase(pkg) {
  const url = typeof pkg.repository === 'string' ? pkg.repository : pkg.repository?.url;
  const m = /^(?:git\+)?https:\/\/github\.com\/([^/]+)\/([^/#]+?)(?:\.git)?\/?$/.exec(url ?? '');
  if (!m) throw new Error(`package.json repository must be an https GitHub URL to link the page's images, got ${url}`);
  return `https://github.com/${m[1]}/${m[2]}/raw/HEAD/`;
}

const base = rawBase(JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')));
let text = readFileSync(source, 'utf8').replace(/^<!--[\s\S]*?-->\n+/, '');
let linked = 0;
text = text.replace(/!\[([^\]]*)\]\(([^)\s]+)\)/g, (whole, alt, href) => {
  if (/^https:/.test(href)) return whole;
  const file = resolve(dirname(source), href);
  if (!existsSync(file)) throw new Error(`${href}: no such image`);
  linked++;
  return `![${alt}](${base}${relative(root, file).split('\\').join('/')})`;
});
mkdirSync(dirname(out), { recursive: true });
writeFileSync(out, text);
console.log(`wrote dist/extension-readme.md (${linked} images linked under ${base})`);
