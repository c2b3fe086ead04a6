/** The one place that compares kernel releases; everything else asks these functions. */
import { DEVELOPMENT_RELEASES, RELEASES } from './releases';

/** A release split into numbers: 7.1.5 is major 7, minor 1, patch 5; a plain 7.1 has patch 0. */
export interface ReleaseParts {
  readonly major: number;
  readonly minor: number;
  /** The stable point release (the Makefile's SUBLEVEL); 0 for the release as first published. */
  readonly patch: number;
  /** A pre-release suffix such as "rc3" (the Makefile's EXTRAVERSION), when written. */
  readonly pre?: string;
}

/**
 * Reads "6.15", "v6.15", "6.15.3", "6.16-rc2" or "7.4.0-rc1"; undefined for anything else. Numbers up to six
 * digits parse, so a Makefile with an absurd PATCHLEVEL reads as an unknown newer release instead of failing.
 */
export function parseRelease(text: string): ReleaseParts | undefined {
  // Release strings are few (the knowledge base's and the targets'); comparisons ask for them constantly.
  if (parsed.has(text)) return parsed.get(text);
  const m = /^\s*v?(\d{1,6})\.(\d{1,6})(?:\.(\d{1,6}))?(?:-([0-9A-Za-z.+-]*))?\s*$/.exec(text);
  const parts = m ? { major: Number(m[1]), minor: Number(m[2]), patch: m[3] ? Number(m[3]) : 0, ...(m[4] ? { pre: m[4] } : {}) } : undefined;
  if (parsed.size >= 1000) parsed.clear();
  parsed.set(text, parts);
  return parts;
}

const parsed = new Map<string, ReleaseParts | undefined>();

/** The canonical "major.minor" spelling of a release line (6.15.3 → 6.15), or undefined when it does not parse. */
export function normalizeRelease(text: string): string | undefined {
  const p = parseRelease(text);
  return p ? `${p.major}.${p.minor}` : undefined;
}

/** The canonical target spelling: "7.1.5" for a point release, "7.1" for the release as first published. */
export function canonicalTarget(text: string): string | undefined {
  const p = parseRelease(text);
  if (!p) return undefined;
  return p.patch > 0 ? `${p.major}.${p.minor}.${p.patch}` : `${p.major}.${p.minor}`;
}

/** The stable point of a release (7.1.5 → 5; 7.1 → 0). The release must parse. */
export function pointOf(text: string): number {
  const p = parseRelease(text);
  if (!p) throw new Error(`not a kernel release: ${text}`);
  return p.patch;
}

/**
 * Negative when a is older than b, zero when equal, positive when newer; point releases count (6.15.3 is newer
 * than 6.15, older than 6.16), pre-release suffixes do not (a 7.4-rc2 tree is checked as 7.4). Both must parse.
 */
export function compareReleases(a: string, b: string): number {
  const pa = parseRelease(a);
  const pb = parseRelease(b);
  if (!pa || !pb) throw new Error(`not a kernel release: ${pa ? b : a}`);
  return pa.major - pb.major || pa.minor - pb.minor || pa.patch - pb.patch;
}

/** True when both name the same release line (6.15, 6.15.3 and 6.15.9 do). Both must parse. */
export function sameLine(a: string, b: string): boolean {
  return normalizeRelease(a) === normalizeRelease(b) && normalizeRelease(a) !== undefined;
}

/** True when the release line is one the knowledge base knows (7.1.5 counts as 7.1). */
export function isKnownRelease(text: string): boolean {
  const n = normalizeRelease(text);
  return n !== undefined && RELEASES.includes(n);
}

/** True when the release line is still in development (its facts may change before it is published). */
export function isDevelopmentRelease(text: string): boolean {
  const n = normalizeRelease(text);
  return n !== undefined && DEVELOPMENT_RELEASES.includes(n);
}

/** True when `target` lies in [since, until): since inclusive, until exclusive, either bound optional. */
export function inRange(target: string, since?: string, until?: string): boolean {
  if (since !== undefined && compareReleases(target, since) < 0) return false;
  if (until !== undefined && compareReleases(target, until) >= 0) return false;
  return true;
}

/** The known releases inside [since, until). */
export function releasesIn(since?: string, until?: string): string[] {
  return RELEASES.filter((r) => inRange(r, since, until));
}

/** The known release after this one's line (6.19 → 7.0), or undefined for the newest. */
export function nextRelease(text: string): string | undefined {
  const n = normalizeRelease(text);
  const i = n === undefined ? -1 : RELEASES.indexOf(n);
  return i >= 0 && i + 1 < RELEASES.length ? RELEASES[i + 1] : undefined;
}

