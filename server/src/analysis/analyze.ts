/** The one analysis path shared by the language server and the CLI. */
import type { Parser, Tree } from 'web-tree-sitter';
import { runRules, type EngineOptions } from '../lints/engine';
import { RULES } from '../lints/rules';
import { parseWithLimit } from '../parsing/language';
import { checkAnalysable, type SkipReason } from '../core/limits';
import { mergeRangeFindings, type TargetRange } from '../core/target-range';
import type { Finding } from '../core/types';

/** Settings for one analysis run. */
export interface AnalyzeOptions extends EngineOptions {
  /** When set, the code must build on every release of the range: `target` is ignored and each release is checked. */
  range?: TargetRange;
}

/** Lints an already-parsed document (at every release of the range, findings merged, when a range is set). */
export function analyzeTree(tree: Tree, text: string, options: AnalyzeOptions): Finding[] {
  const range = options.range;
  if (!range) return runRules(RULES, tree, text, options);
  return mergeRangeFindings(range, range.releases.map((release) => runRules(RULES, tree, text, { ...options, target: release })));
}

/** What analysing one text produced: findings, or why it was not analysed. */
export type TextResult =
  | { status: 'analysed'; findings: Finding[] }
  | { status: 'skipped'; reason: SkipReason }
  | { status: 'parse-failed' };

/** Parses and lints a whole text, freeing the tree afterwards. */
export function analyzeText(parser: Parser, text: string, options: AnalyzeOptions): TextResult {
  const reason = checkAnalysable(text);
  if (reason) return { status: 'skipped', reason };
  const tree = parseWithLimit(parser, text);
  if (!tree) return { status: 'parse-failed' };
  try {
    return { status: 'analysed', findings: analyzeTree(tree, text, options) };
  } finally {
    tree.delete();
  }
}
