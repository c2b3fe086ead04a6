/**
 * A range of target releases ("6.12..7.3"), for drivers that must build on several kernels: reading it, the releases
 * it covers, and merging the findings of each release into one diagnostic per site that names the part of the
 * range it holds for. Only runs with a range come here; a single-release target never pays for it.
 */
import { NEWEST_RELEASE, OLDEST_RELEASE, RELEASES } from '../kb/releases';
import { canonicalTarget, compareReleases, isKnownRelease, parseRelease } from '../kb/version';
import { comparePositions, type Finding } from './types';

/** A range of releases the code must build on. */
export interface TargetRange {
  /** The canonical spelling, "6.12..7.3" or "6.12.118..7.3". */
  label: string;
  /** The oldest release of the range, as given ("6.12.118"). */
  lo: string;
  /** The newest release of the range, as given. */
  hi: string;
  /** Every release checked, oldest first: the registry releases from `lo` to `hi`, and the ends themselves when they
   *  are point releases (6.12.118..7.3 checks 6.12.118, 6.13, …, 7.3; 6.12 as first published is older than the range). */
  releases: readonly string[];
}

/** Reading a range: the range, a single release (both ends the same), or why it is refused. */
export type RangeReading = { kind: 'range'; range: TargetRange } | { kind: 'release'; release: string } | { kind: 'invalid'; reason: string };

/** True when the text is written as a range (has `..`), so it is read by {@link readTargetRange}. */
export function looksLikeRange(value: string): boolean {
  return value.includes('..');
}

/** One end of a range: a known release, a point release or a release candidate of one. */
function readEnd(text: string, which: 'start' | 'end', whole: string): { release: string } | { reason: string } {
  const t = text.trim();
  const parts = parseRelease(t);
  const release = canonicalTarget(t);
  if (!t) return { reason: `"${whole}" has no ${which} release; write a range such as "6.12..7.3"` };
  if (!parts || !release || (parts.pre !== undefined && !/^rc\d{1,4}$/.test(parts.pre))) {
    return { reason: `the ${which} of "${whole}", "${t}", is not a kernel release such as "6.12" or "6.12.118"` };
  }
  if (!isKnownRelease(release)) return { reason: `the ${which} of "${whole}", Linux ${release}, is not a release this version of Kernel Rust knows (it knows ${OLDEST_RELEASE} to ${NEWEST_RELEASE})` };
  return { release };
}

const ranges = new Map<string, RangeReading>();

/** Reads "6.12..7.3" (ends may be point releases or release candidates: "6.12.118..7.4-rc2"); remembers each answer. */
export function readTargetRange(text: string): RangeReading {
  const known = ranges.get(text);
  if (known) return known;
  const reading = computeRange(text);
  if (ranges.size >= 100) ranges.clear();
  ranges.set(text, reading);
  return reading;
}

function computeRange(text: string): RangeReading {
  const at = text.indexOf('..');
  const rest = text.slice(at + 2);
  if (at < 0 || rest.includes('..') || rest.startsWith('.')) return { kind: 'invalid', reason: `"${text}" is not a range of releases such as "6.12..7.3"` };
  const lo = readEnd(text.slice(0, at), 'start', text);
  if ('reason' in lo) return { kind: 'invalid', reason: lo.reason };
  const hi = readEnd(rest, 'end', text);
  if ('reason' in hi) return { kind: 'invalid', reason: hi.reason };
  const order = compareReleases(lo.release, hi.release);
  if (order > 0) return { kind: 'invalid', reason: `the range "${text}" runs backwards; write the older release first (${hi.release}..${lo.release})` };
  if (order === 0) return { kind: 'release', release: lo.release };
  return { kind: 'range', range: rangeBetween(lo.release, hi.release) };
}

/** The range from `lo` to `hi` (canonical known releases, lo older than hi). */
export function rangeBetween(lo: string, hi: string): TargetRange {
  const inside = RELEASES.filter((r) => compareReleases(lo, r) <= 0 && compareReleases(r, hi) <= 0);
  const releases = [...new Set([lo, ...inside, hi])].sort(compareReleases);
  return { label: `${lo}..${hi}`, lo, hi, releases };
}

