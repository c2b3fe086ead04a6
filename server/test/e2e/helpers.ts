/** Shared pieces of the editor end-to-end suites: fresh workspace copies, condition waits, failure artifacts. */
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';

/** The repository root. */
export const ROOT = path.resolve(__dirname, '..', '..', '..');

/** The kernel tree the editors open (copied per run, never edited in place). */
export const FIXTURE = path.join(ROOT, 'test-fixtures', 'e2e-kernel');

/** Where screenshots and failure artifacts go (git-ignored). */
export const OUTPUT = path.join(ROOT, '.test-output', 'e2e');

/** When set, the suites copy their screenshots into docs/ as the README's pictures. */
export const UPDATE_DOCS = process.env.KERNEL_RUST_E2E_UPDATE_DOCS === '1';

/** A fresh folder for one run; removed at exit unless KERNEL_RUST_E2E_KEEP=1. */
export function runDir(prefix: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  if (process.env.KERNEL_RUST_E2E_KEEP !== '1') process.on('exit', () => fs.rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/** Copies the fixture kernel tree into `dir/kernel` and returns that path. */
export function copyFixture(dir: string): string {
  const target = path.join(dir, 'kernel');
  fs.cpSync(FIXTURE, target, { recursive: true });
  return target;
}

/** Zero-based line and UTF-16 column of the `nth` (1-based) occurrence of `needle`, plus `delta` characters. */
export function positionOf(text: string, needle: string, delta = 0, nth = 1): { line: number; character: number } {
  let at = -1;
  for (let i = 0; i < nth; i++) {
    at = text.indexOf(needle, at + 1);
    if (at < 0) throw new Error(`fixture lacks occurrence ${nth} of ${JSON.stringify(needle)}`);
  }
  const before = text.slice(0, at + delta);
  const line = before.split('\n').length - 1;
  return { line, character: before.length - (before.lastIndexOf('\n') + 1) };
}

/** XDG base folders under `dir`, so a run writes nothing into the home folder. */
export function xdgIn(dir: string): Record<string, string> {
  return Object.fromEntries(['XDG_CONFIG_HOME', 'XDG_CACHE_HOME', 'XDG_DATA_HOME', 'XDG_STATE_HOME'].map((k) => [k, path.join(dir, k.slice(4, -5).toLowerCase())]));
}

/** A TCP port that was free a moment ago on the loopback interface. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

/**
 * Polls `probe` until it returns a value other than undefined/false, or fails after `timeoutMs` with `what` and the
 * last value or error seen. Every wait in the suites goes through here or through an editor-side condition.
 */
export async function waitFor<T>(what: string, probe: () => Promise<T | undefined | false> | T | undefined | false, timeoutMs = 30000, everyMs = 100): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const v = await probe();
      if (v !== undefined && v !== false) return v;
      last = v;
    } catch (error) {
      last = error instanceof Error ? error.message : error;
    }
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what} (last: ${String(last)})`);
    await new Promise((r) => setTimeout(r, everyMs));
  }
}

/** Copies a file or folder into the artifact folder (best effort: artifacts must not hide the real failure). */
export function keepArtifact(from: string, name: string): string | undefined {
  try {
    fs.mkdirSync(OUTPUT, { recursive: true });
    const to = path.join(OUTPUT, name);
    fs.rmSync(to, { recursive: true, force: true });
    fs.cpSync(from, to, { recursive: true });
    return to;
  } catch {
    return undefined;
  }
}

/** Every file under `dir` whose name satisfies `match`. */
export function findFiles(dir: string, match: (name: string) => boolean): string[] {
  const out: string[] = [];
  const stack = [dir];
  while (stack.length) {
    const d = stack.pop() as string;
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(d, { withFileTypes: true });
    } catch {
      continue;
    }
    for (const e of entries) {
      const full = path.join(d, e.name);
      if (e.isDirectory()) stack.push(full);
      else if (match(e.name)) out.push(full);
    }
  }
  return out.sort();
}
