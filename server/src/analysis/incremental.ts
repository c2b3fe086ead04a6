/**
 * Re-checking only what an edit can have changed. A file is cut into units (a top-level item with the attributes
 * and comments above it); each unit's findings are remembered by its text. After an edit, the units whose text is
 * new, and the units that share a name the file declares with a changed unit, are checked again, with the units
 * they share names with as context; every other unit keeps its findings, moved to where it now is. Anything that
 * can change the meaning of the whole file (the scope, the target, settings, the words some rules test the whole
 * text for) makes the next run a full one. The result equals a full run: tests compare the two after thousands of
 * random edits (server/test/incremental.test.ts).
 */
import type { Tree } from 'web-tree-sitter';
import { collectFindings, finishFindings } from '../lints/engine';
import { RULES } from '../lints/rules';
import { MACRO_SPELLS_PINNED_DROP, OUT_OF_LINE_MODULE } from '../lints/pinned-drop-mismatch';
import { INITIALIZER_RETURN } from '../semantics/pin-init-facts';
import { OWN_VIEW_METHOD } from '../lints/vma-mixedmap-required';
import type { Rule } from '../lints/engine';
import type { AnalyzeOptions } from './analyze';
import { comparePositions as cmp, type Finding, type Fix, type Position, type Range } from '../core/types';
import { isIdentChar, isIdentStart } from '../parsing/chars';
import { unitsOf, type Unit } from '../parsing/units';
import { type Scope, crateForPath, type ScopePart, buildScope, setScopeOf } from '../semantics/scope';

/**
 * Tests some rules apply to the whole text of a file (a gate such as "the file mentions HrTimerCallback"): when one
 * of them changes its answer, every unit may change. A test (incremental.test.ts) keeps this list in step with the
 * rule sources.
 */
export const FILE_WIDE_TESTS: readonly { readonly source: string; test(text: string): boolean }[] = [
  /impl_has_hr_timer/,
  /HrTimerCallback/,
  /HrTimer/,
  /pinned_drop/,
  /\bHasPinData\b/,
  /Box/,
  /Arc/,
  /vm_insert_page/,
  /\b(?:try_)?(?:pin_)?init\b/,
  /dma_/,
  /project/,
  /Zeroable/,
  /__pinned_init/,
  /__init/,
  /pin_data/,
  /PinnedDrop/,
  /packed/,
  /PhantomPinned/,
  /#\[pin\]/,
  // A function returning `impl PinInit<…>` makes its callers initializers (pin-init-facts.ts).
  INITIALIZER_RETURN,
  // `mod x;` anywhere silences pinned-drop-mismatch for every struct of the file.
  OUT_OF_LINE_MODULE,
  // A macro anywhere that spells `PinnedDrop` may write the impl a `#[pin_data(PinnedDrop)]` struct needs.
  MACRO_SPELLS_PINNED_DROP,
  // A `fn vma_lookup` (or another VMA-view method name) anywhere stops typing receivers from the KB signatures.
  OWN_VIEW_METHOD,
  // The pin-init facts look at `.chain(…)`/`.pin_chain(…)` only in files that spell `chain(` (a prefilter; the call
  // itself is always in the unit checked, but a flip is cheap to treat as a change of the whole file).
  { source: 'chain(', test: (text: string): boolean => text.includes('chain(') },
];

/**
 * Words that tie units through a trait rather than through a declared name: a changed unit spelling the first may
 * change the findings of every unit spelling the second, and a unit spelling the second is checked with those
 * spelling the first. An `impl_has_hr_timer!` (or `HasHrTimer` impl) edited so
 * that it names no type any more counts as covering every type, which silences hrtimer-missing-has-hr-timer at each
 * `HrTimerCallback` impl of the file; no declared name links the two units.
 */
export const TRAIT_TIES: readonly (readonly [string, string])[] = [
  ['impl_has_hr_timer', 'HrTimerCallback'],
  ['HasHrTimer', 'HrTimerCallback'],
];

/** A unit that declares a type alias (after its attributes and comments). */
const TYPE_ALIAS = /(?:^|\n)[ \t]*(?:pub(?:\([^)]*\))?[ \t]+)?type[ \t]+[A-Za-z_]/;

/** Words that never link two units. */
const NOT_NAMES = new Set(
  ('as async await break const continue crate dyn else enum extern false fn for if impl in let loop match mod move mut ' +
    'pub ref return self Self static struct super trait true type union unsafe use where while')
    .split(' '),
);

