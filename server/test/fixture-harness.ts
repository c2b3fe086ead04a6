/** Reads fixtures whose expected diagnostics are written inline, and compares them with what the rules report. */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Finding, TextEdit } from '../src/core/types';

/** One expected diagnostic from a caret annotation. */
export interface Expectation {
  line: number;
  start: number;
  length: number;
  severity: string;
  ruleId: string;
  message: string;
  /** Only at these releases (`error@6.15,6.16[rule]`); at every target of the fixture when omitted. */
  releases?: string[];
}

/** A parsed fixture. */
export interface Fixture {
  file: string;
  text: string;
  targets: string[];
  /** Simulated path of the file inside a kernel tree (`//@ path: rust/kernel/x.rs`). */
  filePath?: string;
  expectations: Expectation[];
}

/** `//   ^^^^ level[@release,…][rule]: message` — the only annotation form. */
const ANNOTATION = /^(\s*)\/\/(\s*)(\^+)\s+(error|warning|info|hint)(?:@(\d+\.\d+(?:\s*,\s*\d+\.\d+)*))?\[([a-z0-9-]+)\]:\s*(\S.*)$/;
/** Anything that starts like an annotation (a comment whose text begins with `^`) must be one. */
const MARKER = /^\s*\/\/\s*\^/;
const HEADER = /^\/\/@\s*([a-z-]+):\s*(.*)$/;
/** A release (`6.15`) or a range of releases (`6.15..6.18`), as a `//@ kernel:` header lists them. */
const TARGET = /^\d+\.\d+(?:\.\.\d+\.\d+)?$/;

/**
 * Parses the `//@` headers and `^^^ level[rule]: message` annotations of a fixture's text. Malformed markers,
 * unknown headers or rules, releases the fixture does not run at, and annotations before any code are errors, so
 * that a typo cannot silently turn an expectation into a comment.
 */
export function parseFixture(file: string, text: string, knownRules?: ReadonlySet<string>): Fixture {
  const lines = text.split('\n');
  const targets: string[] = [];
  let filePath: string | undefined;
  const expectations: Expectation[] = [];
  let lastCode = -1;
  const fail = (i: number, why: string): never => {
    throw new Error(`${file}:${i + 1}: ${why}: ${lines[i]}`);
  };
  lines.forEach((line, i) => {
    if (line.startsWith('//@')) {
      const header = HEADER.exec(line);
      if (!header) fail(i, 'malformed header (expected "//@ kernel: X" or "//@ path: P")');
      const [, key, value] = header as RegExpExecArray;
      if (key === 'kernel') {
        const releases = value.split(',').map((r) => r.trim());
        if (releases.some((r) => !TARGET.test(r))) fail(i, 'a kernel header lists releases or ranges like 6.15, 7.0, 6.15..6.18');
        targets.push(...releases);
      } else if (key === 'path') {
        if (!value.trim()) fail(i, 'empty path header');
        filePath = `/fixture-tree/${value.trim()}`;
      } else fail(i, `unknown header "${key}"`);
      return;
    }
    if (MARKER.test(line)) {
      const m = ANNOTATION.exec(line);
      if (!m) fail(i, 'malformed annotation (expected "//   ^^^ level[rule]: message" or "level@6.15[rule]")');
      const [, lead, gap, carets, severity, at, ruleId, message] = m as RegExpExecArray;
      if (lastCode < 0) fail(i, 'annotation before any code line');
      if (knownRules && !knownRules.has(ruleId)) fail(i, `unknown rule "${ruleId}"`);
      const releases = at?.split(',').map((r) => r.trim());
      expectations.push({ line: lastCode, start: lead.length + 2 + gap.length, length: carets.length, severity, ruleId, message: message.trim(), releases });
      return;
    }
    lastCode = i;
  });
  if (targets.length === 0) throw new Error(`${file}: missing "//@ kernel: X" header`);
  for (const e of expectations) {
    const stray = e.releases?.find((r) => !targets.includes(r));
    if (stray) throw new Error(`${file}:${e.line + 2}: annotation for ${stray}, which is not among the fixture's targets (${targets.join(', ')})`);
  }
  return { file, text, targets, filePath, expectations };
}

