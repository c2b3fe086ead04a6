#!/usr/bin/env node
/** kernel-rust-check: the command-line checker for CI. Same analysis as the language server. */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Parser } from 'web-tree-sitter';
import { analyzeText } from './analysis/analyze';
import { readForFix, replaceFileAtomically, WriteRefused } from './analysis/atomic-write';
import { Baseline, BaselineError, baselinePath, fingerprintOf, parseBaseline } from './analysis/baseline';
import { DiffError, gitChangedLines, parseUnifiedDiff, touchesChangedLine, type ChangedLines } from './analysis/changed-lines';
import { collectRustFiles, type Skipped } from './core/files';
import { fixText, type AppliedFix, type LeftFinding } from './analysis/fix';
import { sarifLog, type SarifNotice } from './analysis/sarif';
import { KernelTreeLocator, resolveTarget, type Target } from './core/target';
import { TreeApi } from './analysis/tree-api';
import type { Finding, Severity } from './core/types';
import { unifiedDiff } from './analysis/unified-diff';
import { parseArgs, USAGE, UsageError, type CliOptions } from './cli-args';
import { RULES } from './lints/rules';
import { createRustParser } from './parsing/language';
import { migrationMarkdown, migrationOfText, migrationText, type MigrationReport } from './analysis/migration';

declare const KERNEL_RUST_VERSION: string | undefined;
const VERSION = typeof KERNEL_RUST_VERSION === 'string' ? KERNEL_RUST_VERSION : 'dev';

/** Files bigger than this are not even read. */
const MAX_FILE_BYTES = 4 * 1024 * 1024;

interface FileReport {
  path: string;
  target: Target;
  lines: number;
  findings: Finding[];
  /** One per finding: see baseline.ts. */
  fingerprints: string[];
}

function displayPath(file: string): string {
  const rel = path.relative(process.cwd(), file);
  return rel && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel : file;
}

const RUSTC_LEVEL: Record<Severity, string> = { error: 'error', warning: 'warning', info: 'note', hint: 'help' };

/** Why a file is not even read, or undefined. */
function sizeSkip(file: string): string | undefined {
  let size: number;
  try {
    size = fs.statSync(file).size;
  } catch (error) {
    return `cannot read (${(error as NodeJS.ErrnoException).code ?? 'error'})`;
  }
  return size > MAX_FILE_BYTES ? `too large (${Math.round(size / 1024)} KiB)` : undefined;
}

function readSource(file: string): { text: string } | { skip: string } {
  const tooBig = sizeSkip(file);
  if (tooBig) return { skip: tooBig };
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(file);
  } catch (error) {
    return { skip: `cannot read (${(error as NodeJS.ErrnoException).code ?? 'error'})` };
  }
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
  } catch {
    return { skip: 'not valid UTF-8' };
  }
}

/** One line per kernel tree whose Makefile names a release the knowledge base does not know: said on every run. */
function unknownReleaseWarnings(reports: FileReport[]): string[] {
  const seen = new Map<string, string>();
  for (const r of reports) {
    if (r.target.unknownRelease && r.target.note) seen.set(r.target.kernelRoot ?? '?', `${displayPath(r.target.kernelRoot ?? '?')}: ${r.target.note}`);
  }
  return [...seen.values()];
}

/** The run's notices for SARIF's toolExecutionNotifications: unknown releases and skipped files. */
function notices(reports: FileReport[], skipped: Skipped[]): SarifNotice[] {
  return [
    ...unknownReleaseWarnings(reports).map((text): SarifNotice => ({ id: 'unknown-release', level: 'warning', text })),
    ...skipped.map((s): SarifNotice => ({
      id: 'file-skipped',
      level: s.reason === 'vendored third-party crate' ? 'note' : 'warning',
      text: `${displayPath(s.path)}: skipped: ${s.reason}${s.files > 1 ? ` (${s.files} files)` : ''}`,
    })),
  ];
}