/** Items whose only name other units can refer to is their `name` field. */
const NAMED_ITEMS = new Set([
  'struct_item', 'enum_item', 'union_item', 'trait_item', 'function_item', 'function_signature_item', 'type_item',
  'const_item', 'static_item', 'macro_definition',
]);

/** What a unit's text says about how it relates to the rest of the file. */
interface UnitFacts {
  /** Every identifier-like word in the unit. */
  words: ReadonlySet<string>;
  /** Names the unit declares (or implements for) that other units can refer to. */
  declared: readonly string[];
}

/** A finding with positions relative to its unit's start. */
type Relative = Finding & { rule: number };

interface UnitRecord {
  text: string;
  broken: boolean;
  facts: UnitFacts;
  /** What the unit contributes to the file's scope. */
  part: ScopePart;
  /** Findings relative to the unit, or undefined when they cannot be moved (a fix edits outside the unit). */
  findings: Relative[] | undefined;
}

interface Snapshot {
  key: string;
  units: UnitRecord[];
  declared: ReadonlySet<string>;
  /** The file's local definitions and imports (name → path): a unit naming one that changed is checked again. */
  locals: ReadonlySet<string>;
  imports: ReadonlyMap<string, string>;
}

/** The units of a new version paired with a remembered version's units of the same text. */
interface Match {
  snapshot: Snapshot;
  /** For each new unit, the index of its old counterpart, or -1 when its text is new. */
  old: Int32Array;
  added: number;
  /** Old units left without a counterpart. */
  removed: UnitRecord[];
}

/**
 * Pairs `units` with the units of `snapshot` that have the same text (and the same broken state). An edit changes a
 * run of units and leaves the rest in order, so the common start and end are paired by walking in from both ends;
 * only the units in between are paired by text.
 */
function matchUnits(snapshot: Snapshot, units: readonly Unit[]): Match {
  const before = snapshot.units;
  const n = units.length;
  const m = before.length;
  const old = new Int32Array(n).fill(-1);
  const same = (i: number, k: number): boolean => before[k].broken === units[i].broken && before[k].text === units[i].text;
  let head = 0;
  while (head < n && head < m && same(head, head)) {
    old[head] = head;
    head++;
  }
  let tail = 0;
  while (tail < n - head && tail < m - head && same(n - 1 - tail, m - 1 - tail)) {
    old[n - 1 - tail] = m - 1 - tail;
    tail++;
  }
  const used = new Uint8Array(m);
  if (head < n - tail && head < m - tail) {
    const byText = new Map<string, number[]>();
    for (let k = head; k < m - tail; k++) {
      const list = byText.get(before[k].text);
      if (list) list.push(k);
      else byText.set(before[k].text, [k]);
    }
    for (let i = head; i < n - tail; i++) {
      const k = byText.get(units[i].text)?.find((c) => used[c] === 0 && before[c].broken === units[i].broken);
      if (k === undefined) continue;
      used[k] = 1;
      old[i] = k;
    }
  }
  let added = 0;
  for (let i = head; i < n - tail; i++) if (old[i] < 0) added++;
  const removed: UnitRecord[] = [];
  for (let k = head; k < m - tail; k++) if (used[k] === 0) removed.push(before[k]);
  return { snapshot, old, added, removed };
}

/** Counts of what the last runs did, for tests and the benchmark. */
export interface IncrementalStats {
  full: number;
  partial: number;
  /** Units checked again over all partial runs. */
  rechecked: number;
  /** Units whose findings were carried over. */
  reused: number;
}

function wordsOf(text: string): Set<string> {
  // A scan by character codes: a regex would make a match array for every word of every changed unit.
  const out = new Set<string>();
  for (let i = 0; i < text.length; ) {
    const c = text.charCodeAt(i);
    if (!isIdentStart(c)) {
      i++;
      continue;
    }
    let j = i + 1;
    while (j < text.length && isIdentChar(text.charCodeAt(j))) j++;
    const word = text.slice(i, j);
    if (!NOT_NAMES.has(word)) out.add(word);
    i = j;
  }
  return out;
}

function declaredBy(unit: Unit): string[] {
  const item = unit.nodes[unit.nodes.length - 1];
  if (NAMED_ITEMS.has(item.type)) {
    const name = item.childForFieldName('name')?.text;
    return name ? [name] : [];
  }
  if (item.type === 'impl_item') {
    // Other units refer to the type an impl is for (its struct, other impls of it), not to the trait.
    const type = item.childForFieldName('type');
    return type ? [...wordsOf(type.text)] : [];
  }
  if (item.type === 'attribute_item' || item.type === 'line_comment' || item.type === 'block_comment' || item.type === 'use_declaration') {
    return [];
  }
  // Modules, macro calls that make items, broken code: whatever is spelled like a declaration or an impl header.
  return declaredInText(unit.text);
}

