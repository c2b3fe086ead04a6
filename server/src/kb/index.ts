/** The knowledge base as a queryable index: items by path and alias, and what each looks like at a target release. */
import { ITEMS } from './data';
import type { KbItem, SignatureEra } from './types';
import { compareReleases, inRange, pointOf, sameLine } from './version';

/** What an item is at a given target release. */
export type ItemStatus =
  | { state: 'available'; signature?: SignatureEra }
  | { state: 'not-yet'; since: string }
  | { state: 'removed'; until: string; replacement?: string };

/** The status of `item` at `target`, with the signature valid there. */
export function statusAt(item: KbItem, target: string): ItemStatus {
  const droppedAt = item.removedInStable?.find((b) => stableReaches([b], target));
  if (droppedAt && inRange(target, item.since, item.until)) return { state: 'removed', until: droppedAt, replacement: item.replacement };
  if (compareReleases(target, item.since) < 0) {
    if (!stableReaches(item.backportedTo, target)) return { state: 'not-yet', since: item.since };
    // A stable backport carries the item as it first appeared in mainline.
    return { state: 'available', signature: item.signatures?.find((s) => s.since === undefined || s.since === item.since) };
  }
  if (item.until !== undefined && compareReleases(target, item.until) >= 0) {
    return { state: 'removed', until: item.until, replacement: item.replacement };
  }
  const signature = item.signatures?.find((s) => inRange(target, s.since ?? item.since, s.until ?? item.until));
  return { state: 'available', signature };
}

/** True when a stable change with a known point release (`6.15.3`) reaches `target` (6.15.3 and later 6.15.y). */
function stableReaches(points: readonly string[] | undefined, target: string): boolean {
  return points?.some((b) => pointOf(b) > 0 && sameLine(b, target) && compareReleases(target, b) >= 0) ?? false;
}

/** True when a stable change to the target's line has no known point: a later point release may or may not have it. */
function stableUnsure(points: readonly string[] | undefined, target: string): boolean {
  return points?.some((b) => pointOf(b) === 0 && sameLine(b, target) && pointOf(target) > 0) ?? false;
}

function uncertainAbout(item: KbItem, fact: 'since' | 'until' | 'signatures'): boolean {
  return item.confidence === 'uncertain' && (item.uncertainAbout === undefined || item.uncertainAbout.includes(fact));
}

/**
 * The item's status at `target` when the knowledge base is sure of it, else undefined. Lints only act on
 * sure answers: an uncertain `since` counts only for targets up to the newest release read without the item,
 * and a stable backport whose first point release is unknown (`backportedTo: ['6.12']`) makes "not yet" unsure for
 * the point releases of that line (6.12 itself, as first published, surely lacks it); an uncertain `until` counts only
 * from the oldest release read without the item (`knownRemovedBy`), and a stable removal of unknown point makes
 * "available" unsure for that line's point releases.
 */
export function sureStatusAt(item: KbItem, target: string): ItemStatus | undefined {
  // Asked for every path a file spells; the answer depends only on the item and the target.
  let byTarget = sureStatuses.get(item);
  if (!byTarget) {
    byTarget = new Map();
    sureStatuses.set(item, byTarget);
  }
  if (byTarget.has(target)) return byTarget.get(target);
  const status = computeSureStatus(item, target);
  byTarget.set(target, status);
  return status;
}

const sureStatuses = new WeakMap<KbItem, Map<string, ItemStatus | undefined>>();

/** The status of the item at `path` at the target when the knowledge base is sure of it, else undefined. */
export function sureStatusOf(kb: KnowledgeBase, path: string, target: string): ItemStatus | undefined {
  const item = kb.resolve(path, target);
  return item ? sureStatusAt(item, target) : undefined;
}

/** The item at `path` for the target when the knowledge base is sure the target has it, else undefined. */
export function surelyAvailable(kb: KnowledgeBase, path: string, target: string): KbItem | undefined {
  const item = kb.resolve(path, target);
  return item && sureStatusAt(item, target)?.state === 'available' ? item : undefined;
}

