/** Plain data the analysis core produces; LSP-shaped positions, but no LSP dependency. */

/** Zero-based line and UTF-16 column, like LSP positions. */
export interface Position {
  line: number;
  character: number;
}

/** Orders positions: negative when `a` comes first, zero when equal. */
export function comparePositions(a: Position, b: Position): number {
  return a.line - b.line || a.character - b.character;
}

/** A half-open span of text. */
export interface Range {
  start: Position;
  end: Position;
}

/** Replace `range` with `newText`. */
export interface TextEdit {
  range: Range;
  newText: string;
}

/** A mechanical fix a user can apply: a title and the edits it makes. */
export interface Fix {
  title: string;
  edits: TextEdit[];
}

/** How loudly a finding is reported. */
export type Severity = 'error' | 'warning' | 'info' | 'hint';

/** A per-rule setting: a severity, or off. */
export type LintLevel = Severity | 'off';

/** One diagnostic produced by a rule. */
export interface Finding {
  ruleId: string;
  severity: Severity;
  message: string;
  range: Range;
  fixes: Fix[];
}
