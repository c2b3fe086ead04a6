/** The lint engine: rule definitions, running them over one tree, suppression comments, severity overrides. */
import { Query, type Language, type Node, type Tree } from 'web-tree-sitter';
import { comparePositions, type Finding, type Fix, type LintLevel, type Range, type Severity } from '../core/types';
import { inRange } from '../kb/version';
import { unitsOf, type Unit } from '../parsing/units';
import { withSession } from '../parsing/tree-session';
import { nodeRange } from '../parsing/walk';
import { fileFacts, type FileFacts, type TreeAvailability } from '../semantics/file-facts';

/** The four parts of a rule's documentation, as in clippy and ruff. */
export interface RuleDocs {
  what: string;
  why: string;
  example: string;
  useInstead: string;
}

/** What a rule's check function receives: the file's facts (semantics/file-facts.ts) and a way to report. */
export interface RuleContext extends FileFacts {
  /** Reports a finding at a node or range. */
  report(at: Node | Range, message: string, fixes?: Fix[]): void;
}

/** A lint rule. `id` equals its file name and is a public contract. */
export interface Rule {
  id: string;
  severity: Severity;
  docs: RuleDocs;
  /** Only runs for targets in [since, until), when set. */
  since?: string;
  until?: string;
  check(ctx: RuleContext): void;
}

/** Declares a rule; exists so every rule file has the same shape and type checking. */
export function defineRule(rule: Rule): Rule {
  return rule;
}

const queryCache = new Map<string, Query>();

/** Compiles a query once for the language and keeps it for the life of the process. */
function cachedQuery(language: Language, source: string): Query {
  let q = queryCache.get(source);
  if (!q) {
    q = new Query(language, source);
    queryCache.set(source, q);
  }
  return q;
}

/** Per-run settings of the engine. */
export interface EngineOptions {
  target: string;
  /** `kernelRust.lints.<id>` overrides. */
  levels?: Readonly<Record<string, LintLevel>>;
  /** Path of the file, when known. */
  filePath?: string;
  /** The indexed kernel tree at the target's release, when there is one. */
  tree?: TreeAvailability;
  /** Only these rules, when given (the CLI's --rule). */
  only?: ReadonlySet<string>;
  /** Called once per rule that throws; the other rules still run. */
  onRuleError?: (ruleId: string, error: unknown) => void;
}

const ALLOW = /kernel-rust:\s*allow\(([^)]*)\)/;

/** Lines whose findings are suppressed, by rule id ('all' for every rule): the comment's own line and the next. */
function suppressions(root: Node, text: string): Map<number, Set<string>> {
  const out = new Map<number, Set<string>>();
  // Most files have no allow comment at all: then there is no need to look at the tree.
  if (!ALLOW.test(text)) return out;
  for (const { node } of cachedQuery(root.tree.language, '[(line_comment) (block_comment)] @comment').captures(root)) {
    const m = ALLOW.exec(node.text);
    if (!m) continue;
    const ids = m[1].split(',').map((s) => s.trim()).filter(Boolean);
    for (const line of [node.startPosition.row, node.endPosition.row + 1]) {
      const set = out.get(line) ?? new Set<string>();
      ids.forEach((id) => set.add(id));
      out.set(line, set);
    }
  }
  return out;
}

/** Ranges of the units (items with their attributes) that contain a syntax error. */
function brokenRegions(root: Node, text: string, units?: readonly Unit[]): Range[] {
  if (!root.hasError) return [];
  return (units ?? unitsOf(root, text))
    .filter((u) => u.broken)
    .map((u) => ({ start: u.from, end: u.to }));
}

function overlaps(a: Range, b: Range): boolean {
  return comparePositions(a.end, b.start) >= 0 && comparePositions(b.end, a.start) >= 0;
}

/** Runs every enabled rule over a tree and returns their findings, suppressions and overrides applied. */
export function runRules(rules: readonly Rule[], tree: Tree, text: string, options: EngineOptions): Finding[] {
  return finishFindings(tree.rootNode, text, collectFindings(rules, tree, text, options));
}

/**
 * Runs every enabled rule and returns what they reported, rule by rule in rule order, before suppression comments
 * and syntax errors are taken into account ({@link finishFindings} does that). With `focus` (top-level nodes of
 * `tree`), the rules' shared file structure is searched for only inside those nodes. `units`, when the caller has them, saves
 * cutting the file again.
 */
export function collectFindings(
  rules: readonly Rule[],
  tree: Tree,
  text: string,
  options: EngineOptions,
  focus?: readonly Node[],
  units?: readonly Unit[],
): Finding[] {
  if (!focus && tree.rootNode.hasError) {
    // Units with syntax errors are left out: nothing is reported inside them, and nothing in them is taken as
    // context for the rest of the file (half-typed code would otherwise make the rules guess).
    const healthy = (units ?? unitsOf(tree.rootNode, text)).filter((u) => !u.broken);
    if (healthy.length === 0) return [];
    focus = healthy.flatMap((u) => u.nodes);
  }
  if (focus && focus.length === 0) return [];
  // Rules and their helpers share per-run results over the same tree (the file structure of syntax/structure.ts).
  return withSession(() => collectOnce(rules, tree, text, options), { tree, text, focus });
}

/** Drops findings inside top-level items with syntax errors and findings allowed by comments; sorts by position. */
export function finishFindings(root: Node, text: string, raw: readonly Finding[], units?: readonly Unit[]): Finding[] {
  const broken = brokenRegions(root, text, units);
  let allowed: Map<number, Set<string>> | undefined;
  const findings: Finding[] = [];
  for (const f of raw) {
    if (broken.some((r) => overlaps(r, f.range))) continue;
    allowed ??= suppressions(root, text);
    const ids = allowed.get(f.range.start.line);
    if (ids && (ids.has('all') || ids.has(f.ruleId))) continue;
    findings.push(f);
  }
  findings.sort((a, b) => comparePositions(a.range.start, b.range.start));
  return findings;
}

/** The context's `report` between rules. */
function noReport(): void {}

function collectOnce(rules: readonly Rule[], tree: Tree, text: string, options: EngineOptions): Finding[] {
  const root = tree.rootNode;
  const findings: Finding[] = [];
  // The facts are shared by every rule of the run (computed on first use); only `report` is the rule's own. One object
  // for the whole run, whose `report` is swapped per rule, keeps the context's shape the same for every rule and run.
  const ctx: RuleContext = Object.assign(fileFacts(root, text, options.target, options.filePath, options.tree), { report: noReport });
  for (const rule of rules) {
    if (options.only && !options.only.has(rule.id)) continue;
    const level = options.levels?.[rule.id] ?? rule.severity;
    if (level === 'off') continue;
    if (!inRange(options.target, rule.since, rule.until)) continue;
    const produced: Finding[] = [];
    ctx.report = (at, message, fixes = []) => {
      const range = 'startPosition' in at ? nodeRange(at) : at;
      produced.push({ ruleId: rule.id, severity: level, message, range, fixes });
    };
    try {
      rule.check(ctx);
    } catch (error) {
      options.onRuleError?.(rule.id, error);
      continue;
    }
    findings.push(...produced);
  }
  return findings;
}
