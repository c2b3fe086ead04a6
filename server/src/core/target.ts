/** Deciding which kernel release to check against: an explicit choice, the kernel tree's Makefile, or the default. */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { NEWEST_RELEASE, NEWEST_STABLE_RELEASE, OLDEST_RELEASE, RELEASES } from '../kb/releases';
import { canonicalTarget, compareReleases, isKnownRelease, parseRelease } from '../kb/version';
import { looksLikeRange, rangeOfReleases, readTargetRange, type TargetRange } from './target-range';

/** Where the target release came from: the setting/flag, the tree around the file, the configured tree
 *  (`kernelRust.kernelTree`, `--kernel-tree`, `KDIR`) for files outside any tree, or the default. */
export type TargetSource = 'setting' | 'Makefile' | 'tree' | 'default';

/** The release analysis runs against, and how it was chosen. */
export interface Target {
  /** The release checked; with a range, its newest release (what hover and completion resolve paths at). */
  release: string;
  source: TargetSource;
  /** Set when the code must build on several releases (`6.12..7.3`, or several configured trees): findings are the
   *  union of each release's, hovers show each era of the range, snippets say which part of it they fit. */
  range?: TargetRange;
  /** The configured trees whose Makefiles gave the range, when it came from several trees. */
  kernelRoots?: string[];
  /** The kernel tree's root when the release came from its Makefile (the file's own tree or the configured one). */
  kernelRoot?: string;
  /** Set when the Makefile named a release the knowledge base does not know. */
  note?: string;
  /** The release the Makefile named when the knowledge base does not know it (the target is then the nearest known). */
  unknownRelease?: string;
  /** A pre-release suffix from the Makefile's EXTRAVERSION, e.g. "rc3". */
  prerelease?: string;
}

/** Only the head of a Makefile is read: the version lines are its first lines in every kernel. */
const MAKEFILE_HEAD_BYTES = 64 * 1024;

/** The release a kernel top-level Makefile names (VERSION, PATCHLEVEL, SUBLEVEL), with EXTRAVERSION's -rcN if any. */
export interface MakefileRelease {
  /** "7.1.5", or "7.1" when SUBLEVEL is 0 or missing. */
  release: string;
  prerelease?: string;
}

/** The version fields of a kernel top-level Makefile, as written (numbers checked). */
export interface MakefileFields {
  version: number;
  patchlevel: number;
  /** Absent when the Makefile has no numeric SUBLEVEL. */
  sublevel?: number;
  extraversion: string;
}

/** Reads VERSION, PATCHLEVEL, SUBLEVEL and EXTRAVERSION from a kernel top-level Makefile's text (its first 64 KiB). */
export function makefileFields(text: string): MakefileFields | undefined {
  const head = text.length > MAKEFILE_HEAD_BYTES ? text.slice(0, MAKEFILE_HEAD_BYTES) : text;
  const field = (name: string): string | undefined => new RegExp(`^${name}[ \\t]*=[ \\t]*(\\S*)[ \\t]*$`, 'm').exec(head)?.[1];
  const number = (v: string | undefined): number | undefined => (v !== undefined && /^\d{1,6}$/.test(v) ? Number(v) : undefined);
  const version = number(field('VERSION'));
  const patchlevel = number(field('PATCHLEVEL'));
  if (version === undefined || patchlevel === undefined) return undefined;
  const sublevel = number(field('SUBLEVEL'));
  return { version, patchlevel, ...(sublevel !== undefined ? { sublevel } : {}), extraversion: field('EXTRAVERSION') ?? '' };
}

/** The release a kernel top-level Makefile's text names, with EXTRAVERSION's -rcN if any. */
export function makefileRelease(text: string): MakefileRelease | undefined {
  const f = makefileFields(text);
  if (!f) return undefined;
  const release = canonicalTarget(`${f.version}.${f.patchlevel}.${f.sublevel ?? 0}`);
  if (!release) return undefined;
  const rc = /^-(rc\d{1,4})$/.exec(f.extraversion);
  return rc ? { release, prerelease: rc[1] } : { release };
}

/** The release the Makefile at `file` names, reading only its head; undefined when it cannot be read or names none. */
export function makefileReleaseAt(file: string): MakefileRelease | undefined {
  try {
    return makefileRelease(readHead(file));
  } catch {
    return undefined;
  }
}

/** Reads the release ("6.15", "7.1.5") from a kernel top-level Makefile's text. */
export function releaseFromMakefile(text: string): string | undefined {
  return makefileRelease(text)?.release;
}

/** A kernel tree found above some file. */
export interface KernelTree {
  root: string;
  release: string;
  prerelease?: string;
}

/** Finds kernel trees by walking up from files, remembering each folder's answer. */
export class KernelTreeLocator {
  private readonly cache = new Map<string, KernelTree | null>();

  /** The nearest folder at or above `start` holding a kernel Makefile next to `rust/kernel/`. */
  find(start: string): KernelTree | undefined {
    const visited: string[] = [];
    let dir = path.resolve(start);
    let found: KernelTree | null = null;
    for (;;) {
      const cached = this.cache.get(dir);
      if (cached !== undefined) {
        found = cached;
        break;
      }
      visited.push(dir);
      const here = this.treeAt(dir);
      if (here) {
        found = here;
        break;
      }
      const parent = path.dirname(dir);
      if (parent === dir) break;
      dir = parent;
    }
    for (const v of visited) this.cache.set(v, found);
    return found ?? undefined;
  }

  /** Forgets what was learned (after a Makefile changes). */
  clear(): void {
    this.cache.clear();
  }

