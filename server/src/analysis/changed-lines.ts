/**
 * Changed lines from a unified diff, for reporting only findings a patch introduces (as checkpatch does): the
 * lines each file has in the new version that the diff adds or changes. Reads `git diff` output and plain
 * `diff -u` output; paths are taken after an `a/`/`b/` prefix, quoted git paths are unquoted.
 */
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';

/** 1-based line numbers of the new version, per absolute file path. */
export type ChangedLines = Map<string, Set<number>>;

/** A diff that cannot be read, or git that failed. */
export class DiffError extends Error {}

/** Undoes git's C-style quoting of a path ("a/\303\251.rs"). */
function unquote(name: string): string {
  if (!name.startsWith('"')) return name;
  const bytes: number[] = [];
  const body = name.slice(1, name.lastIndexOf('"'));
  const simple: Record<string, number> = { n: 10, t: 9, r: 13, '"': 34, '\\': 92, a: 7, b: 8, f: 12, v: 11 };
  for (let i = 0; i < body.length; i++) {
    const c = body[i];
    if (c !== '\\') {
      bytes.push(...Buffer.from(c, 'utf8'));
      continue;
    }
    const next = body[i + 1];
    if (/[0-7]/.test(next)) {
      bytes.push(parseInt(body.slice(i + 1, i + 4), 8));
      i += 3;
    } else {
      bytes.push(simple[next] ?? next.charCodeAt(0));
      i++;
    }
  }
  return Buffer.from(bytes).toString('utf8');
}

/** The path a `+++` line names, without its `b/` prefix or a trailing timestamp; undefined for /dev/null. */
function newPath(rest: string): string | undefined {
  let name = rest.startsWith('"') ? unquote(rest.slice(0, rest.indexOf('"', 1) + 1)) : rest.split('\t')[0].trimEnd();
  if (name === '/dev/null') return undefined;
  if (/^[ab]\//.test(name)) name = name.slice(2);
  return name;
}

/**
 * Parses a unified diff; each file's path is resolved against `base` (the folder the diff's paths are relative to).
 * A diff with no file in it is an error: it usually means the wrong file was given.
 */
export function parseUnifiedDiff(text: string, base: string): ChangedLines {
  const out: ChangedLines = new Map();
  const lines = text.split('\n');
  let current: Set<number> | undefined;
  let newLine = 0;
  let remainingOld = 0;
  let remainingNew = 0;
  let sawFile = false;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i].replace(/\r$/, '');
    if (remainingOld > 0 || remainingNew > 0) {
      const c = line[0];
      if (c === '+') {
        current?.add(newLine++);
        remainingNew--;
        continue;
      }
      if (c === '-') {
        remainingOld--;
        continue;
      }
      if (c === ' ' || line === '') {
        newLine++;
        remainingOld--;
        remainingNew--;
        continue;
      }
      if (c === '\\') continue;
      remainingOld = remainingNew = 0;
    }
    if (line.startsWith('+++ ')) {
      sawFile = true;
      const name = newPath(line.slice(4));
      if (name === undefined) current = undefined;
      else {
        const abs = path.resolve(base, name);
        current = out.get(abs) ?? new Set<number>();
        out.set(abs, current);
      }
      continue;
    }
    const hunk = /^@@ -\d+(?:,(\d+))? \+(\d+)(?:,(\d+))? @@/.exec(line);
    if (hunk) {
      remainingOld = hunk[1] === undefined ? 1 : Number(hunk[1]);
      newLine = Number(hunk[2]);
      remainingNew = hunk[3] === undefined ? 1 : Number(hunk[3]);
    }
  }
  if (!sawFile) throw new DiffError('no file in it (expected a unified diff with "+++ " lines)');
  return out;
}

/**
 * Runs `git diff -U0 REV` in `cwd` (the only place the checker starts a program) and parses it; paths are relative
 * to the repository's top folder. REV is passed as one argument, after `--end-of-options`, never through a shell.
 */
export function gitChangedLines(rev: string, cwd: string): ChangedLines {
  const git = (args: string[]): string => {
    const r = spawnSync('git', args, { cwd, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
    if (r.error) throw new DiffError(`cannot run git (${(r.error as NodeJS.ErrnoException).code ?? r.error.message})`);
    if (r.status !== 0) throw new DiffError(`git ${args.filter((a) => !a.startsWith('-c')).join(' ')} failed: ${(r.stderr || '').trim().split('\n')[0]}`);
    return r.stdout;
  };
  const top = git(['rev-parse', '--show-toplevel']).trim();
  const diff = git(['-c', 'core.quotePath=false', 'diff', '-U0', '--no-color', '--no-ext-diff', '--no-textconv', '--src-prefix=a/', '--dst-prefix=b/', '--end-of-options', rev, '--']);
  if (!diff.trim()) return new Map();
  return parseUnifiedDiff(diff, top);
}

/** Whether a finding spanning 0-based lines [start, end] touches a changed line of its file. */
export function touchesChangedLine(changed: ChangedLines, file: string, start: number, end: number): boolean {
  const set = changed.get(path.resolve(file));
  if (!set) return false;
  for (let l = start + 1; l <= end + 1; l++) if (set.has(l)) return true;
  return false;
}
