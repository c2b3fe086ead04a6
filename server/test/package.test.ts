import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { ROOT, tempDir } from './helpers';

const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));

/** Packages exactly as `npm run package` does (its vsce arguments, read from the script), into a temp folder. */
function packageVsix(): { file: string; output: string; list: string[] } {
  const out = path.join(tempDir(), 'kernel-rust.vsix');
  const readme = spawnSync(process.execPath, [path.join(ROOT, 'scripts', 'extension-readme.mjs')], { cwd: ROOT, encoding: 'utf8' });
  assert.equal(readme.status, 0, readme.stderr);
  const script: string = pkg.scripts.package;
  const vsceArgs = /vsce (package .*?) --out \S+/.exec(script)?.[1].split(/\s+/);
  assert.ok(vsceArgs, `npm run package does not run vsce package: ${script}`);
  const vsce = path.join(ROOT, 'node_modules', '@vscode', 'vsce', 'vsce');
  const r = spawnSync(process.execPath, [vsce, ...vsceArgs, '--out', out], { cwd: ROOT, encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr + r.stdout);
  const list = spawnSync('unzip', ['-Z1', out], { encoding: 'utf8' }).stdout.split('\n').filter((f) => f.startsWith('extension/'));
  return { file: out, output: r.stdout + r.stderr, list };
}

const unzipText = (file: string, entry: string): string => spawnSync('unzip', ['-p', file, entry], { encoding: 'utf8', maxBuffer: 64 << 20 }).stdout;
const unzipBytes = (file: string, entry: string): Buffer => spawnSync('unzip', ['-p', file, entry], { maxBuffer: 64 << 20 }).stdout as Buffer;

/** Width and height of a PNG, or undefined when the bytes are not one. */
function pngSize(bytes: Buffer): { width: number; height: number } | undefined {
  if (bytes.length < 24 || bytes.subarray(0, 8).toString('hex') !== '89504e470d0a1a0a' || bytes.subarray(12, 16).toString('ascii') !== 'IHDR') return undefined;
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

test('the .vsix holds the bundles, both wasm files, snippets, docs, icon and changelog, stays under 3 MB, and vsce does not warn', () => {
  const { file, output, list } = packageVsix();
  assert.doesNotMatch(output, /WARNING/, output);
  assert.ok(fs.statSync(file).size < 3 * 1024 * 1024);
  for (const f of ['dist/client.js', 'dist/server.js', 'dist/cli.js', 'dist/tree-sitter-rust.wasm', 'dist/web-tree-sitter.wasm', 'docs/lints.md', 'readme.md', 'changelog.md', 'images/icon.png']) {
    assert.ok(list.includes(`extension/${f}`), `${f} missing from the vsix`);
  }
  const allowed = /^extension\/(package\.json|readme\.md|LICENSE\.txt|changelog\.md|images\/icon\.png|dist\/(client|server|cli)\.js|dist\/[a-z-]+\.wasm|snippets\/.*|docs\/lints\.md)$/;
  assert.deepEqual(list.filter((f) => !allowed.test(f)), [], 'unexpected files in the vsix');
  assert.ok(!list.some((f) => f.endsWith('.rs')), 'no Rust sources (kernel or fixtures) in the vsix');

  const icon = pngSize(unzipBytes(file, 'extension/images/icon.png'));
  assert.ok(icon && icon.width >= 128 && icon.width === icon.height, `the icon is a square PNG of at least 128 px: ${JSON.stringify(icon)}`);
  assert.match(unzipText(file, 'extension.vsixmanifest'), /<Icon>extension\/images\/icon\.png<\/Icon>/);
});

test('the extension page is the user README, and every image on it is an https link to a committed repository file', () => {
  const { file, list } = packageVsix();
  const page = unzipText(file, 'extension/readme.md');
  assert.match(page, /^# Kernel Rust\n/, 'the user page, not the contributor README');
  assert.doesNotMatch(page, /npm ci|\.ci\/run/, 'no contributor set-up on the extension page');
  for (const section of ['## Getting started', '## Settings', '## Other editors and CI']) assert.ok(page.includes(section), section);
  const images = [...page.matchAll(/!\[([^\]]*)\]\(([^)\s]+)\)|<img[^>]*\ssrc="([^"]+)"/g)].map((m) => ({ alt: m[1] ?? '', src: m[2] ?? m[3] }));
  assert.ok(images.length >= 3, 'the page shows screenshots');
  // VS Code's extension page shows only http(s) images: its Markdown sanitizer drops data: URIs and relative paths,
  // even to files inside the package. So each image is a link into the repository, to a file that is committed there.
  const base = `https://github.com/${/github\.com\/([^/]+\/[^/.]+)/.exec(pkg.repository.url)?.[1]}/raw/HEAD/`;
  const tracked = new Set(spawnSync('git', ['ls-files'], { cwd: ROOT, encoding: 'utf8' }).stdout.split('\n'));
  const source = fs.readFileSync(path.join(ROOT, 'docs', 'extension', 'README.md'), 'utf8');
  assert.equal(images.length, [...source.matchAll(/!\[[^\]]*\]\(([^)\s]+)\)/g)].length, 'every image of docs/extension/README.md is on the page');
  for (const [i, img] of images.entries()) {
    assert.ok(img.alt.length > 10, `image ${i} has a description`);
    assert.ok(img.src.startsWith(base), `image ${i} (${img.src.slice(0, 80)}) is not served by the repository (${base})`);
    const file = img.src.slice(base.length);
    assert.ok(fs.existsSync(path.join(ROOT, file)) && pngSize(fs.readFileSync(path.join(ROOT, file))), `image ${i}: ${file} is a PNG in the repository`);
    assert.ok(tracked.has(file), `image ${i}: ${file} is committed, so the repository serves it`);
  }
  assert.ok(list.includes('extension/readme.md'));
});

test('the manifest carries what the Marketplace shows: repository, homepage, bugs, keywords, categories, icon', () => {
  assert.match(pkg.repository?.url ?? '', /^https:\/\//);
  assert.match(pkg.homepage ?? '', /^https:\/\//);
  assert.match(pkg.bugs?.url ?? '', /^https:\/\//);
  assert.ok(pkg.keywords.length >= 5 && pkg.keywords.length <= 30);
  assert.deepEqual(pkg.categories, ['Programming Languages', 'Linters', 'Snippets']);
  assert.ok(fs.existsSync(path.join(ROOT, pkg.icon)));
  assert.match(fs.readFileSync(path.join(ROOT, 'CHANGELOG.md'), 'utf8'), new RegExp(`^## ${pkg.version.replace(/\./g, '\\.')}\\b`, 'm'), 'the changelog has an entry for this version');
});
