#!/usr/bin/env node
/** kernel-rust-check: the command-line checker for CI. Same analysis as the language server. */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { analyzeText } from './analysis/analyze';
import { collectRustFiles, type Skipped } from './analysis/files';
import { KernelTreeLocator, resolveTarget, type Target } from './analysis/target';
import type { Finding, Severity } from './analysis/types';
import { parseArgs, USAGE, UsageError, type CliOptions } from './cli-args';
import { ruleDocsUri } from './lints/docs-link';
import { RULES } from './lints/rules';
import { createRustParser } from './parsing/language';

declare const KERNEL_RUST_VERSION: string | undefined;
const VERSION = typeof KERNEL_RUST_VERSION === 'string' ? KERNEL_RUST_VERSION : 'dev';

/** Files bigger than this are not even read. */
const MAX_FILE_BYTES = 4 * 1024 * 1024;

interface FileReport {
  path: string;
  target: Target;
  lines: number;
  findings: Finding[];
}

function displayPath(file: string): string {
  const rel = path.relative(process.cwd(), file);
  return rel && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel : file;
}

const RUSTC_LEVEL: Record<Severity, string> = { error: 'error', warning: 'warning', info: 'note', hint: 'help' };
const SARIF_LEVEL: Record<Severity, string> = { error: 'error', warning: 'warning', info: 'note', hint: 'note' };

function readSource(file: string): { text: string } | { skip: string } {
  let size: number;
  try {
    size = fs.statSync(file).size;
  } catch (error) {
    return { skip: `cannot read (${(error as NodeJS.ErrnoException).code ?? 'error'})` };
  }
  if (size > MAX_FILE_BYTES) return { skip: `too large (${Math.round(size / 1024)} KiB)` };
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

function sarif(reports: FileReport[], skipped: Skipped[], exitCode: number): unknown {
  const ruleIndex = new Map(RULES.map((r, i) => [r.id, i]));
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'kernel-rust-check',
            version: VERSION,
            rules: RULES.map((r) => ({
              id: r.id,
              shortDescription: { text: r.docs.what },
              fullDescription: { text: `${r.docs.what} ${r.docs.why}` },
              ...(ruleDocsUri(r.id) ? { helpUri: ruleDocsUri(r.id) } : {}),
              defaultConfiguration: { level: SARIF_LEVEL[r.severity] },
            })),
          },
        },
        results: reports.flatMap((rep) =>
          rep.findings.map((f) => ({
            ruleId: f.ruleId,
            ruleIndex: ruleIndex.get(f.ruleId),
            level: SARIF_LEVEL[f.severity],
            message: { text: f.message },
            locations: [
              {
                physicalLocation: {
                  artifactLocation: { uri: pathToFileURL(rep.path).href },
                  region: {
                    startLine: f.range.start.line + 1,
                    startColumn: f.range.start.character + 1,
                    endLine: f.range.end.line + 1,
                    endColumn: f.range.end.character + 1,
                  },
                },
              },
            ],
            properties: { targetVersion: rep.target.release },
          })),
        ),
        invocations: [
          {
            executionSuccessful: exitCode < 2,
            exitCode,
            toolExecutionNotifications: [
              ...unknownReleaseWarnings(reports).map((text) => ({ level: 'warning', descriptor: { id: 'unknown-release' }, message: { text } })),
              ...skipped.map((s) => ({
                level: s.reason === 'vendored third-party crate' ? 'note' : 'warning',
                descriptor: { id: 'file-skipped' },
                message: { text: `${displayPath(s.path)}: skipped: ${s.reason}${s.files > 1 ? ` (${s.files} files)` : ''}` },
              })),
            ],
          },
        ],
        columnKind: 'utf16CodeUnits',
      },
    ],
  };
}

function describeTargets(reports: FileReport[], explicit: string | undefined): string {
  if (explicit) return `Linux ${explicit} (from --target-version)`;
  const seen = new Map<string, number>();
  for (const r of reports) {
    const src =
      r.target.source === 'Makefile'
        ? `Makefile in ${displayPath(r.target.kernelRoot ?? '?')}`
        : r.target.source === 'tree'
          ? `tree ${displayPath(r.target.kernelRoot ?? '?')}`
          : 'default: newest published release known';
    const pre = r.target.prerelease ? `-${r.target.prerelease}, a release candidate` : '';
    const key = `Linux ${r.target.release}${pre} (${src}${r.target.note ? `; ${r.target.note}` : ''})`;
    seen.set(key, (seen.get(key) ?? 0) + 1);
  }
  return [...seen.keys()].join(', ') || 'none (no files)';
}

function printStats(reports: FileReport[], skipped: Skipped[], options: CliOptions, ms: number, ruleErrors: string[]): void {
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
  ];
  process.stderr.write(`${out.join('\n')}\n`);
}