/** The target as outputs write it: "6.15", or the range "6.12..7.3". */
function targetLabel(target: Target): string {
  return target.range?.label ?? target.release;
}

/** "6.12..7.3, a range: each release checked (6.12, 6.13, …)". */
function describeRange(target: Target): string {
  return `${target.range?.label}, a range: each release checked (${target.range?.releases.join(', ')})`;
}

function describeTargets(reports: FileReport[], explicit: string | undefined): string {
  if (explicit) {
    const range = resolveTarget(explicit, undefined, new KernelTreeLocator());
    return range.range ? `Linux ${describeRange(range)} (from --target-version)` : `Linux ${explicit} (from --target-version)`;
  }
  const seen = new Map<string, number>();
  for (const r of reports) {
    const src =
      r.target.source === 'Makefile'
        ? `Makefile in ${displayPath(r.target.kernelRoot ?? '?')}`
        : r.target.source === 'tree'
          ? r.target.kernelRoots
            ? `trees ${r.target.kernelRoots.map(displayPath).join(', ')}`
            : `tree ${displayPath(r.target.kernelRoot ?? '?')}`
          : 'default: newest published release known';
    const pre = r.target.prerelease ? `-${r.target.prerelease}, a release candidate` : '';
    const what = r.target.range ? describeRange(r.target) : `${r.target.release}${pre}`;
    const key = `Linux ${what} (${src}${r.target.note ? `; ${r.target.note}` : ''})`;
    seen.set(key, (seen.get(key) ?? 0) + 1);
  }
  return [...seen.keys()].join(', ') || 'none (no files)';
}

function printStats(reports: FileReport[], skipped: Skipped[], options: CliOptions, ms: number, ruleErrors: string[], treeNotes: readonly string[] = []): void {
  const lines = reports.reduce((n, r) => n + r.lines, 0);
  const byRule = new Map<string, number>();
  for (const r of reports) for (const f of r.findings) byRule.set(f.ruleId, (byRule.get(f.ruleId) ?? 0) + 1);
  const skippedFiles = skipped.reduce((n, s) => n + Math.max(1, s.files), 0);
  const out = [
    `kernel-rust-check ${VERSION}`,
    `  target:   ${describeTargets(reports, options.target)}`,
    `  files:    ${reports.length} analysed, ${lines} lines`,
    `  skipped:  ${skipped.length === 0 ? 'none' : `${skippedFiles} file(s)`}`,
    ...skipped.map((s) => `    ${displayPath(s.path)}: ${s.reason}${s.files > 1 ? ` (${s.files} files)` : ''}`),
    `  time:     ${Math.round(ms)} ms`,
    `  findings: ${[...byRule.values()].reduce((a, b) => a + b, 0)}`,
    ...[...byRule.entries()].sort().map(([id, n]) => `    ${id}: ${n}`),
    ...(ruleErrors.length ? [`  rule errors: ${ruleErrors.join('; ')}`] : []),
    ...(treeNotes.length ? ['  kernel tree:', ...treeNotes.map((n) => `    ${n}`)] : []),
  ];
  process.stderr.write(`${out.join('\n')}\n`);
}

/** Counts errors and warnings, and whether they make the exit status 1. */
function verdict(findings: readonly Finding[], maxWarnings: number): { errors: number; warnings: number; failing: boolean } {
  let errors = 0;
  let warnings = 0;
  for (const f of findings) {
    if (f.severity === 'error') errors++;
    else if (f.severity === 'warning') warnings++;
  }
  return { errors, warnings, failing: errors > 0 || warnings > maxWarnings };
}

function lineCount(text: string): number {
  let lines = text.length > 0 && !text.endsWith('\n') ? 1 : 0;
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) lines++;
  return lines;
}

