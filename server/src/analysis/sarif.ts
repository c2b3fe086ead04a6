/**
 * The checker's findings as a SARIF 2.1.0 log for code-scanning dashboards (GitHub, GitLab, any SARIF viewer):
 * artifact URIs relative to `%SRCROOT%` (declared in `originalUriBaseIds`), rules with a web help link and their
 * subsystem and first release, stable fingerprints for baselines, and the invocation's exit status and notices.
 */
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { OLDEST_RELEASE } from '../kb/releases';
import type { Rule } from '../lints/engine';
import { REPOSITORY_URL, ruleHelpUri } from '../core/project-links';
import type { Finding, Severity } from '../core/types';

/** The `partialFingerprints` key under which a result's line-insensitive fingerprint is written and read. */
export const FINGERPRINT_KEY = 'kernelRustLineHash/v1';

/** The base id artifact URIs are relative to. */
export const SRCROOT = '%SRCROOT%';

const SARIF_LEVEL: Record<Severity, string> = { error: 'error', warning: 'warning', info: 'note', hint: 'note' };

/** The kernel subsystem a rule is about, from its id (one table, so a new rule falls back to `general`). */
function ruleSubsystem(ruleId: string): string {
  if (ruleId.startsWith('api-')) return 'all';
  if (ruleId.startsWith('hrtimer-')) return 'hrtimer';
  if (ruleId.startsWith('vma-')) return 'mm';
  if (/^(unpinned-|missing-pin-|init-|fallible-in-infallible-init)/.test(ruleId)) return 'pin-init';
  return 'general';
}

/** A finding to report, with its file's target and its fingerprint. */
export interface SarifFinding {
  file: string;
  finding: Finding;
  fingerprint: string;
  targetVersion: string;
}

/** A notice for `toolExecutionNotifications`. */
export interface SarifNotice {
  id: 'unknown-release' | 'file-skipped' | 'file-not-written';
  level: 'error' | 'warning' | 'note';
  text: string;
}

/** Everything one SARIF log says. */
export interface SarifInput {
  version: string;
  rules: readonly Rule[];
  findings: readonly SarifFinding[];
  notices: readonly SarifNotice[];
  exitCode: number;
  /** Folder `%SRCROOT%` stands for; files under it get relative URIs. */
  srcroot: string;
  /** When a baseline filtered the run, results carry `baselineState: "new"`. */
  baseline?: boolean;
  commandLine?: string;
}

/** The artifact location of a file: relative to `%SRCROOT%` when under it, else an absolute `file:` URI. */
export function artifactLocation(file: string, srcroot: string): { uri: string; uriBaseId?: string } {
  const rel = path.relative(srcroot, file);
  if (rel && !rel.startsWith('..') && !path.isAbsolute(rel)) {
    return { uri: rel.split(path.sep).map(encodeURIComponent).join('/'), uriBaseId: SRCROOT };
  }
  return { uri: pathToFileURL(file).href };
}

/** A folder as a `file:` URI ending in `/`, as `originalUriBaseIds` requires. */
function folderUri(dir: string): string {
  const href = pathToFileURL(dir).href;
  return href.endsWith('/') ? href : `${href}/`;
}

/** Builds the log. */
export function sarifLog(input: SarifInput): unknown {
  const ruleIndex = new Map(input.rules.map((r, i) => [r.id, i]));
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'kernel-rust-check',
            version: input.version,
            informationUri: REPOSITORY_URL,
            rules: input.rules.map((r) => ({
              id: r.id,
              shortDescription: { text: r.docs.what },
              fullDescription: { text: `${r.docs.what} ${r.docs.why}` },
              helpUri: ruleHelpUri(r.id),
              help: { text: `${r.docs.why}\n\nInstead: ${r.docs.useInstead}` },
              defaultConfiguration: { level: SARIF_LEVEL[r.severity] },
              properties: { subsystem: ruleSubsystem(r.id), since: r.since ?? OLDEST_RELEASE, ...(r.until ? { until: r.until } : {}) },
            })),
          },
        },
        originalUriBaseIds: { [SRCROOT]: { uri: folderUri(input.srcroot) } },
        results: input.findings.map(({ file, finding: f, fingerprint, targetVersion }) => ({
          ruleId: f.ruleId,
          ...(ruleIndex.has(f.ruleId) ? { ruleIndex: ruleIndex.get(f.ruleId) } : {}),
          level: SARIF_LEVEL[f.severity],
          message: { text: f.message },
          locations: [
            {
              physicalLocation: {
                artifactLocation: artifactLocation(file, input.srcroot),
                region: {
                  startLine: f.range.start.line + 1,
                  startColumn: f.range.start.character + 1,
                  endLine: f.range.end.line + 1,
                  endColumn: f.range.end.character + 1,
                },
              },
            },
          ],
          partialFingerprints: { [FINGERPRINT_KEY]: fingerprint },
          ...(input.baseline ? { baselineState: 'new' } : {}),
          properties: { targetVersion },
        })),
        invocations: [
          {
            executionSuccessful: input.exitCode < 2,
            exitCode: input.exitCode,
            workingDirectory: { uri: folderUri(process.cwd()) },
            ...(input.commandLine ? { commandLine: input.commandLine } : {}),
            toolExecutionNotifications: input.notices.map((n) => ({ level: n.level, descriptor: { id: n.id }, message: { text: n.text } })),
          },
        ],
        columnKind: 'utf16CodeUnits',
      },
    ],
  };
}
