/** Deciding which kernel release to check against: an explicit choice, the kernel tree's Makefile, or the default. */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { NEWEST_RELEASE, OLDEST_RELEASE } from '../kb/releases';
import { compareReleases, isKnownRelease, normalizeRelease } from '../kb/version';

/** Where the target release came from. */
export type TargetSource = 'setting' | 'Makefile' | 'default';

/** The release analysis runs against, and how it was chosen. */
export interface Target {
  release: string;
  source: TargetSource;
  /** The kernel tree's root when the release came from its Makefile. */
  kernelRoot?: string;
  /** Set when the Makefile named a release the knowledge base does not know. */
  note?: string;
}

/** Reads VERSION and PATCHLEVEL from a kernel top-level Makefile's text. */
export function releaseFromMakefile(text: string): string | undefined {
  const version = /^VERSION\s*=\s*(\d+)\s*$/m.exec(text);
  const patch = /^PATCHLEVEL\s*=\s*(\d+)\s*$/m.exec(text);
  if (!version || !patch) return undefined;
  return `${Number(version[1])}.${Number(patch[1])}`;
}

/** A kernel tree found above some file. */
export interface KernelTree {
  root: string;
  release: string;
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

  private treeAt(dir: string): KernelTree | null {
    try {
      if (!fs.statSync(path.join(dir, 'rust', 'kernel')).isDirectory()) return null;
      const makefile = path.join(dir, 'Makefile');
      const stat = fs.statSync(makefile);
      if (!stat.isFile() || stat.size > 512 * 1024) return null;
      const release = releaseFromMakefile(fs.readFileSync(makefile, 'utf8'));
      return release ? { root: dir, release } : null;
    } catch {
      return null;
    }
  }
}

/** Result of reading a user's target setting. */
export type SettingValue = { kind: 'auto' } | { kind: 'release'; release: string } | { kind: 'invalid'; reason: string };

/** Interprets a `kernelRust.targetVersion` value: "auto", a known release, or an explained error. */
export function readTargetSetting(value: unknown): SettingValue {
  if (value === undefined || value === null || value === '' || value === 'auto') return { kind: 'auto' };
  if (typeof value !== 'string') return { kind: 'invalid', reason: `expected "auto" or a release such as "6.15", got ${JSON.stringify(value)}` };
  const release = normalizeRelease(value);
  if (!release) return { kind: 'invalid', reason: `"${value}" is not a kernel release such as "6.15"` };
  if (!isKnownRelease(release)) return { kind: 'invalid', reason: `Linux ${release} is not a release this version of Kernel Rust knows` };
  return { kind: 'release', release };
}

/** The target for a file: the explicit release if set, else the kernel tree above it, else the newest known. */
export function resolveTarget(explicit: string | undefined, filePath: string | undefined, locator: KernelTreeLocator): Target {
  if (explicit) return { release: explicit, source: 'setting' };
  const tree = filePath ? locator.find(path.dirname(filePath)) : undefined;
  if (tree) {
    if (isKnownRelease(tree.release)) return { release: tree.release, source: 'Makefile', kernelRoot: tree.root };
    const clamped = compareReleases(tree.release, NEWEST_RELEASE) > 0 ? NEWEST_RELEASE : OLDEST_RELEASE;
    return {
      release: clamped,
      source: 'Makefile',
      kernelRoot: tree.root,
      note: `the Makefile says ${tree.release}, which this version of Kernel Rust does not know; checking as ${clamped}`,
    };
  }
  return { release: NEWEST_RELEASE, source: 'default' };
}