const DECLARATION = /\b(?:struct|enum|union|trait|fn|type|const|static|mod|macro_rules!)\s*([A-Za-z_][A-Za-z0-9_]*)|^[ \t]*(?:unsafe\s+)?impl\b([^{;]*)/gm;

/** Names declared by anything in `text` that reads like an item or impl header (not a parse: a generous guess). */
function declaredInText(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(DECLARATION)) {
    if (m[1]) out.push(m[1]);
    else if (m[2]) {
      // `impl Trait for Type`: the type; `impl Type`: all of it.
      const header = m[2];
      const at = header.search(/\bfor\b/);
      out.push(...wordsOf(at >= 0 ? header.slice(at + 3) : header));
    }
  }
  return out;
}

/** What may stand at the top level of a file: items, and the comments and attributes before them. */
const TOP_LEVEL = new Set([
  'attribute_item', 'inner_attribute_item', 'line_comment', 'block_comment', 'const_item', 'static_item', 'macro_invocation',
  'macro_definition', 'empty_statement', 'mod_item', 'foreign_mod_item', 'struct_item', 'union_item', 'enum_item', 'type_item',
  'function_item', 'function_signature_item', 'impl_item', 'trait_item', 'use_declaration', 'extern_crate_declaration',
]);

/** Is this healthy unit a piece of an item the parser cut apart, rather than an item? */
function isFragment(u: Unit): boolean {
  return !u.broken && u.nodes.some((n) => !TOP_LEVEL.has(n.type));
}

function relativePosition(p: Position, origin: Position): Position {
  return p.line === origin.line ? { line: 0, character: p.character - origin.character } : { line: p.line - origin.line, character: p.character };
}

function absolutePosition(p: Position, origin: Position): Position {
  return p.line === 0 ? { line: origin.line, character: p.character + origin.character } : { line: p.line + origin.line, character: p.character };
}

function mapRange(r: Range, f: (p: Position) => Position): Range {
  return { start: f(r.start), end: f(r.end) };
}

function mapFixes(fixes: readonly Fix[], f: (p: Position) => Position): Fix[] {
  return fixes.map((fix) => ({ title: fix.title, edits: fix.edits.map((e) => ({ range: mapRange(e.range, f), newText: e.newText })) }));
}

function inside(r: Range, unit: Unit): boolean {
  return cmp(r.start, unit.from) >= 0 && cmp(r.end, unit.to) <= 0;
}

/** Analyses successive versions of one document, re-checking only what each edit can have changed. */
export class IncrementalAnalyzer {
  /** The last few versions analysed (newest first): undoing an edit finds its earlier version here. */
  private snapshots: Snapshot[] = [];
  readonly stats: IncrementalStats = { full: 0, partial: 0, rechecked: 0, reused: 0 };

  constructor(private readonly rules: readonly Rule[] = RULES) {}

