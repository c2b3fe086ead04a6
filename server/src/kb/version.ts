/** The one place that compares kernel releases; everything else asks these functions. */
import { RELEASES } from './releases';

/** A release split into numbers. */
export interface ReleaseParts {
  readonly major: number;
  readonly minor: number;
}

/** Reads "6.15", "v6.15", "6.15.3" or "6.15-rc2" as 6.15; undefined for anything else. */
export function parseRelease(text: string): ReleaseParts | undefined {
  // Release strings are few (the knowledge base's and the targets'); comparisons ask for them constantly.
  if (parsed.has(text)) return parsed.get(text);
  const m = /^\s*v?(\d{1,3})\.(\d{1,3})(?:\.\d+)?(?:-[0-9A-Za-z.+-]*)?\s*$/.exec(text);
  const parts = m ? { major: Number(m[1]), minor: Number(m[2]) } : undefined;
  if (parsed.size >= 1000) parsed.clear();
  parsed.set(text, parts);
  return parts;
}

const parsed = new Map<string, ReleaseParts | undefined>();

/** The canonical "major.minor" spelling of a release, or undefined when it does not parse. */
export function normalizeRelease(text: string): string | undefined {
  const p = parseRelease(text);
  return p ? `${p.major}.${p.minor}` : undefined;
}

/** Negative when a is older than b, zero when equal, positive when newer. Both must parse. */
export function compareReleases(a: string, b: string): number {
  const pa = parseRelease(a);
  const pb = parseRelease(b);
  if (!pa || !pb) throw new Error(`not a kernel release: ${pa ? b : a}`);
  return pa.major - pb.major || pa.minor - pb.minor;
}

/** True when the release is one the knowledge base knows. */
export function isKnownRelease(text: string): boolean {
  const n = normalizeRelease(text);
  return n !== undefined && RELEASES.includes(n);
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