/** What a run needs besides its options. */
interface RunContext {
  options: CliOptions;
  parser: Parser;
  locator: KernelTreeLocator;
  /** The tree (--kernel-tree or KDIR) giving the release of files outside any kernel tree; several give a range. */
  kernelTree?: string | string[];
  only?: ReadonlySet<string>;
  ruleErrors: string[];
  skipped: Skipped[];
  srcroot: string;
  /** Indexed kernel trees by folder (null when indexing one failed), built the first time a file needs one. */
  trees: Map<string, TreeApi | null>;
  /** What --stats says about the trees: one line per tree indexed and per disagreement with the knowledge base. */
  treeNotes: string[];
}

/** The indexed tree a file's target comes from, when its release is the target's: it decides what the target has. */
function treeFor(ctx: RunContext, target: Target): TreeApi | undefined {
  const root = target.kernelRoot;
  if (!root) return undefined;
  let api = ctx.trees.get(root);
  if (api === undefined) {
    const started = performance.now();
    try {
      api = TreeApi.build(ctx.parser, root);
      const ms = Math.round(performance.now() - started);
      ctx.treeNotes.push(`${displayPath(root)}: Linux ${api.fullRelease}, ${api.stats.files} files indexed in ${ms} ms`);
      api.onDisagreement = (p, kbSays, at) =>
        ctx.treeNotes.push(
          kbSays === 'missing'
            ? `${displayPath(root)} has \`${p}\`, which the knowledge base says Linux ${at} lacks: the tree wins`
            : `${displayPath(root)} lacks \`${p}\`, which the knowledge base says Linux ${at} has: the tree wins`,
        );
    } catch (error) {
      api = null;
      ctx.treeNotes.push(`${displayPath(root)}: not indexed (${error instanceof Error ? error.message : String(error)})`);
    }
    ctx.trees.set(root, api);
  }
  return api?.decidingFor(target.release);
}

function skip(ctx: RunContext, file: string, reason: string): void {
  ctx.skipped.push({ path: file, reason, files: 1 });
  process.stderr.write(`kernel-rust-check: ${displayPath(file)}: skipped: ${reason}\n`);
}

/** Lints one text of a file at its target; undefined when it cannot be analysed (the reason goes to `onSkip`). */
function lintText(ctx: RunContext, file: string, text: string, target: Target, onSkip?: (reason: string) => void): Finding[] | undefined {
  const result = analyzeText(ctx.parser, text, {
    target: target.release,
    range: target.range,
    tree: treeFor(ctx, target),
    filePath: file,
    only: ctx.only,
    onRuleError: (id, error) => {
      ctx.ruleErrors.push(`${id} on ${displayPath(file)}: ${error instanceof Error ? error.message : String(error)}`);
    },
  });
  if (result.status === 'analysed') return result.findings;
  onSkip?.(result.status === 'skipped' ? result.reason.message : 'parsing took too long');
  return undefined;
}

/** The baseline and changed-line filters the options ask for; throws UsageError-like messages as Error. */
function loadFilters(options: CliOptions, srcroot: string): { baseline?: Baseline; changed?: ChangedLines } {
  const out: { baseline?: Baseline; changed?: ChangedLines } = {};
  if (options.baseline !== undefined) {
    let text: string;
    try {
      text = fs.readFileSync(options.baseline, 'utf8');
    } catch (error) {
      throw new UsageError(`--baseline ${options.baseline}: cannot read (${(error as NodeJS.ErrnoException).code ?? 'error'})`);
    }
    try {
      out.baseline = parseBaseline(text, srcroot);
    } catch (error) {
      if (error instanceof BaselineError) throw new UsageError(`--baseline ${options.baseline}: ${error.message}`);
      throw error;
    }
  }
  if (options.changedLinesFrom !== undefined) {
    let text: string;
    try {
      text = fs.readFileSync(options.changedLinesFrom === '-' ? 0 : options.changedLinesFrom, 'utf8');
    } catch (error) {
      throw new UsageError(`--changed-lines-from ${options.changedLinesFrom}: cannot read (${(error as NodeJS.ErrnoException).code ?? 'error'})`);
    }
    try {
      out.changed = parseUnifiedDiff(text, srcroot);
    } catch (error) {
      if (error instanceof DiffError) throw new UsageError(`--changed-lines-from ${options.changedLinesFrom}: ${error.message}`);
      throw error;
    }
  }
  if (options.diffBase !== undefined) {
    try {
      out.changed = gitChangedLines(options.diffBase, process.cwd());
    } catch (error) {
      if (error instanceof DiffError) throw new UsageError(`--diff-base ${options.diffBase}: ${error.message}`);
      throw error;
    }
  }
  return out;
}