  /** The kernel tree rooted exactly at `dir` (a Makefile naming a release next to `rust/kernel/`), if it is one. */
  treeAt(dir: string): KernelTree | null {
    try {
      if (!fs.statSync(path.join(dir, 'rust', 'kernel')).isDirectory()) return null;
      const makefile = path.join(dir, 'Makefile');
      const stat = fs.statSync(makefile);
      if (!stat.isFile()) return null;
      const found = makefileRelease(readHead(makefile));
      return found ? { root: dir, ...found } : null;
    } catch {
      return null;
    }
  }
}

/** The first bytes of a file as text (a Makefile may be huge or binary; only its head names the release). */
function readHead(file: string): string {
  const fd = fs.openSync(file, 'r');
  try {
    const buf = Buffer.alloc(MAKEFILE_HEAD_BYTES);
    const n = fs.readSync(fd, buf, 0, buf.length, 0);
    return buf.subarray(0, n).toString('utf8');
  } finally {
    fs.closeSync(fd);
  }
}

/** Result of reading a user's target setting. */
export type SettingValue =
  | { kind: 'auto' }
  | { kind: 'release'; release: string }
  | { kind: 'range'; range: TargetRange }
  | { kind: 'invalid'; reason: string };

/**
 * Interprets a `kernelRust.targetVersion` value: "auto", a known release ("7.3", a point release "7.1.5", or a
 * release candidate "7.4-rc2", which targets 7.4), a range of them ("6.12..7.3", "6.12.118..7.3"), or an explained error.
 */
export function readTargetSetting(value: unknown): SettingValue {
  if (value === undefined || value === null || value === '' || value === 'auto') return { kind: 'auto' };
  if (typeof value !== 'string') return { kind: 'invalid', reason: `expected "auto", a release such as "6.15" or a range such as "6.12..7.3", got ${JSON.stringify(value)}` };
  if (looksLikeRange(value)) return readTargetRange(value);
  const parts = parseRelease(value);
  const release = canonicalTarget(value);
  if (!parts || !release || (parts.pre !== undefined && !/^rc\d{1,4}$/.test(parts.pre))) {
    return { kind: 'invalid', reason: `"${value}" is not a kernel release such as "6.15" or "7.1.5"` };
  }
  if (!isKnownRelease(release)) return { kind: 'invalid', reason: `Linux ${release} is not a release this version of Kernel Rust knows (it knows ${OLDEST_RELEASE} to ${NEWEST_RELEASE})` };
  return { kind: 'release', release };
}

/**
 * The target for a file: the explicit release or range if set, else the kernel tree above it, else the configured
 * kernel tree (an out-of-tree module built against it; several trees give the range from the oldest release to the
 * newest), else the newest published release.
 */
export function resolveTarget(explicit: string | undefined, filePath: string | undefined, locator: KernelTreeLocator, configuredTree?: string | readonly string[]): Target {
  if (explicit) {
    if (!looksLikeRange(explicit)) return { release: explicit, source: 'setting' };
    const reading = readTargetRange(explicit);
    if (reading.kind === 'range') return { release: reading.range.hi, source: 'setting', range: reading.range };
    if (reading.kind === 'release') return { release: reading.release, source: 'setting' };
  }
  const own = filePath ? locator.find(path.dirname(filePath)) : undefined;
  if (own) return fromTree(own, 'Makefile');
  const trees = (typeof configuredTree === 'string' ? [configuredTree] : (configuredTree ?? []))
    .map((t) => locator.treeAt(path.resolve(t)))
    .filter((t): t is KernelTree => t !== null)
    .map((t) => fromTree(t, 'tree'));
  if (trees.length > 1) {
    const range = rangeOfReleases(trees.map((t) => t.release));
    const newest = trees.reduce((a, b) => (compareReleases(b.release, a.release) > 0 ? b : a));
    const notes = trees.filter((t) => t.note);
    const kernelRoots = trees.map((t) => t.kernelRoot as string);
    if (range) return { ...newest, release: range.hi, range, kernelRoots, ...(notes.length ? { note: notes.map((t) => t.note).join('; ') } : {}) };
    return { ...newest, kernelRoots };
  }
  if (trees.length === 1) return trees[0];
  return { release: NEWEST_STABLE_RELEASE, source: 'default' };
}

/** The target a kernel tree's Makefile gives, said loudly when the knowledge base does not know that release. */
function fromTree(tree: KernelTree, source: 'Makefile' | 'tree'): Target {
  const pre = tree.prerelease ? { prerelease: tree.prerelease } : {};
  if (isKnownRelease(tree.release)) return { release: tree.release, source, kernelRoot: tree.root, ...pre };
  // The nearest known release not newer than the one named (6.1000 → 6.19, 8.2 → the newest known), else the oldest.
  const clamped = [...RELEASES].reverse().find((r) => compareReleases(r, tree.release) <= 0) ?? OLDEST_RELEASE;
  const newer = compareReleases(tree.release, OLDEST_RELEASE) > 0;
  return {
    release: clamped,
    source,
    kernelRoot: tree.root,
    unknownRelease: tree.release,
    ...pre,
    note:
      `the Makefile says Linux ${tree.release}, which this version of Kernel Rust does not know ` +
      (newer ? `(it knows ${OLDEST_RELEASE} to ${NEWEST_RELEASE}); checking as ${clamped}, so APIs added since then are not recognised — update Kernel Rust` : `(it knows ${OLDEST_RELEASE} and later); checking as ${clamped}`),
  };
}
