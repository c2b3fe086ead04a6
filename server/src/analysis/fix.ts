/**
 * Applying the mechanical fixes rules attach to their findings to a whole text, for `kernel-rust-check --fix`:
 * which fixes are safe to apply unattended, applying edits, and iterating to a fixpoint. No file system here.
 */
import type { Finding, Fix, Range, TextEdit } from '../core/types';

/**
 * Rules whose fixes are mechanical migrations between releases: pure moves (`kernel::types::ARef` →
 * `kernel::sync::aref::ARef`, offered only when the item kept its kind and name), renames (`dma_handle` →
 * `dma_address`, `__pinned_init` → `__init`) and macro-syntax rewrites that keep the meaning
 * (`dma_read!(a[i].f)?` → `dma_read!(a, [i]?.f)`). They change how an API is spelled, never what the code does.
 * Every other rule's fix (adding `#[pin]`, a parameter, `impl_has_hr_timer!`, `<-` for `:`) changes what the code
 * means and is left for a person, as are the editor's "Allow … on this line" actions, which are not fixes at all.
 */
export const MECHANICAL_FIX_RULES: ReadonlySet<string> = new Set(['api-removed', 'api-unavailable']);

/** At most this many rounds of fix → re-lint; fixes that unlock further fixes settle well within it. */
const MAX_FIX_ROUNDS = 8;

/** A fix that was applied, where its finding was (0-based, in the text of the round it was applied in). */
export interface AppliedFix {
  ruleId: string;
  title: string;
  /** The finding's message before the fix. */
  message: string;
  range: Range;
  round: number;
}

/** A finding still there after fixing, and why no fix was applied to it. */
export interface LeftFinding {
  finding: Finding;
  reason: string;
}

/** What fixing one text produced. */
export interface FixResult {
  text: string;
  applied: AppliedFix[];
  left: LeftFinding[];
  rounds: number;
  /** Set when the rounds ran out or a text came back: the fixes do not settle. */
  unsettled?: string;
}

/** The one fix `--fix` may apply to a finding, or why none. */
export function safeFixOf(f: Finding): { fix: Fix } | { reason: string } {
  const titles = f.fixes.map((x) => `"${x.title}"`).join(', ');
  if (!MECHANICAL_FIX_RULES.has(f.ruleId)) {
    return f.fixes.length
      ? { reason: `its suggested fix (${titles}) changes what the code does; review it and apply it in the editor` }
      : { reason: `no fix is known; see docs/lints.md#${f.ruleId}` };
  }
  if (f.fixes.length === 0) return { reason: 'no mechanical rewrite is known here: the replacement is not a drop-in (another name, arguments or type), or the path is not spelled out in full at this spot' };
  if (f.fixes.length > 1) return { reason: `several fixes are possible (${titles}); pick one` };
  if (f.fixes[0].edits.length === 0) return { reason: 'its fix has no edits' };
  return { fix: f.fixes[0] };
}

/** Offsets of the start of each line (after each '\n'). */
function lineStarts(text: string): number[] {
  const out = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) out.push(i + 1);
  return out;
}

/** Text offset of a 0-based line / UTF-16 column, clamped to the text; undefined when the line does not exist. */
function offsetOf(starts: readonly number[], text: string, line: number, character: number): number | undefined {
  if (line < 0 || line >= starts.length || character < 0) return undefined;
  const end = line + 1 < starts.length ? starts[line + 1] - 1 : text.length;
  return starts[line] + character <= end ? starts[line] + character : undefined;
}

interface OffsetEdit {
  start: number;
  end: number;
  newText: string;
}

/** Whether the text uses CRLF for most of its line breaks. */
export function usesCrlf(text: string): boolean {
  let crlf = 0;
  let lf = 0;
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) {
    if (i > 0 && text.charCodeAt(i - 1) === 13) crlf++;
    else lf++;
  }
  return crlf > lf;
}