/** Runs the checker; returns the exit status. */
export async function main(argv: readonly string[]): Promise<number> {
  const started = performance.now();
  let options: CliOptions;
  let srcroot: string;
  let filters: { baseline?: Baseline; changed?: ChangedLines };
  try {
    options = parseArgs(argv, RULES.map((r) => r.id));
    if (options.help || options.version) {
      process.stdout.write(`${options.help ? USAGE : VERSION}\n`);
      return 0;
    }
    srcroot = path.resolve(options.srcroot ?? '.');
    if (!fs.statSync(srcroot, { throwIfNoEntry: false })?.isDirectory()) throw new UsageError(`--srcroot ${options.srcroot}: not a folder`);
    filters = loadFilters(options, srcroot);
  } catch (error) {
    if (error instanceof UsageError) {
      process.stderr.write(`kernel-rust-check: ${error.message}\n(run with --help for usage)\n`);
      return 2;
    }
    throw error;
  }
  const set = collectRustFiles(options.paths, { includeVendored: options.includeVendored });
  if (set.missing.length) {
    for (const m of set.missing) process.stderr.write(`kernel-rust-check: ${m.path}: ${m.message}\n`);
    return 2;
  }
  const locator = new KernelTreeLocator();
  // The tree an out-of-tree module builds against: --kernel-tree, else KDIR as Kbuild users set it.
  let configuredTree: string | string[] | undefined = options.kernelTree;
  for (const tree of [options.kernelTree, ...(options.moreKernelTrees ?? [])]) {
    if (tree && !locator.treeAt(path.resolve(tree))) {
      process.stderr.write(`kernel-rust-check: --kernel-tree ${tree}: not a kernel tree (no Makefile naming a release next to rust/kernel/)\n`);
      return 2;
    }
  }
  if (options.kernelTree && options.moreKernelTrees?.length) configuredTree = [options.kernelTree, ...options.moreKernelTrees];
  const kdir = process.env.KDIR;
  if (!configuredTree && kdir) {
    if (locator.treeAt(path.resolve(kdir))) configuredTree = kdir;
    else process.stderr.write(`kernel-rust-check: warning: KDIR=${kdir} is not a kernel tree with Rust (no Makefile naming a release next to rust/kernel/); ignored\n`);
  }
  // A reader that stops early (`| head`) closes the pipe: end quietly with the status the run has, no stack trace.
  let statusSoFar = 0;
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
    process.exit(statusSoFar);
  });
  const ctx: RunContext = {
    options,
    parser: await createRustParser(),
    locator,
    kernelTree: configuredTree,
    only: options.rules.length ? new Set(options.rules) : undefined,
    ruleErrors: [],
    skipped: [...set.skipped],
    srcroot,
    trees: new Map(),
    treeNotes: [],
  };
  // Vendored crates are skipped on purpose (--stats counts them); anything else left out is worth a line.
  for (const s of set.skipped) {
    if (s.reason !== 'vendored third-party crate') process.stderr.write(`kernel-rust-check: ${displayPath(s.path)}: skipped: ${s.reason}\n`);
  }
  try {
    if (options.fix) return runFix(ctx, set.files, started, (code) => (statusSoFar = code));
    if (options.migrateFrom) return runMigration(ctx, set.files, options.migrateFrom, options.target as string);
    return runCheck(ctx, set.files, filters, started, (code) => (statusSoFar = code));
  } finally {
    ctx.parser.delete();
  }
}

