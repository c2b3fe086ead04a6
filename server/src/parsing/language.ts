/** Loads web-tree-sitter and the tree-sitter-rust grammar once, and parses with a time limit. */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Language, Parser, type Tree } from 'web-tree-sitter';

/** The longest a single parse may run before it is abandoned (a failed parse publishes nothing). */
export const PARSE_TIME_LIMIT_MS = 3000;

/** Folders searched for the wasm files: next to the bundle first, then the source layout. */
function wasmSearchDirs(): string[] {
  const here = __dirname;
  return [
    here,
    path.resolve(here, '..', 'grammars'),
    path.resolve(here, '..', '..', '..', 'grammars'),
    path.resolve(here, '..', 'node_modules', 'web-tree-sitter'),
    path.resolve(here, '..', '..', '..', 'node_modules', 'web-tree-sitter'),
  ];
}

/** Full path of a wasm file shipped with the extension; throws a readable error when it is missing. */
export function locateWasm(name: string): string {
  for (const dir of wasmSearchDirs()) {
    const candidate = path.join(dir, name);
    if (fs.existsSync(candidate)) return candidate;
  }
  throw new Error(`cannot find ${name} (looked in ${wasmSearchDirs().join(', ')})`);
}

let loading: Promise<Language> | undefined;

/** The Rust language, loaded once per process. */
export function loadRust(): Promise<Language> {
  loading ??= (async () => {
    await Parser.init({ locateFile: (file: string) => locateWasm(file) });
    return Language.load(locateWasm('tree-sitter-rust.wasm'));
  })();
  return loading;
}

/** A parser set up for Rust. Callers own it and must `delete()` it when done. */
export async function createRustParser(): Promise<Parser> {
  const language = await loadRust();
  const parser = new Parser();
  parser.setLanguage(language);
  return parser;
}

/** Parses `text` (reusing `oldTree` when given); null when the time limit was hit or the parse failed. */
export function parseWithLimit(
  parser: Parser,
  text: string,
  oldTree?: Tree | null,
  limitMs: number = PARSE_TIME_LIMIT_MS,
): Tree | null {
  const deadline = performance.now() + limitMs;
  try {
    return parser.parse(text, oldTree ?? null, {
      progressCallback: (() => performance.now() > deadline) as unknown as () => void,
    });
  } catch {
    return null;
  }
}
