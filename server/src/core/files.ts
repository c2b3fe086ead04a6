/** Finding the Rust files to check under the paths a user gave, safely: no symlink loops, clear skips. */
import * as fs from 'node:fs';
import * as path from 'node:path';

/** Folders never walked into. */
const IGNORED_DIRS = new Set(['.git', 'target', 'node_modules']);

/** Third-party crates the kernel vendors under rust/; not kernel code, skipped unless asked for. */
const VENDORED_CRATES = new Set(['syn', 'proc-macro2', 'quote']);

/** A file or folder left out, and why. */
export interface Skipped {
  path: string;
  reason: string;
  /** How many .rs files the skip covers (a vendored crate holds many). */
  files: number;
}

/** What walking the user's paths found. */
export interface FileSet {
  files: string[];
  skipped: Skipped[];
  /** Path arguments that could not be read at all. */
  missing: { path: string; message: string }[];
}

function isVendoredCrate(dir: string): boolean {
  const parent = path.dirname(dir);
  return (
    VENDORED_CRATES.has(path.basename(dir)) && path.basename(parent) === 'rust' && fs.existsSync(path.join(parent, 'kernel'))
  );
}

/**
 * Every .rs file below a folder, in a stable order, following each real folder once (symbolic-link loops are safe),
 * stopping after `limit` files. Unreadable folders are passed over.
 */
export function rustFilesUnder(dir: string, limit = Infinity): string[] {
  const out: string[] = [];
  const seen = new Set<string>();
  const stack = [dir];
  while (stack.length && out.length < limit) {
    const d = stack.pop() as string;
    let entries: fs.Dirent[];
    try {
      const real = fs.realpathSync(d);
      if (seen.has(real)) continue;
      seen.add(real);
      entries = fs.readdirSync(d, { withFileTypes: true });
    } catch {
      continue;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    const subdirs: string[] = [];
    for (const e of entries) {
      const full = path.join(d, e.name);
      if (e.isDirectory()) subdirs.push(full);
      else if (e.isFile() && e.name.endsWith('.rs') && out.length < limit) out.push(full);
    }
    for (let i = subdirs.length - 1; i >= 0; i--) stack.push(subdirs[i]);
  }
  return out;
}

/** Walks the given paths for .rs files (files given by name are taken whatever their extension). */
export function collectRustFiles(paths: readonly string[], options: { includeVendored?: boolean } = {}): FileSet {
  const out: FileSet = { files: [], skipped: [], missing: [] };
  const seenDirs = new Set<string>();
  const seenFiles = new Set<string>();
  const addFile = (file: string): void => {
    const abs = path.resolve(file);
    if (!seenFiles.has(abs)) {
      seenFiles.add(abs);
      out.files.push(abs);
    }
  };
  for (const given of paths) {
    let stat: fs.Stats;
    try {
      stat = fs.statSync(given);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      out.missing.push({ path: given, message: code === 'ENOENT' ? 'no such file or folder' : `cannot read (${code ?? String(error)})` });
      continue;
    }
    if (stat.isFile()) {
      addFile(given);
      continue;
    }
    if (!stat.isDirectory()) {
      out.missing.push({ path: given, message: 'not a regular file or folder' });
      continue;
    }
    const stack = [path.resolve(given)];
    while (stack.length) {
      const dir = stack.pop() as string;
      let real: string;
      let entries: fs.Dirent[];
      try {
        real = fs.realpathSync(dir);
        if (seenDirs.has(real)) continue;
        seenDirs.add(real);
        entries = fs.readdirSync(dir, { withFileTypes: true });
      } catch (error) {
        out.skipped.push({ path: dir, reason: `cannot read folder (${(error as NodeJS.ErrnoException).code ?? 'error'})`, files: 0 });
        continue;
      }
      entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
      const subdirs: string[] = [];
      for (const e of entries) {
        const full = path.join(dir, e.name);
        let isDir = e.isDirectory();
        let isFile = e.isFile();
        if (e.isSymbolicLink()) {
          try {
            const s = fs.statSync(full);
            isDir = s.isDirectory();
            isFile = s.isFile();
          } catch (error) {
            const loop = (error as NodeJS.ErrnoException).code === 'ELOOP';
            if (loop || e.name.endsWith('.rs')) out.skipped.push({ path: full, reason: loop ? 'symbolic link loop' : 'broken symbolic link', files: 0 });
            continue;
          }
        }
        if (isDir) {
          if (IGNORED_DIRS.has(e.name)) continue;
          if (!options.includeVendored && isVendoredCrate(full)) {
            out.skipped.push({ path: full, reason: 'vendored third-party crate', files: rustFilesUnder(full).length });
            continue;
          }
          subdirs.push(full);
        } else if (isFile && e.name.endsWith('.rs')) {
          addFile(full);
        } else if (e.name.endsWith('.rs')) {
          // A FIFO, socket or device named like a source file: reading it could block forever.
          out.skipped.push({ path: full, reason: 'not a regular file', files: 0 });
        }
      }
      for (let i = subdirs.length - 1; i >= 0; i--) stack.push(subdirs[i]);
    }
  }
  return out;
}
