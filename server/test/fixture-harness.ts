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

const ANNOTATION = /^(\s*)\/\/(\s*)(\^+)\s+(error|warning|info|hint)\[([a-z0-9-]+)\]:\s*(.*)$/;

/** Parses the `//@` headers and `^^^ level[rule]: message` annotations of a fixture. */
export function readFixture(file: string): Fixture {
  const text = fs.readFileSync(file, 'utf8');
  const lines = text.split('\n');
  const targets: string[] = [];
  let filePath: string | undefined;
  const expectations: Expectation[] = [];
  let lastCode = -1;
  lines.forEach((line, i) => {
    const header = /^\/\/@\s*(kernel|path):\s*(.+)$/.exec(line);
    if (header) {
      if (header[1] === 'kernel') targets.push(...header[2].split(',').map((s) => s.trim()).filter(Boolean));
      else filePath = `/fixture-tree/${header[2].trim()}`;
      return;
    }
    const m = ANNOTATION.exec(line);
    if (m) {
      if (lastCode < 0) throw new Error(`${file}:${i + 1}: annotation before any code line`);
      const start = m[1].length + 2 + m[2].length;
      expectations.push({ line: lastCode, start, length: m[3].length, severity: m[4], ruleId: m[5], message: m[6].trim() });
      return;
    }
    lastCode = i;
  });
  if (targets.length === 0) throw new Error(`${file}: missing "//@ kernel: X" header`);
  return { file, text, targets, filePath, expectations };
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