function computeSureStatus(item: KbItem, target: string): ItemStatus | undefined {
  const status = statusAt(item, target);
  if (status.state === 'not-yet') {
    if (stableUnsure(item.backportedTo, target)) return undefined;
    if (uncertainAbout(item, 'since') && !(item.knownAbsentIn && compareReleases(target, item.knownAbsentIn) <= 0)) return undefined;
  }
  if (status.state === 'removed' && uncertainAbout(item, 'until') && !(item.knownRemovedBy && compareReleases(target, item.knownRemovedBy) >= 0)) return undefined;
  if (status.state === 'available' && stableUnsure(item.removedInStable, target)) return undefined;
  return status;
}

/** Lookups over a list of items. */
export class KnowledgeBase {
  private readonly byPath = new Map<string, KbItem[]>();
  private readonly byLastSegment = new Map<string, KbItem[]>();

  constructor(readonly items: readonly KbItem[]) {
    for (const item of items) {
      for (const p of [item.path, ...(item.aliases ?? [])]) {
        push(this.byPath, p, item);
        push(this.byLastSegment, lastSegment(p), item);
      }
    }
    for (const list of this.byLastSegment.values()) dedupe(list);
  }

  /** Every entry reachable under this exact path (a path may have an old and a new entry). */
  lookup(path: string): readonly KbItem[] {
    return this.byPath.get(path) ?? [];
  }

  /** The entry for `path` that best describes it at `target`: available there, else the nearest in time. */
  resolve(path: string, target: string): KbItem | undefined {
    return pickForTarget(this.lookup(path), target);
  }

  /** Entries whose path or an alias ends in this name. */
  named(name: string): readonly KbItem[] {
    return this.byLastSegment.get(name) ?? [];
  }

  /** Direct children of a module or type path (`kernel::time` → `kernel::time::Delta`, …), any release. */
  children(prefix: string): KbItem[] {
    const out: KbItem[] = [];
    const seen = new Set<KbItem>();
    const want = `${prefix}::`;
    for (const [p, items] of this.byPath) {
      if (!p.startsWith(want) || p.slice(want.length).includes('::')) continue;
      for (const i of items) {
        if (seen.has(i)) continue;
        seen.add(i);
        out.push(i);
      }
    }
    return out;
  }

  /** The longest module prefix of `path` the knowledge base knows (for paths to items it has no entry for). */
  enclosingModule(path: string): KbItem | undefined {
    const parts = path.split('::');
    for (let n = parts.length - 1; n >= 1; n--) {
      const found = this.lookup(parts.slice(0, n).join('::')).find((i) => i.kind === 'module');
      if (found) return found;
    }
    return undefined;
  }
}

/** Among entries for one path, the one available at target, else the one nearest to it. */
export function pickForTarget(items: readonly KbItem[], target: string): KbItem | undefined {
  if (items.length <= 1) return items[0];
  const available = items.find((i) => statusAt(i, target).state === 'available');
  if (available) return available;
  // Not available at target: the one removed most recently before it (its replacement is what the target has,
  // e.g. the 6.15 `ClockId` enum at 7.3, where `ClockSource` is the answer, not the 7.4 trait), else the one that
  // arrives next.
  const gone = items.filter((i) => i.until !== undefined && compareReleases(i.until, target) <= 0).sort((a, b) => compareReleases(b.until as string, a.until as string));
  if (gone.length) return gone[0];
  return [...items].sort((a, b) => compareReleases(a.since, b.since))[0];
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) {
    if (!list.includes(value)) list.push(value);
  } else map.set(key, [value]);
}

function dedupe<T>(list: T[]): void {
  const uniq = [...new Set(list)];
  list.length = 0;
  list.push(...uniq);
}

/** The last `::` segment of a path (`kernel::sync::Mutex` → `Mutex`; `kernel::new_mutex!` → `new_mutex!`). */
export function lastSegment(path: string): string {
  const i = path.lastIndexOf('::');
  return i < 0 ? path : path.slice(i + 2);
}

let shared: KnowledgeBase | undefined;

/** The knowledge base built from all data modules, built once. */
export function knowledgeBase(): KnowledgeBase {
  shared ??= new KnowledgeBase(ITEMS);
  return shared;
}

/**
 * The first release of the item at `path` (its `since`). Throws for a path the knowledge base does not have, so a
 * rule gated on a missing item fails when it is loaded instead of going silent.
 */
export function sinceOf(path: string): string {
  const since = knowledgeBase().lookup(path)[0]?.since;
  if (!since) throw new Error(`the knowledge base has no item ${path}`);
  return since;
}
