/** Quick fixes: the mechanical fixes rules attach to their findings, plus "allow this rule here". */
import { CodeActionKind, type CodeAction, type Connection, type Diagnostic } from 'vscode-languageserver';
import type { Fix } from '../core/types';
import { DIAGNOSTIC_SOURCE } from './diagnostics';
import type { OpenDocuments } from './documents';
import { FIX_ALL_KIND } from './migration';

function fixesOf(d: Diagnostic): Fix[] {
  const data = d.data as { fixes?: Fix[] } | undefined;
  return Array.isArray(data?.fixes) ? data.fixes : [];
}

/** Action titles are plain text in every editor's menu: code spans lose their backticks (`Add \`#[pin]\`` reads "Add #[pin]"). */
export function plainTitle(title: string): string {
  return title.replace(/`([^`]*)`/g, '$1').replace(/`/g, '');
}

const ALLOW_COMMENT = /^(\s*)\/\/\s*kernel-rust:\s*allow\(([^)]*)\)\s*$/;

/** The edit that silences one finding the way docs/lints.md says: a `// kernel-rust: allow(<rule>)` line just before the
 *  finding's line, indented like it, or the rule added to the allow comment already there. */
function allowEdit(lines: readonly string[], line: number, rule: string, eol: string): { range: Diagnostic['range']; newText: string } {
  const above = line > 0 ? ALLOW_COMMENT.exec(lines[line - 1].replace(/\r$/, '')) : null;
  if (above) {
    const ids = above[2].split(',').map((x) => x.trim()).filter(Boolean);
    if (!ids.includes(rule)) ids.push(rule);
    const old = lines[line - 1].replace(/\r$/, '');
    return { range: { start: { line: line - 1, character: 0 }, end: { line: line - 1, character: old.length } }, newText: `${above[1]}// kernel-rust: allow(${ids.join(', ')})` };
  }
  const indent = /^\s*/.exec(lines[line] ?? '')?.[0] ?? '';
  return { range: { start: { line, character: 0 }, end: { line, character: 0 } }, newText: `${indent}// kernel-rust: allow(${rule})${eol}` };
}

/** The code actions for one document and the diagnostics the editor sends with the request. */
export function codeActionsFor(uri: string, text: string, diagnostics: readonly Diagnostic[]): CodeAction[] {
  const actions: CodeAction[] = [];
  const lines = text.split('\n');
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  for (const d of diagnostics) {
    if (d.source !== DIAGNOSTIC_SOURCE || typeof d.code !== 'string' || d.code === 'analysis-skipped') continue;
    fixesOf(d).forEach((fix, i) => {
      actions.push({
        title: plainTitle(fix.title),
        kind: CodeActionKind.QuickFix,
        diagnostics: [d],
        isPreferred: i === 0,
        edit: { changes: { [uri]: fix.edits } },
      });
    });
    actions.push({
      title: `Allow ${d.code} on this line`,
      kind: CodeActionKind.QuickFix,
      diagnostics: [d],
      edit: { changes: { [uri]: [allowEdit(lines, d.range.start.line, d.code, eol)] } },
    });
  }
  return actions;
}

/** Wires textDocument/codeAction: quick fixes, and "Fix all" (`source.fixAll.kernel-rust`) when the editor asks for it. */
export function registerCodeActions(connection: Connection, documents: OpenDocuments, fixAll?: (uri: string, text: string) => CodeAction | undefined): void {
  connection.onCodeAction(({ textDocument, context }) => {
    const doc = documents.get(textDocument.uri);
    if (!doc) return null;
    // `only` narrows by kind prefix: `source`, `source.fixAll` and `source.fixAll.kernel-rust` all want Fix all.
    if (context.only?.length) {
      const wantsFixAll = context.only.some((k) => FIX_ALL_KIND === k || FIX_ALL_KIND.startsWith(`${k}.`));
      const all = wantsFixAll && fixAll ? fixAll(textDocument.uri, doc.text) : undefined;
      const quick = context.only.some((k) => k === CodeActionKind.QuickFix || CodeActionKind.QuickFix.startsWith(`${k}.`)) ? codeActionsFor(textDocument.uri, doc.text, context.diagnostics) : [];
      return all ? [...quick, all] : quick;
    }
    return codeActionsFor(textDocument.uri, doc.text, context.diagnostics);
  });
}