  /** The findings of `tree` (the document's current tree and text), equal to those of a full run. */
  analyze(tree: Tree, text: string, options: AnalyzeOptions): Finding[] {
    const root = tree.rootNode;
    const crate = crateForPath(options.filePath);
    const units = unitsOf(root, text);
    // Units whose text a remembered version has: their facts and scope parts are taken from there.
    const matches = this.snapshots.map((s) => matchUnits(s, units));
    const known = units.map((_u, i) => {
      // Indexed loops here and below: this runs for every unit on every keystroke, and iterators are garbage.
      for (let k = 0; k < matches.length; k++) {
        const at = matches[k].old[i];
        if (at >= 0) return matches[k].snapshot.units[at];
      }
      return undefined;
    });
    const parts = known.map((r) => r?.part);
    const scope = buildScope(root, crate, units, parts);
    setScopeOf(tree, crate, scope);
    const unitFacts = units.map((u, i) => known[i]?.facts ?? { words: wordsOf(u.text), declared: declaredBy(u) });
    const declared = new Set<string>();
    units.forEach((u, i) => {
      if (!u.broken) for (const d of unitFacts[i].declared) declared.add(d);
    });

    const key = snapshotKey(options, scope, text);
    // When the parser could not keep items whole, some units are fragments of items (a parameter list, a lone
    // statement) whose findings depend on each other through local names, which no declared name links: fragments
    // are always checked again, together.
    const fragments = new Set<number>();
    if (root.hasError) units.forEach((u, i) => isFragment(u) && fragments.add(i));
    const plan = this.plan(key, units, unitFacts, matches, declared, scope, fragments);
    const ruleIndex = new Map(this.rules.map((r, i) => [r.id, i]));
    const fresh = (i: number): UnitRecord => ({
      text: units[i].text,
      broken: units[i].broken,
      facts: unitFacts[i],
      part: parts[i] as ScopePart,
      findings: [],
    });
    const records: UnitRecord[] = new Array<UnitRecord>(units.length);
    const merged: Relative[] = [];
    let cacheable = true;

    if (plan) {
      this.stats.partial++;
      this.stats.rechecked += plan.recheck.size;
      this.stats.reused += units.length - plan.recheck.size;
      for (let i = 0; i < units.length; i++) {
        const carried = plan.recheck.has(i) ? undefined : plan.carried.get(i);
        // A unit that keeps its findings keeps its record: nothing about it changed.
        records[i] = carried ?? fresh(i);
        for (const f of carried?.findings ?? []) merged.push(this.place(f, units[i]));
      }
      const focus = [...plan.context].sort((a, b) => a - b).flatMap((i) => units[i].nodes);
      // Nothing to check again (an edit in whitespace, or an undo back to a remembered version): no run at all.
      const raw = focus.length > 0 ? collectFindings(this.rules, tree, text, options, focus) : [];
      cacheable = this.assign(raw, units, plan.recheck, records, merged, ruleIndex);
    } else {
      this.stats.full++;
      for (let i = 0; i < units.length; i++) records[i] = fresh(i);
      const raw = collectFindings(this.rules, tree, text, options, undefined, units);
      cacheable = this.assign(raw, units, undefined, records, merged, ruleIndex);
    }

    const snapshot: Snapshot = { key, units: records, declared, locals: scope.locals, imports: scope.imports };
    this.snapshots = cacheable ? [snapshot, ...this.snapshots].slice(0, REMEMBERED) : [];
    // Rule order first (stably), as a full run reports them; finishing sorts by position.
    merged.sort((a, b) => a.rule - b.rule);
    return finishFindings(root, text, merged.map(({ rule: _rule, ...f }) => f), units);
  }

  /**
   * Which units to check again (and with which context), and the remembered records of the others, whose findings
   * carry over; undefined for a full run.
   */
  private plan(
    key: string,
    units: readonly Unit[],
    facts: readonly UnitFacts[],
    matches: readonly Match[],
    declared: ReadonlySet<string>,
    scope: Scope,
    fragments: ReadonlySet<number>,
  ): { recheck: Set<number>; context: Set<number>; carried: Map<number, UnitRecord> } | undefined {
    let best: Match | undefined;
    for (const m of matches) {
      if (m.snapshot.key !== key) continue;
      if (!best || m.added + m.removed.length < best.added + best.removed.length) best = m;
      if (m.added + m.removed.length === 0) break;
    }
    if (!best) return undefined;
    // Linking words: names that link a changed unit to others, words of changed units that some version of the file declares.
    // Broken units count for nothing (the rules do not look into them), in either version.
    const old = best.snapshot;
    const isKnown = (w: string): boolean => declared.has(w) || old.declared.has(w);
    const linking = new Set<string>();
    const addLinkingWords = (f: UnitFacts): void => {
      for (const w of f.words) if (isKnown(w)) linking.add(w);
      for (const [w, t] of TRAIT_TIES) if (f.words.has(w)) linking.add(t);
    };
    units.forEach((u, i) => {
      if (best.old[i] < 0 && !u.broken) addLinkingWords(facts[i]);
    });
    for (const r of best.removed) if (!r.broken) addLinkingWords(r.facts);
    // Names whose meaning changed: a definition or an import appeared, went or now points elsewhere.
    for (const n of scope.locals) if (!old.locals.has(n)) linking.add(n.replace(/!$/, ''));
    for (const n of old.locals) if (!scope.locals.has(n)) linking.add(n.replace(/!$/, ''));
    for (const [n, p] of scope.imports) if (old.imports.get(n) !== p) linking.add(n);
    for (const n of old.imports.keys()) if (!scope.imports.has(n)) linking.add(n);
    const recheck = new Set<number>();
    const carried = new Map<number, UnitRecord>();
    units.forEach((u, i) => {
      if (u.broken) return;
      const r = best.old[i] >= 0 ? old.units[best.old[i]] : undefined;
      if (!r || !r.findings || fragments.has(i) || sharesAny(facts[i].words, linking)) recheck.add(i);
      else carried.set(i, r);
    });
    // A unit checked again although its text is the same (a name it uses changed meaning) may now mean something else
    // itself: the units that name what it declares are checked again too (a callback impl's fix reads its struct's
    // fields, whose types the imports resolve).
    const reread = new Set<string>();
    for (const i of recheck) if (best.old[i] >= 0) for (const d of facts[i].declared) reread.add(d);
    if (reread.size > 0) {
      for (const [i] of carried) {
        if (sharesAny(facts[i].words, reread)) {
          carried.delete(i);
          recheck.add(i);
        }
      }
    }
    if (recheck.size === 0) return { recheck, context: recheck, carried };
    // Context: healthy units tied by a declared name to a unit being checked again.
    const around = new Set<string>();
    for (const i of recheck) {
      for (const w of facts[i].words) if (declared.has(w)) around.add(w);
      // And the other way: a unit checked again sees every unit its findings depend on through a trait.
      for (const [w, t] of TRAIT_TIES) if (facts[i].words.has(t)) around.add(w);
    }
    const context = new Set([...recheck, ...fragments]);
    // A type alias in the context names the same type under another name (`type Flash = Strobe;`): units using the
    // alias belong to the context too, and so on along a chain of aliases.
    for (let grew = true; grew; ) {
      grew = false;
      units.forEach((u, i) => {
        if (u.broken || context.has(i) || !sharesAny(facts[i].words, around)) return;
        context.add(i);
        if (TYPE_ALIAS.test(u.text)) {
          for (const d of facts[i].declared) {
            if (!around.has(d)) {
              around.add(d);
              grew = true;
            }
          }
        }
      });
    }
    // Past about half the file, a full run is as cheap and simpler.
    if (context.size * 2 > units.length) return undefined;
    return { recheck, context, carried };
  }