/** Reads and parses a fixture file (see {@link parseFixture}). */
export function readFixture(file: string, knownRules?: ReadonlySet<string>): Fixture {
  return parseFixture(file, fs.readFileSync(file, 'utf8'), knownRules);
}

/** The expectations that apply when the fixture runs at `target`. */
export function expectationsAt(fixture: Fixture, target: string): Expectation[] {
  return fixture.expectations.filter((e) => !e.releases || e.releases.includes(target));
}

/** Every .rs fixture under a folder. */
export function fixtureFiles(dir: string): string[] {
  const out: string[] = [];
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...fixtureFiles(full));
    else if (e.name.endsWith('.rs')) out.push(full);
  }
  return out.sort();
}

/** Differences between expected and actual diagnostics; empty when they match exactly. */
export function compare(expectations: readonly Expectation[], findings: readonly Finding[]): string[] {
  const problems: string[] = [];
  const unmatched = [...findings];
  for (const e of expectations) {
    const i = unmatched.findIndex(
      (f) =>
        f.ruleId === e.ruleId &&
        f.severity === e.severity &&
        f.range.start.line === e.line &&
        f.range.start.character === e.start &&
        (f.range.end.line !== f.range.start.line || f.range.end.character - f.range.start.character === e.length) &&
        f.message.includes(e.message),
    );
    if (i < 0) problems.push(`expected at ${e.line + 1}:${e.start + 1} (len ${e.length}) ${e.severity}[${e.ruleId}]: ${e.message}`);
    else unmatched.splice(i, 1);
  }
  for (const f of unmatched) {
    const len = f.range.end.line === f.range.start.line ? f.range.end.character - f.range.start.character : -1;
    problems.push(`unexpected at ${f.range.start.line + 1}:${f.range.start.character + 1} (len ${len}) ${f.severity}[${f.ruleId}]: ${f.message}`);
  }
  return problems;
}

/** Applies non-overlapping edits to a text. */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const lineStarts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === '\n') lineStarts.push(i + 1);
  const offset = (p: { line: number; character: number }): number => (lineStarts[p.line] ?? text.length) + p.character;
  const sorted = [...edits].sort((a, b) => offset(b.range.start) - offset(a.range.start));
  let out = text;
  for (const e of sorted) out = out.slice(0, offset(e.range.start)) + e.newText + out.slice(offset(e.range.end));
  return out;
}

/**
 * Where the expected text after quick fixes of a fixture at one release lives: `<name>@<release>.fixed` next to
 * the fixture when that release fixes differently, else `<name>.fixed` for every release. A fixture with neither
 * promises that no fix is offered.
 */
export function fixedFilesOf(file: string, target: string): { own: string; shared: string } {
  const base = file.replace(/\.rs$/, '');
  return { own: `${base}@${target}.fixed`, shared: `${base}.fixed` };
}

/** The expected fixed text of a fixture at a release, or undefined when none is promised (see {@link fixedFilesOf}). */
export function expectedFixedText(file: string, target: string): { path: string; text: string } | undefined {
  const { own, shared } = fixedFilesOf(file, target);
  for (const p of [own, shared]) if (fs.existsSync(p)) return { path: p, text: fs.readFileSync(p, 'utf8') };
  return undefined;
}

/**
 * The findings' preferred fixes (each finding's first, the one the editor marks preferred), as clippy's UI tests
 * apply every suggestion of a test file at once. An edit several findings share (one rename fixing three `?`) is
 * made once; edits that overlap otherwise make the caller's `applyEdits` throw: such a fixture cannot say what
 * "fixed" is, so it must be split.
 */
export function preferredFixEdits(findings: readonly Finding[]): { edits: TextEdit[]; titles: string[] } {
  const edits: TextEdit[] = [];
  const titles: string[] = [];
  const seen = new Set<string>();
  for (const f of findings) {
    const fix = f.fixes[0];
    if (!fix) continue;
    for (const e of fix.edits) {
      const key = JSON.stringify([e.range, e.newText]);
      if (!seen.has(key)) edits.push(e);
      seen.add(key);
    }
    titles.push(`${f.ruleId}: ${fix.title}`);
  }
  return { edits, titles };
}
