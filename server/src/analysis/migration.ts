/**
 * The migration report: every kernel API a file uses that changed between two releases, grouped by subsystem. What
 * no longer builds at the newer release comes from the version gates (removed, renamed, moved, macro syntax), with
 * their fix when it is mechanical; what still builds but changed (a signature, a documented change) comes from the
 * knowledge-base history of each item the file names.
 */
import type { Parser, Tree } from 'web-tree-sitter';
import { knowledgeBase, statusAt } from '../kb';
import type { KbItem } from '../kb/types';
import { compareReleases } from '../kb/version';
import { parseWithLimit } from '../parsing/language';
import { structureOf } from '../syntax/structure';
import { checkAnalysable } from '../core/limits';
import { analyzeTree } from './analyze';
import { MECHANICAL_FIX_RULES } from './fix';
import { fileScope } from '../semantics/kernel-refs';
import { resolveSegments } from '../semantics/resolve';
import type { Finding } from '../core/types';
import { canonicalRoot } from '../semantics/scope';
import { plainSegments } from '../semantics/path-segments';

/** What kind of change an entry reports. */
export type MigrationKind = 'removed' | 'renamed' | 'moved' | 'added' | 'syntax' | 'signature' | 'changed';

/** One change a file meets on the way from one release to another. */
export interface MigrationEntry {
  subsystem: string;
  kind: MigrationKind;
  /** The item (a path) or the macro syntax, as the report names it. */
  what: string;
  /** The release the change came in, or a span ("7.1–7.2") when it is not pinned. */
  release: string;
  /** One sentence: what changed. */
  detail: string;
  /** The mechanical fix `--fix` applies, when there is one. */
  fix?: string;
  /** Where the file first uses it (0-based). */
  line: number;
  character: number;
}

/** Subsystems by path prefix, most specific first; the report groups by these. */
const SUBSYSTEMS: readonly [RegExp, string][] = [
  [/^kernel::time::hrtimer\b|impl_has_hr_timer|HrTimer/, 'hrtimer'],
  [/^kernel::time\b|^kernel::delay\b|Delta|Instant|Clock/, 'time'],
  [/^kernel::dma\b|^kernel::io\b|^kernel::ptr\b|dma_read|dma_write|project!|Coherent/, 'DMA and I/O'],
  [/^kernel::mm\b|^kernel::page\b|^kernel::miscdevice\b|zap_|Vma/, 'mm / VMA'],
  [/^kernel::sync\b|^kernel::types::(ARef|AlwaysRefCounted)|^kernel::interrupt\b|lock_class|Lock|Mutex|ARef/, 'locks and sync'],
  [/^pin_init\b|^kernel::init\b|^macros::|_init!|pin_init|PinInit|Zeroable|pin_data|pinned_drop|\? Error|default_error/, 'pin-init'],
];

function subsystemOf(what: string): string {
  for (const [re, name] of SUBSYSTEMS) if (re.test(what)) return name;
  return 'other';
}

/** The first backticked name of a version-gate message, and the release in its parentheses. */
function parseGate(f: Finding): { what: string; release: string } | undefined {
  const what = /`([^`]+)`/.exec(f.message)?.[1];
  const release = /\((?:added|removed) in ([0-9.–-]+)\)/.exec(f.message)?.[1];
  return what && release ? { what, release } : undefined;
}

function gateKind(f: Finding, what: string, item: KbItem | undefined): MigrationKind {
  if (f.ruleId === 'api-unavailable') return /^[A-Za-z_][\w:]*!?$/.test(what) ? 'added' : 'syntax';
  if (!/^[A-Za-z_][\w:]*!?$/.test(what)) return 'syntax';
  const replacement = item?.replacement;
  if (!replacement) return 'removed';
  const last = (p: string) => p.slice(p.lastIndexOf(':') + 1).replace(/!$/, '');
  return last(replacement) === last(item.path) ? 'moved' : 'renamed';
}

/** The signature text an item has at a release, if any. */
function signatureAt(item: KbItem, release: string): string | undefined {
  const s = statusAt(item, release);
  return s.state === 'available' ? s.signature?.text : undefined;
}

/**
 * The changes between `from` and `to` (either order) that the file's code meets: findings of the version gates at
 * `to`, then items the file names at `from` that are still there at `to` but changed on the way.
 */
function migrationEntries(tree: Tree, text: string, filePath: string | undefined, from: string, to: string): MigrationEntry[] {
  const kb = knowledgeBase();
  const out: MigrationEntry[] = [];
  const seen = new Set<string>();
  for (const f of analyzeTree(tree, text, { target: to, filePath, only: MECHANICAL_FIX_RULES })) {
    const gate = parseGate(f);
    if (!gate) continue;
    const item = kb.resolve(gate.what, from);
    const fix = f.fixes.length === 1 ? f.fixes[0].title : undefined;
    out.push({
      subsystem: subsystemOf(gate.what),
      kind: gateKind(f, gate.what, item),
      what: gate.what,
      release: gate.release,
      detail: f.message,
      ...(fix ? { fix } : {}),
      line: f.range.start.line,
      character: f.range.start.character,
    });
    seen.add(gate.what);
  }
  // Items named at `from` that survive to `to` with a changed signature or a dated change in between.
  const [lo, hi] = compareReleases(from, to) <= 0 ? [from, to] : [to, from];
  const between = (v: string) => compareReleases(v, lo) > 0 && compareReleases(v, hi) <= 0;
  const root = tree.rootNode;
  const scope = fileScope(root, filePath);
  const structure = structureOf(root);
  const named: { path: string; at: number }[] = [];
  for (const leaf of scope.leaves) if (leaf.segments.length) named.push({ path: canonicalRoot(leaf.path, scope.crateName), at: leaf.segments[0].start });
  for (const p of structure.plainPaths) {
    const segs = plainSegments(root, structure.text, p.start, p.end);
    if (!segs || segs.length < 2) continue;
    const path = resolveSegments(segs.map((s) => s.text), scope, kb, from);
    if (path) named.push({ path, at: p.start });
  }
  for (const { path, at } of named) {
    if (seen.has(path)) continue;
    seen.add(path);
    const item = kb.resolve(path, from) ?? kb.resolve(`${path}!`, from);
    if (!item || statusAt(item, from).state !== 'available' || statusAt(item, to).state !== 'available') continue;
    const notes = (item.changes ?? []).filter((c) => between(c.version));
    const before = signatureAt(item, from);
    const after = signatureAt(item, to);
    const where = offsetToPosition(structure.text, at);
    if (before && after && before !== after && notes.length === 0) {
      out.push({ subsystem: subsystemOf(item.path), kind: 'signature', what: item.path, release: `${lo}–${hi}`, detail: `The signature changed: \`${after}\`.`, ...where });
    }
    for (const c of notes) {
      out.push({ subsystem: subsystemOf(item.path), kind: before !== after ? 'signature' : 'changed', what: item.path, release: c.version, detail: c.note, ...where });
    }
  }
  out.sort((a, b) => a.subsystem.localeCompare(b.subsystem) || a.line - b.line || a.character - b.character);
  return out;
}