/** The migration report between two releases (text, JSON or Markdown); exit 1 when the code meets any change. */
function runMigration(ctx: RunContext, files: readonly string[], from: string, to: string): number {
  const report: MigrationReport = { from, to, files: [] };
  for (const file of files) {
    const source = readSource(file);
    if ('skip' in source) {
      skip(ctx, file, source.skip);
      continue;
    }
    const entries = migrationOfText(ctx.parser, source.text, file, from, to);
    if ('skip' in entries) skip(ctx, file, entries.skip);
    else report.files.push({ path: displayPath(file), entries });
  }
  const format = ctx.options.format;
  if (format === 'json') process.stdout.write(`${JSON.stringify({ version: VERSION, ...report, files: report.files.filter((f) => f.entries.length) }, null, 2)}\n`);
  else process.stdout.write(format === 'markdown' ? migrationMarkdown(report) : migrationText(report));
  return report.files.some((f) => f.entries.length) ? 1 : 0;
}

/** The plain check: findings, filtered by baseline and changed lines, in the chosen format. */
function runCheck(ctx: RunContext, files: readonly string[], filters: { baseline?: Baseline; changed?: ChangedLines }, started: number, setStatus: (code: number) => void): number {
  const { options } = ctx;
  const reports: FileReport[] = [];
  let inBaseline = 0;
  let offPatch = 0;
  for (const file of files) {
    const source = readSource(file);
    if ('skip' in source) {
      skip(ctx, file, source.skip);
      continue;
    }
    const target = resolveTarget(options.target, file, ctx.locator, ctx.kernelTree);
    const all = lintText(ctx, file, source.text, target, (reason) => skip(ctx, file, reason));
    if (!all) continue;
    const lines = source.text.split('\n');
    const key = baselinePath(file, ctx.srcroot);
    const findings: Finding[] = [];
    const fingerprints: string[] = [];
    for (const f of all) {
      if (filters.changed && !touchesChangedLine(filters.changed, file, f.range.start.line, f.range.end.line)) {
        offPatch++;
        continue;
      }
      const fingerprint = fingerprintOf(f, lines);
      if (filters.baseline?.take(f.ruleId, key, f.message, fingerprint)) {
        inBaseline++;
        continue;
      }
      findings.push(f);
      fingerprints.push(fingerprint);
    }
    reports.push({ path: file, target, lines: lineCount(source.text), findings, fingerprints });
  }
  for (const e of ctx.ruleErrors) process.stderr.write(`kernel-rust-check: internal error in rule ${e}\n`);
  for (const w of unknownReleaseWarnings(reports)) process.stderr.write(`kernel-rust-check: warning: ${w}\n`);
  const v = verdict(reports.flatMap((r) => r.findings), options.maxWarnings);
  const code = v.failing ? 1 : 0;
  setStatus(code);

  if (options.format === 'sarif') {
    const log = sarifLog({
      version: VERSION,
      rules: RULES,
      findings: reports.flatMap((r) => r.findings.map((finding, i) => ({ file: r.path, finding, fingerprint: r.fingerprints[i], targetVersion: targetLabel(r.target) }))),
      notices: notices(reports, ctx.skipped),
      exitCode: code,
      srcroot: ctx.srcroot,
      baseline: filters.baseline !== undefined,
      commandLine: ['kernel-rust-check', ...process.argv.slice(2)].join(' '),
    });
    process.stdout.write(`${JSON.stringify(log, null, 2)}\n`);
  } else if (options.format === 'json') {
    const findings = reports.flatMap((r) =>
      r.findings.map((f, i) => ({
        path: displayPath(r.path),
        line: f.range.start.line + 1,
        column: f.range.start.character + 1,
        endLine: f.range.end.line + 1,
        endColumn: f.range.end.character + 1,
        severity: f.severity,
        rule: f.ruleId,
        message: f.message,
        targetVersion: targetLabel(r.target),
        fingerprint: r.fingerprints[i],
      })),
    );
    const skippedOut = ctx.skipped.map((s) => ({ path: displayPath(s.path), reason: s.reason, files: s.files }));
    process.stdout.write(`${JSON.stringify({ version: VERSION, findings, skipped: skippedOut }, null, 2)}\n`);
  } else {
    for (const r of reports) {
      for (const f of r.findings) {
        const where = `${displayPath(r.path)}:${f.range.start.line + 1}:${f.range.start.character + 1}`;
        process.stdout.write(`${where}: ${RUSTC_LEVEL[f.severity]}[${f.ruleId}]: ${f.message}\n`);
      }
    }
  }
  if (filters.baseline) process.stderr.write(`kernel-rust-check: ${inBaseline} finding(s) already in the baseline not reported\n`);
  if (filters.changed) process.stderr.write(`kernel-rust-check: ${offPatch} finding(s) on unchanged lines not reported\n`);
  if (v.errors === 0 && v.warnings > options.maxWarnings && options.maxWarnings > 0) {
    process.stderr.write(`kernel-rust-check: ${v.warnings} warnings, more than --max-warnings ${options.maxWarnings}\n`);
  }
  if (options.stats) printStats(reports, ctx.skipped, options, performance.now() - started, ctx.ruleErrors, ctx.treeNotes);
  return code;
}

