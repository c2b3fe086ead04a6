/** The editor's side of moving code between releases: the workspace migration report and "Fix all" for a document. */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { CodeActionKind, type CodeAction, type Connection } from 'vscode-languageserver';
import type { Parser } from 'web-tree-sitter';
import { analyzeText } from '../analysis/analyze';
import { collectRustFiles } from '../core/files';
import { fixText } from '../analysis/fix';
import { migrationMarkdown, migrationOfText, type MigrationReport } from '../analysis/migration';
import { readTargetSetting } from '../core/target';
import type { TargetRange } from '../core/target-range';
import type { OpenDocuments } from './documents';
import { uriToPath, type Targets } from './targets';
import { MIGRATION_REPORT_REQUEST, type MigrationReportResult } from '../core/protocol';


/** The code-action kind of "fix every mechanical finding in this file" (for `editor.codeActionsOnSave`). */
export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.kernel-rust`;

/** At most this many files go into one workspace report; the rest are counted. */
const MAX_REPORT_FILES = 5000;
/** Files over this size are left out, as the checker leaves them out. */
const MAX_FILE_BYTES = 1024 * 1024;


/** Wires the migration report request. Only reads files; the workspace folder bounds what is read. */
export function registerMigrationReport(connection: Connection, parser: Parser, documents: OpenDocuments, targets: Targets): void {
  connection.onRequest(MIGRATION_REPORT_REQUEST, (params: { from?: unknown; to?: unknown } | undefined): MigrationReportResult => {
    const from = readTargetSetting(params?.from);
    const to = readTargetSetting(params?.to);
    if (from.kind !== 'release' || to.kind !== 'release') return { error: 'give two known releases, e.g. { "from": "6.19", "to": "7.3" }' };
    const root = targets.workspaceRoot;
    if (!root) return { error: 'no workspace folder is open' };
    const set = collectRustFiles([root]);
    const report: MigrationReport = { from: from.release, to: to.release, files: [] };
    let left = 0;
    for (const file of set.files) {
      if (report.files.length >= MAX_REPORT_FILES) {
        left++;
        continue;
      }
      // An open document counts as the editor has it, not as saved.
      const open = documents.all().find((d) => uriToPath(d.uri) === file);
      let text = open?.text;
      if (text === undefined) {
        try {
          if (fs.statSync(file).size > MAX_FILE_BYTES) continue;
          text = fs.readFileSync(file, 'utf8');
        } catch {
          continue;
        }
      }
      const entries = migrationOfText(parser, text, file, from.release, to.release);
      if (!('skip' in entries)) report.files.push({ path: path.relative(root, file), entries });
    }
    const changes = report.files.reduce((n, f) => n + f.entries.length, 0);
    const more = left ? `\n_${left} more file(s) not read (over ${MAX_REPORT_FILES})._\n` : '';
    return { markdown: migrationMarkdown(report) + more, files: report.files.filter((f) => f.entries.length).length, changes };
  });
}

/**
 * "Fix all" for one document: every mechanical fix of the version gates for its target, applied to a fixpoint the
 * way `kernel-rust-check --fix` does, as one edit of the whole text. Undefined when there is nothing to fix.
 */
export function fixAllAction(uri: string, text: string, parser: Parser, target: string, range?: TargetRange): CodeAction | undefined {
  const filePath = uriToPath(uri);
  const result = fixText(text, (t) => {
    const r = analyzeText(parser, t, { target, range, filePath });
    return r.status === 'analysed' ? r.findings : undefined;
  });
  if (result.applied.length === 0 || result.text === text) return undefined;
  const lines = text.split('\n');
  const end = { line: lines.length - 1, character: lines[lines.length - 1].length };
  return {
    title: `Fix all mechanical kernel-rust findings (${result.applied.length})`,
    kind: FIX_ALL_KIND,
    edit: { changes: { [uri]: [{ range: { start: { line: 0, character: 0 }, end }, newText: result.text }] } },
  };
}