/** Runs the checker; returns the exit status. */
export async function main(argv: readonly string[]): Promise<number> {
  const started = performance.now();
  let options: CliOptions;
  try {
    options = parseArgs(argv, RULES.map((r) => r.id));
  } catch (error) {
    if (error instanceof UsageError) {
      process.stderr.write(`kernel-rust-check: ${error.message}\n(run with --help for usage)\n`);
      return 2;
    }
    throw error;
  }
  if (options.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  if (options.version) {
    process.stdout.write(`${VERSION}\n`);
    return 0;
  }
  const set = collectRustFiles(options.paths, { includeVendored: options.includeVendored });
  if (set.missing.length) {
    for (const m of set.missing) process.stderr.write(`kernel-rust-check: ${m.path}: ${m.message}\n`);
    return 2;
  }
  const locator = new KernelTreeLocator();
  // The tree an out-of-tree module builds against: --kernel-tree, else KDIR as Kbuild users set it.
  let configuredTree = options.kernelTree;
  if (configuredTree && !locator.treeAt(path.resolve(configuredTree))) {
    process.stderr.write(`kernel-rust-check: --kernel-tree ${configuredTree}: not a kernel tree (no Makefile naming a release next to rust/kernel/)\n`);
    return 2;
  }
  const kdir = process.env.KDIR;
  if (!configuredTree && kdir) {
    if (locator.treeAt(path.resolve(kdir))) configuredTree = kdir;
    else process.stderr.write(`kernel-rust-check: warning: KDIR=${kdir} is not a kernel tree with Rust (no Makefile naming a release next to rust/kernel/); ignored\n`);
  }
  const parser = await createRustParser();
  const only = options.rules.length ? new Set(options.rules) : undefined;
  const reports: FileReport[] = [];
  const skipped: Skipped[] = [...set.skipped];
  // Vendored crates are skipped on purpose (--stats counts them); anything else left out is worth a line.
  for (const s of set.skipped) {
    if (s.reason !== 'vendored third-party crate') process.stderr.write(`kernel-rust-check: ${displayPath(s.path)}: skipped: ${s.reason}\n`);
  }
  const ruleErrors: string[] = [];
  for (const file of set.files) {
    const source = readSource(file);
    if ('skip' in source) {
      skipped.push({ path: file, reason: source.skip, files: 1 });
      process.stderr.write(`kernel-rust-check: ${displayPath(file)}: skipped: ${source.skip}\n`);
      continue;
    }
    const target = resolveTarget(options.target, file, locator, configuredTree);
    const result = analyzeText(parser, source.text, {
      target: target.release,
      filePath: file,
      only,
      onRuleError: (id, error) => {
        ruleErrors.push(`${id} on ${displayPath(file)}: ${error instanceof Error ? error.message : String(error)}`);
      },
    });
    if (result.status !== 'analysed') {
      const reason = result.status === 'skipped' ? result.reason.message : 'parsing took too long';
      skipped.push({ path: file, reason, files: 1 });
      process.stderr.write(`kernel-rust-check: ${displayPath(file)}: skipped: ${reason}\n`);
      continue;
    }
    let lines = source.text.length > 0 && !source.text.endsWith('\n') ? 1 : 0;
    for (let i = 0; i < source.text.length; i++) if (source.text.charCodeAt(i) === 10) lines++;
    reports.push({ path: file, target, lines, findings: result.findings });
  }
  parser.delete();
  for (const e of ruleErrors) process.stderr.write(`kernel-rust-check: internal error in rule ${e}\n`);
  for (const w of unknownReleaseWarnings(reports)) process.stderr.write(`kernel-rust-check: warning: ${w}\n`);
  const failing = reports.some((r) => r.findings.some((f) => f.severity === 'error' || f.severity === 'warning'));
  // A reader that stops early (`| head`) closes the pipe: end quietly with the status the run has, no stack trace.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
    process.exit(failing ? 1 : 0);
  });

  if (options.format === 'sarif') {
    process.stdout.write(`${JSON.stringify(sarif(reports, skipped, failing ? 1 : 0), null, 2)}\n`);
  } else if (options.format === 'json') {
    const findings = reports.flatMap((r) =>
      r.findings.map((f) => ({
        path: displayPath(r.path),
        line: f.range.start.line + 1,
        column: f.range.start.character + 1,
        endLine: f.range.end.line + 1,
        endColumn: f.range.end.character + 1,
        severity: f.severity,
        rule: f.ruleId,
        message: f.message,
        targetVersion: r.target.release,
      })),
    );
    const skippedOut = skipped.map((s) => ({ path: displayPath(s.path), reason: s.reason, files: s.files }));
    process.stdout.write(`${JSON.stringify({ version: VERSION, findings, skipped: skippedOut }, null, 2)}\n`);
  } else {
    for (const r of reports) {
      for (const f of r.findings) {
        const where = `${displayPath(r.path)}:${f.range.start.line + 1}:${f.range.start.character + 1}`;
        process.stdout.write(`${where}: ${RUSTC_LEVEL[f.severity]}[${f.ruleId}]: ${f.message}\n`);
      }
    }
  }
  if (options.stats) printStats(reports, skipped, options, performance.now() - started, ruleErrors);
  return failing ? 1 : 0;
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