  /** Moves a remembered finding to where its unit now is. */
  private place(f: Relative, unit: Unit): Relative {
    const to = (p: Position): Position => absolutePosition(p, unit.from);
    return { ...f, range: mapRange(f.range, to), fixes: mapFixes(f.fixes, to) };
  }

  /**
   * Files fresh findings under their units (all units, or those in `only`), keeping the rest out; returns false when
   * a finding lies outside every unit, so that nothing of this run may be reused.
   */
  private assign(
    raw: readonly Finding[],
    units: readonly Unit[],
    only: ReadonlySet<number> | undefined,
    records: UnitRecord[],
    merged: Relative[],
    ruleIndex: ReadonlyMap<string, number>,
  ): boolean {
    let cacheable = true;
    for (const f of raw) {
      const i = unitAt(units, f.range.start);
      if (i === undefined) {
        // Not expected (findings sit on code); keep it, but do not build on this run.
        if (!only) merged.push({ ...f, rule: ruleIndex.get(f.ruleId) ?? 0 });
        cacheable = false;
        continue;
      }
      if (only && !only.has(i)) continue;
      const rule = ruleIndex.get(f.ruleId) ?? 0;
      merged.push({ ...f, rule });
      const unit = units[i];
      const record = records[i];
      if (!record.findings) continue;
      if (!inside(f.range, unit) || f.fixes.some((fix) => fix.edits.some((e) => !inside(e.range, unit)))) {
        record.findings = undefined;
        continue;
      }
      const from = (p: Position): Position => relativePosition(p, unit.from);
      record.findings.push({ ...f, rule, range: mapRange(f.range, from), fixes: mapFixes(f.fixes, from) });
    }
    return cacheable;
  }
}

function sharesAny(words: ReadonlySet<string>, names: ReadonlySet<string>): boolean {
  if (names.size === 0) return false;
  const [small, large] = words.size < names.size ? [words, names] : [names, words];
  for (const w of small) if (large.has(w)) return true;
  return false;
}

/** The unit whose range holds `p`, by binary search (units are in document order and disjoint). */
function unitAt(units: readonly Unit[], p: Position): number | undefined {
  let lo = 0;
  let hi = units.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const u = units[mid];
    if (cmp(p, u.from) < 0) hi = mid - 1;
    else if (cmp(p, u.to) > 0) lo = mid + 1;
    else return mid;
  }
  return undefined;
}

/** Everything outside the units' own text that findings depend on. */
function snapshotKey(options: AnalyzeOptions, scope: Scope, text: string): string {
  const levels = options.levels ? Object.entries(options.levels).sort().join(',') : '';
  const only = options.only ? [...options.only].sort().join(',') : '';
  const wide = FILE_WIDE_TESTS.map((re) => (re.test(text) ? '1' : '0')).join('');
  return [options.target, options.tree?.key ?? '', options.filePath ?? '', levels, only, scope.globs.join(','), scope.crateName ?? '', wide].join('\n');
}

/** How many versions of a document the analyser remembers. */
const REMEMBERED = 3;
