/** Loads web-tree-sitter and the tree-sitter-rust grammar once, and parses with a time limit. */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Language, Parser, type Tree } from 'web-tree-sitter';

/** The longest a single parse may run before it is abandoned (a failed parse publishes nothing). */
const PARSE_TIME_LIMIT_MS = 3000;

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
function locateWasm(name: string): string {
  for (const dir of wasmSearchDirs()) {
    const candidate = path.join(dir, name);
    if (fs.existsSync(candidate)) return candidate;
  }
  throw new Error(`cannot find ${name} (looked in ${wasmSearchDirs().join(', ')})`);
}

let loading: Promise<Language> | undefined;

/** The parts of web-tree-sitter's Emscripten module that {@link installDirectWordAccess} replaces and uses. */
interface WasmModule {
  getValue: (ptr: number, type?: string) => number;
  setValue: (ptr: number, value: number, type?: string) => void;
  HEAP32: Int32Array;
}

/**
 * Whether node handles go through the direct 32-bit accessors, with the module and the library's own accessors
 * (tests compare the two).
 */
export const marshalling: { direct: boolean; module?: WasmModule; library?: Pick<WasmModule, 'getValue' | 'setValue'> } = { direct: false };

/**
 * Every node web-tree-sitter hands to JavaScript, and every node passed back to it, is copied through a transfer
 * buffer word by word with the module's generic `getValue`/`setValue`, which decode a type string and go through a
 * DataView on each call: a tenth of the rules' time. The options object given to `Parser.init` becomes that module,
 * so after loading, 32-bit words are read and written straight through the module's Int32Array view (the same bytes
 * on a little-endian host, which the DataView path is there to guarantee on big-endian ones). Other types, and any
 * module that does not look as expected, keep the library's own accessors.
 */
function installDirectWordAccess(module: Partial<WasmModule>): void {
  const { getValue, setValue } = module;
  if (os.endianness() !== 'LE' || typeof getValue !== 'function' || typeof setValue !== 'function' || !(module.HEAP32 instanceof Int32Array)) return;
  // The view is read on every call: the module replaces it when the wasm memory grows.
  const m = module as WasmModule;
  m.getValue = (ptr, type = 'i8') => (type === 'i32' ? m.HEAP32[ptr >> 2] : getValue(ptr, type));
  m.setValue = (ptr, value, type = 'i8') => {
    if (type === 'i32') m.HEAP32[ptr >> 2] = value;
    else setValue(ptr, value, type);
  };
  marshalling.direct = true;
  marshalling.module = m;
  marshalling.library = { getValue, setValue };
}

/** The Rust language, loaded once per process. */
function loadRust(): Promise<Language> {
  loading ??= (async () => {
    const module: Record<string, unknown> = { locateFile: (file: string) => locateWasm(file) };
    await Parser.init(module);
    installDirectWordAccess(module as Partial<WasmModule>);
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