/** One file's outcome under --fix. */
interface FixOutcome {
  path: string;
  applied: AppliedFix[];
  left: LeftFinding[];
  diff?: string;
  notWritten?: string;
}

function describeFixLine(path: string, a: AppliedFix): string {
  return `${path}:${a.range.start.line + 1}:${a.range.start.character + 1}: fixed[${a.ruleId}]: ${a.title}`;
}

/**
 * --fix: every mechanical fix for the target, each file replaced atomically once its fixes settle (or, with
 * --dry-run, printed as a unified diff); then what is left for a person and why.
 */
function runFix(ctx: RunContext, files: readonly string[], started: number, setStatus: (code: number) => void): number {
  const { options } = ctx;
  const outcomes: FixOutcome[] = [];
  const reports: FileReport[] = [];
  // With --dry-run stdout carries only the patch, so the report goes to stderr; the JSON report is stdout's alone.
  const report = (line: string): void => {
    if (options.format === 'json') return;
    (options.dryRun ? process.stderr : process.stdout).write(`${line}\n`);
  };
  for (const file of files) {
    const tooBig = sizeSkip(file);
    if (tooBig) {
      skip(ctx, file, tooBig);
      continue;
    }
    let read: ReturnType<typeof readForFix>;
    try {
      read = readForFix(file);
    } catch (error) {
      skip(ctx, file, error instanceof TypeError ? 'not valid UTF-8' : `cannot read (${(error as NodeJS.ErrnoException).code ?? 'error'})`);
      continue;
    }
    const target = resolveTarget(options.target, file, ctx.locator, ctx.kernelTree);
    let skipReason: string | undefined;
    const result = fixText(read.text, (text) => lintText(ctx, file, text, target, (reason) => (skipReason ??= reason)));
    if (result.rounds === 0 && skipReason) {
      skip(ctx, file, skipReason);
      continue;
    }
    const shown = displayPath(file);
    const outcome: FixOutcome = { path: shown, applied: result.applied, left: result.left };
    if (result.text !== read.text) {
      if (options.dryRun) {
        outcome.diff = unifiedDiff(read.text, result.text, shown.split(path.sep).join('/'));
        if (options.format !== 'json') process.stdout.write(outcome.diff);
      } else {
        try {
          replaceFileAtomically(read, result.text);
        } catch (error) {
          if (!(error instanceof WriteRefused)) throw error;
          outcome.notWritten = error.message;
        }
      }
    }
    if (outcome.notWritten) {
      process.stderr.write(`kernel-rust-check: ${shown}: not fixed: ${outcome.notWritten}\n`);
    } else if (result.applied.length) {
      report(`${options.dryRun ? 'would fix' : 'fixed'} ${shown} (${result.applied.length} fix${result.applied.length === 1 ? '' : 'es'})`);
      for (const a of result.applied) report(`  ${describeFixLine(shown, a)}`);
    }
    outcomes.push(outcome);
    // A file that was not written keeps all its findings; the ones --fix would have fixed are still there.
    const finalFindings = outcome.notWritten ? (lintText(ctx, file, read.text, target) ?? []) : result.left.map((l) => l.finding);
    if (outcome.notWritten) outcome.left = finalFindings.map((finding) => ({ finding, reason: `the file was not written: ${outcome.notWritten}` }));
    reports.push({ path: file, target, lines: lineCount(result.text), findings: finalFindings, fingerprints: [] });
  }
  for (const e of ctx.ruleErrors) process.stderr.write(`kernel-rust-check: internal error in rule ${e}\n`);
  for (const w of unknownReleaseWarnings(reports)) process.stderr.write(`kernel-rust-check: warning: ${w}\n`);
  const left = outcomes.flatMap((o) => o.left.map((l) => ({ path: o.path, ...l })));
  const notWritten = outcomes.filter((o) => o.notWritten);
  const v = verdict(left.map((l) => l.finding), options.maxWarnings);
  const code = v.failing || notWritten.length ? 1 : 0;
  setStatus(code);
  const changed = outcomes.filter((o) => o.applied.length && !o.notWritten);
  const fixes = changed.reduce((n, o) => n + o.applied.length, 0);
  if (options.format === 'json') {
    const pos = (r: Finding['range']) => ({ line: r.start.line + 1, column: r.start.character + 1, endLine: r.end.line + 1, endColumn: r.end.character + 1 });
    process.stdout.write(
      `${JSON.stringify(
        {
          version: VERSION,
          dryRun: options.dryRun,
          files: outcomes
            .filter((o) => o.applied.length || o.notWritten)
            .map((o) => ({
              path: o.path,
              written: !options.dryRun && !o.notWritten,
              ...(o.notWritten ? { notWritten: o.notWritten } : {}),
              fixes: o.applied.map((a) => ({ ...pos(a.range), rule: a.ruleId, title: a.title, message: a.message, round: a.round })),
              ...(o.diff !== undefined ? { diff: o.diff } : {}),
            })),
          left: left.map((l) => ({ path: l.path, ...pos(l.finding.range), severity: l.finding.severity, rule: l.finding.ruleId, message: l.finding.message, reason: l.reason })),
        },
        null,
        2,
      )}\n`,
    );
  } else {
    if (left.length) {
      report(`left for a person (${left.length}):`);
      for (const l of left) {
        const f = l.finding;
        report(`  ${l.path}:${f.range.start.line + 1}:${f.range.start.character + 1}: ${RUSTC_LEVEL[f.severity]}[${f.ruleId}]: ${f.message}`);
        report(`    why not fixed: ${l.reason}`);
      }
    }
    const verb = options.dryRun ? 'would change' : 'changed';
    report(
      `kernel-rust-check --fix: ${verb} ${changed.length} file(s) with ${fixes} fix(es); ${left.length} finding(s) left` +
        (notWritten.length ? `; ${notWritten.length} file(s) could not be written` : ''),
    );
  }
  if (options.stats) printStats(reports, ctx.skipped, options, performance.now() - started, ctx.ruleErrors, ctx.treeNotes);
  return code;
}

if (require.main === module) {
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      process.stderr.write(`kernel-rust-check: internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
      process.exitCode = 3;
    },
  );
}
