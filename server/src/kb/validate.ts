/**
 * The knowledge base's invariants, one validator each (as browser-compat-data lints its data): each takes the
 * entries and returns what is wrong with them, one line per problem naming the entry. The tests run every validator
 * over the real data (expecting nothing) and over a bad entry of each kind (expecting it to be caught).
 */
import { KnowledgeBase, statusAt } from './index';
import { RELEASES } from './releases';
import type { KbItem } from './types';
import { compareReleases, inRange, isKnownRelease } from './version';

/** A validator: the problems it finds in these entries. */
export type Validator = (items: readonly KbItem[]) => string[];

const label = (i: KbItem): string => `${i.path} [${i.since}, ${i.until ?? '…'})`;

/** A path or alias names at most one entry at any release. */
export const uniqueNames: Validator = (items) => {
  const byName = new Map<string, KbItem[]>();
  for (const i of items) for (const p of [i.path, ...(i.aliases ?? [])]) byName.set(p, [...(byName.get(p) ?? []), i]);
  const out: string[] = [];
  for (const [name, named] of byName) {
    for (const r of RELEASES) {
      const live = named.filter((i) => inRange(r, i.since, i.until));
      if (live.length > 1) out.push(`${name} @ ${r}: ${live.map(label).join(' and ')}`);
    }
  }
  return out;
};

/** Every release the data names is in the registry (or a point release / release candidate of one). */
export const knownReleases: Validator = (items) => {
  const out: string[] = [];
  for (const i of items) {
    const named = [i.since, i.until, i.knownAbsentIn, i.knownRemovedBy, ...(i.backportedTo ?? []), ...(i.removedInStable ?? []), ...(i.signatures ?? []).flatMap((s) => [s.since, s.until]), ...(i.changes ?? []).map((c) => c.version), ...(i.docsByRelease ?? []).flatMap((d) => [d.since, d.until])];
    for (const r of named) if (r !== undefined && !isKnownRelease(r)) out.push(`${i.path}: ${r} is not a known release`);
  }
  return out;
};

/** `since` comes before `until`; signature eras and changes lie inside the item's range. */
export const rangesInsideItem: Validator = (items) => {
  const out: string[] = [];
  for (const i of items) {
    if (i.until && compareReleases(i.since, i.until) >= 0) out.push(`${label(i)}: since >= until`);
    for (const s of i.signatures ?? []) {
      const since = s.since ?? i.since;
      const until = s.until ?? i.until;
      if (compareReleases(since, i.since) < 0) out.push(`${i.path}: signature starts before the item`);
      if (until && i.until && compareReleases(until, i.until) > 0) out.push(`${i.path}: signature outlives the item`);
      if (until && compareReleases(since, until) >= 0) out.push(`${i.path}: empty signature era`);
    }
    for (const c of i.changes ?? []) if (!inRange(c.version, i.since, i.until)) out.push(`${i.path}: change at ${c.version} outside its range`);
  }
  return out;
};

/** At most one signature era of an item holds at any release. */
export const signatureErasDisjoint: Validator = (items) => {
  const out: string[] = [];
  for (const i of items) {
    for (const r of RELEASES) {
      const n = (i.signatures ?? []).filter((s) => inRange(r, s.since ?? i.since, s.until ?? i.until)).length;
      if (n > 1) out.push(`${i.path} @ ${r}: ${n} signatures`);
    }
  }
  return out;
};

/** A replacement needs an `until`, and exists at the release its item leaves. */
export const replacementsResolve: Validator = (items) => {
  const kb = new KnowledgeBase(items);
  const out: string[] = [];
  for (const i of items) {
    if (i.replacement && !i.until) out.push(`${i.path}: replacement without until`);
    if (!i.replacement || !i.until) continue;
    const r = kb.resolve(i.replacement, i.until);
    if (!r || statusAt(r, i.until).state !== 'available') out.push(`${i.path} → ${i.replacement} missing at ${i.until}`);
  }
  return out;
};

/** Docs are present, links point at the official kernel Rust docs, and an uncertain entry says what is known. */
export const docsAndLinks: Validator = (items) => {
  const out: string[] = [];
  for (const i of items) {
    if (i.docs.trim().length < 20) out.push(`${i.path}: docs too short`);
    if (!/^https:\/\/rust\.docs\.kernel\.org\/[A-Za-z0-9_/.#:-]+$/.test(i.link)) out.push(`${i.path}: link ${i.link}`);
    if (i.confidence === 'uncertain' && !i.note) out.push(`${i.path}: uncertain without a note saying what is known`);
  }
  return out;
};

/** The uncertainty and stable-line fields agree with the item's range and confidence. */
export const uncertaintyBounds: Validator = (items) => {
  const out: string[] = [];
  for (const i of items) {
    if (i.knownAbsentIn && compareReleases(i.knownAbsentIn, i.since) >= 0) out.push(`${i.path}: knownAbsentIn not before since`);
    if (i.knownRemovedBy && (!i.until || compareReleases(i.knownRemovedBy, i.until) < 0)) out.push(`${i.path}: knownRemovedBy without until, or before it`);
    if (i.knownRemovedBy && !(i.confidence === 'uncertain' && (!i.uncertainAbout || i.uncertainAbout.includes('until')))) out.push(`${i.path}: knownRemovedBy on a sure until`);
    for (const r of i.removedInStable ?? []) if (!inRange(r, i.since, i.until)) out.push(`${i.path}: removedInStable ${r} outside the item's range`);
    for (const b of i.backportedTo ?? []) if (compareReleases(b, i.since) >= 0) out.push(`${i.path}: backportedTo ${b} not before since`);
    if (i.uncertainAbout && i.confidence !== 'uncertain') out.push(`${i.path}: uncertainAbout without confidence`);
  }
  return out;
};

/** Docs by release lie inside the item's range, follow each other without overlap, and are not empty. */
export const docsErasOrdered: Validator = (items) => {
  const out: string[] = [];
  for (const item of items) {
    const eras = item.docsByRelease ?? [];
    let previousEnd: string | undefined;
    for (const [n, era] of eras.entries()) {
      const since = era.since ?? item.since;
      if (era.text.trim().length <= 40) out.push(`${label(item)}: docs era ${n} is empty`);
      if (compareReleases(since, item.since) < 0) out.push(`${label(item)}: docs era ${n} starts before the item`);
      if (era.until && compareReleases(since, era.until) >= 0) out.push(`${label(item)}: docs era ${n} is empty or reversed`);
      if (item.until && era.until && compareReleases(era.until, item.until) > 0) out.push(`${label(item)}: docs era ${n} ends after the item`);
      if (previousEnd && compareReleases(since, previousEnd) < 0) out.push(`${label(item)}: docs eras overlap`);
      previousEnd = era.until;
      if (n < eras.length - 1 && !era.until) out.push(`${label(item)}: only the last docs era may be open-ended`);
    }
  }
  return out;
};

/** Every validator, by name. */
export const VALIDATORS: Readonly<Record<string, Validator>> = {
  uniqueNames,
  knownReleases,
  rangesInsideItem,
  signatureErasDisjoint,
  replacementsResolve,
  docsAndLinks,
  uncertaintyBounds,
  docsErasOrdered,
};