/** The migration entries of one text (parsed here, the tree freed), or why it could not be read. */
export function migrationOfText(parser: Parser, text: string, filePath: string | undefined, from: string, to: string): MigrationEntry[] | { skip: string } {
  const reason = checkAnalysable(text);
  if (reason) return { skip: reason.message };
  const tree = parseWithLimit(parser, text);
  if (!tree) return { skip: 'parsing took too long' };
  try {
    return migrationEntries(tree, text, filePath, from, to);
  } finally {
    tree.delete();
  }
}

function offsetToPosition(text: string, offset: number): { line: number; character: number } {
  let line = 0;
  let lineStart = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, character: offset - lineStart };
}

/** A report for several files. */
export interface MigrationReport {
  from: string;
  to: string;
  files: { path: string; entries: MigrationEntry[] }[];
}

/** The report as text: per file, per subsystem, one line per change. */
export function migrationText(r: MigrationReport): string {
  const lines = [`Changes between Linux ${r.from} and ${r.to} that this code meets:`];
  for (const f of r.files) {
    if (f.entries.length === 0) continue;
    lines.push('', f.path);
    let group = '';
    for (const e of f.entries) {
      if (e.subsystem !== group) lines.push(`  ${(group = e.subsystem)}:`);
      lines.push(`    ${e.line + 1}:${e.character + 1} ${e.kind} in ${e.release}: ${e.detail}${e.fix ? ` [--fix: ${e.fix}]` : ''}`);
    }
  }
  const total = r.files.reduce((n, f) => n + f.entries.length, 0);
  const mechanical = r.files.reduce((n, f) => n + f.entries.filter((e) => e.fix).length, 0);
  lines.push('', `${total} change(s) in ${r.files.filter((f) => f.entries.length).length} file(s); ${mechanical} fixed mechanically by --fix, the rest need a person.`);
  return `${lines.join('\n')}\n`;
}

/** The report as Markdown, for a pull-request comment: a table per subsystem. */
export function migrationMarkdown(r: MigrationReport): string {
  const bySubsystem = new Map<string, { path: string; e: MigrationEntry }[]>();
  for (const f of r.files) for (const e of f.entries) (bySubsystem.get(e.subsystem) ?? bySubsystem.set(e.subsystem, []).get(e.subsystem))?.push({ path: f.path, e });
  const cell = (s: string) => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');
  const out = [`### Kernel Rust: changes from Linux ${r.from} to ${r.to}`, ''];
  if (bySubsystem.size === 0) out.push('Nothing this code uses changed.');
  for (const [name, rows] of [...bySubsystem].sort(([a], [b]) => a.localeCompare(b))) {
    out.push(`#### ${name}`, '', '| where | change | release | fix |', '|---|---|---|---|');
    for (const { path, e } of rows) out.push(`| \`${cell(path)}:${e.line + 1}\` | ${cell(e.detail)} | ${e.release} | ${e.fix ? cell(e.fix) : 'by hand'} |`);
    out.push('');
  }
  return `${out.join('\n')}\n`;
}
