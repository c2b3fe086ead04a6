/** Shared test helpers: a parser, temp folders, and the repo root. */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Parser } from 'web-tree-sitter';
import { createRustParser } from '../src/parsing/language';

/** The repository root. */
export const ROOT = path.resolve(__dirname, '..', '..');

let parser: Promise<Parser> | undefined;

/** One Rust parser shared by a test file. */
export function sharedParser(): Promise<Parser> {
  parser ??= createRustParser();
  return parser;
}

/** A fresh temporary folder, removed when the process exits. */
export function tempDir(prefix = 'kr-test-'): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  process.on('exit', () => fs.rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/** Writes files (relative path → contents) under a folder. */
export function writeTree(dir: string, files: Record<string, string>): void {
  for (const [rel, text] of Object.entries(files)) {
    const full = path.join(dir, rel);
    fs.mkdirSync(path.dirname(full), { recursive: true });
    fs.writeFileSync(full, text);
  }
}

/** A minimal kernel tree: top Makefile with the release, and an empty rust/kernel folder. */
export function kernelTree(dir: string, release: string, files: Record<string, string> = {}): string {
  const [major, minor] = release.split('.');
  writeTree(dir, {
    Makefile: `# SPDX-less test Makefile\nVERSION = ${major}\nPATCHLEVEL = ${minor}\nSUBLEVEL = 0\nEXTRAVERSION =\nNAME = Test\n`,
    'rust/kernel/lib.rs': '//! stub kernel crate for tests\n',
    ...files,
  });
  return dir;
}

/** One finding of the CLI's `--format json` output. */
export interface CliJsonFinding {
  path: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  rule: string;
  message: string;
  targetVersion?: string;
}