/**
 * Applies non-overlapping edits (LSP positions) to a text; line breaks in new text follow the text's own style.
 * Throws on overlapping edits or positions outside the text: a fix that does not fit must never half-apply.
 */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const starts = lineStarts(text);
  const crlf = usesCrlf(text);
  const resolved: OffsetEdit[] = edits.map((e) => {
    const start = offsetOf(starts, text, e.range.start.line, e.range.start.character);
    const end = offsetOf(starts, text, e.range.end.line, e.range.end.character);
    if (start === undefined || end === undefined || end < start) throw new Error(`edit outside the text at ${e.range.start.line + 1}:${e.range.start.character + 1}`);
    return { start, end, newText: crlf ? e.newText.replace(/\r?\n/g, '\r\n') : e.newText };
  });
  resolved.sort((a, b) => a.start - b.start || a.end - b.end);
  for (let i = 1; i < resolved.length; i++) {
    if (resolved[i].start < resolved[i - 1].end) throw new Error('overlapping edits');
  }
  let out = '';
  let at = 0;
  for (const e of resolved) {
    out += text.slice(at, e.start) + e.newText;
    at = e.end;
  }
  return out + text.slice(at);
}

function overlapsAny(spans: readonly OffsetEdit[], e: OffsetEdit): boolean {
  // Two insertions at one spot, or an insertion inside a replaced span, are overlaps too: their order would matter.
  return spans.some((s) => e.start < s.end && s.start < e.end || (e.start === s.start && (e.start === e.end || s.start === s.end)));
}

/** Lints a text; the caller's analysis, so fixing and checking cannot disagree. Undefined when it cannot be analysed. */
export type Linter = (text: string) => Finding[] | undefined;

/**
 * Applies every safe fix to a text, re-linting after each round (a fix can reveal or unlock another) until no safe
 * fix is left, at most {@link MAX_FIX_ROUNDS} rounds; fixes whose edits overlap one already taken wait for the next
 * round. Returns the final text, what was applied, and every finding still there with the reason it was left.
 */
export function fixText(text: string, lint: Linter): FixResult {
  const applied: AppliedFix[] = [];
  const seen = new Set<string>([text]);
  let current = text;
  let findings = lint(current);
  if (!findings) return { text, applied, left: [], rounds: 0, unsettled: 'the file could not be analysed' };
  let rounds = 0;
  let unsettled: string | undefined;
  for (;;) {
    const taken: OffsetEdit[] = [];
    const edits: TextEdit[] = [];
    const roundApplied: AppliedFix[] = [];
    const starts = lineStarts(current);
    for (const f of findings) {
      const safe = safeFixOf(f);
      if (!('fix' in safe)) continue;
      const spans: OffsetEdit[] = [];
      for (const e of safe.fix.edits) {
        const start = offsetOf(starts, current, e.range.start.line, e.range.start.character);
        const end = offsetOf(starts, current, e.range.end.line, e.range.end.character);
        if (start === undefined || end === undefined || end < start) break;
        spans.push({ start, end, newText: e.newText });
      }
      if (spans.length !== safe.fix.edits.length || spans.some((s) => overlapsAny(taken, s))) continue;
      taken.push(...spans);
      edits.push(...safe.fix.edits);
      roundApplied.push({ ruleId: f.ruleId, title: safe.fix.title, message: f.message, range: f.range, round: rounds + 1 });
    }
    if (edits.length === 0) break;
    if (rounds >= MAX_FIX_ROUNDS) {
      unsettled = `fixes did not settle after ${MAX_FIX_ROUNDS} rounds`;
      break;
    }
    const next = applyEdits(current, edits);
    rounds++;
    if (seen.has(next)) {
      unsettled = 'the fixes undo each other';
      break;
    }
    const nextFindings = lint(next);
    if (!nextFindings) {
      // A fixed text the analyser cannot read (it should not happen) is not kept: stop with the last good one.
      unsettled = `after round ${rounds} the text could not be analysed; those fixes were not kept`;
      break;
    }
    seen.add(next);
    applied.push(...roundApplied);
    current = next;
    findings = nextFindings;
  }
  const left = findings.map((finding) => {
    const safe = safeFixOf(finding);
    return { finding, reason: 'reason' in safe ? safe.reason : (unsettled ?? 'its fix overlaps another fix') };
  });
  return { text: current, applied, left, rounds, ...(unsettled ? { unsettled } : {}) };
}