/** The range spanned by several releases (the Makefiles of several trees): undefined when they all agree. */
export function rangeOfReleases(list: readonly string[]): TargetRange | undefined {
  if (list.length === 0) return undefined;
  const sorted = [...list].sort(compareReleases);
  const lo = sorted[0];
  const hi = sorted[sorted.length - 1];
  return compareReleases(lo, hi) === 0 ? undefined : rangeBetween(lo, hi);
}

/** The releases of the range a finding holds for, as runs: "6.12–6.15", "6.12–6.13 and 7.1–7.3". */
export function describeReleases(range: TargetRange, which: ReadonlySet<string>): string {
  const runs: string[] = [];
  let start = -1;
  const list = range.releases;
  for (let i = 0; i <= list.length; i++) {
    const inside = i < list.length && which.has(list[i]);
    if (inside && start < 0) start = i;
    if (!inside && start >= 0) {
      runs.push(start === i - 1 ? list[start] : `${list[start]}–${list[i - 1]}`);
      start = -1;
    }
  }
  if (runs.length <= 1) return runs[0] ?? '';
  return `${runs.slice(0, -1).join(', ')} and ${runs[runs.length - 1]}`;
}

/** "6.12–6.15 of your range 6.12..7.3", or "any release of your range 6.12..6.15" when it holds for all of it. */
export function partOfRange(range: TargetRange, which: ReadonlySet<string>): string {
  if (range.releases.every((r) => which.has(r))) return `any release of your range ${range.label}`;
  return `${describeReleases(range, which)} of your range ${range.label}`;
}

const PLACE = '\u0000';

/** The message with the target spelled "in Linux <release>" replaced by a placeholder, so releases compare. */
function generalise(message: string, release: string): string {
  const escaped = release.replace(/\./g, '\\.');
  return message.replace(new RegExp(`\\bin Linux ${escaped}(?![0-9]|\\.[0-9])`, 'g'), `in ${PLACE}`);
}

/** The message for a part of the range: the placeholder names the part, or the part is added when it is not all. */
function specialise(general: string, range: TargetRange, which: ReadonlySet<string>): string {
  if (general.includes(PLACE)) return general.split(PLACE).join(partOfRange(range, which));
  if (range.releases.every((r) => which.has(r))) return general;
  const part = `(in ${describeReleases(range, which)} of your range ${range.label})`;
  return /\.$/.test(general) ? `${general.slice(0, -1)} ${part}.` : `${general} ${part}`;
}

/**
 * The findings of a range: the union of each release's findings (`perRelease[i]` at `range.releases[i]`), one per
 * rule and site. Its message names the releases of the range it holds for (several messages at one site, one per
 * era, are joined); a finding every release reports with the same message stays as it is. Fixes are kept only when
 * every release of the range reports the finding with the same fixes: a fix for part of the range would break the
 * rest of it.
 */
export function mergeRangeFindings(range: TargetRange, perRelease: readonly (readonly Finding[])[]): Finding[] {
  interface Site {
    first: Finding;
    /** Generalised message → the releases that reported it. */
    messages: Map<string, Set<string>>;
    /** Releases that reported the site at all, and the fixes each offered. */
    fixes: Map<string, string>;
  }
  const sites = new Map<string, Site>();
  perRelease.forEach((findings, i) => {
    const release = range.releases[i];
    for (const f of findings) {
      const r = f.range;
      const key = `${f.ruleId}\u0000${r.start.line}:${r.start.character}-${r.end.line}:${r.end.character}`;
      let site = sites.get(key);
      if (!site) {
        site = { first: f, messages: new Map(), fixes: new Map() };
        sites.set(key, site);
      }
      const general = generalise(f.message, release);
      const set = site.messages.get(general) ?? new Set<string>();
      set.add(release);
      site.messages.set(general, set);
      if (!site.fixes.has(release)) site.fixes.set(release, JSON.stringify(f.fixes));
    }
  });
  const out: Finding[] = [];
  for (const site of sites.values()) {
    const message = [...site.messages].map(([general, which]) => specialise(general, range, which)).join(' ');
    const offered = new Set(site.fixes.values());
    const everywhere = range.releases.every((r) => site.fixes.has(r)) && offered.size === 1;
    out.push({ ...site.first, message, fixes: everywhere ? site.first.fixes : [] });
  }
  // Sites in order of position; at one position, in the order the first release reported them.
  return out.sort((a, b) => comparePositions(a.range.start, b.range.start));
}
