/** Quick fixes: the mechanical fixes rules attach to their findings, plus "allow this rule here". */
import { CodeActionKind, type CodeAction, type Connection, type Diagnostic } from 'vscode-languageserver';
import type { Fix } from '../analysis/types';
import { DIAGNOSTIC_SOURCE } from './diagnostics';
import type { OpenDocuments } from './documents';

function fixesOf(d: Diagnostic): Fix[] {
  const data = d.data as { fixes?: Fix[] } | undefined;
  return Array.isArray(data?.fixes) ? data.fixes : [];
}

/** The code actions for one document and the diagnostics the editor sends with the request. */
export function codeActionsFor(uri: string, text: string, diagnostics: readonly Diagnostic[]): CodeAction[] {
  const actions: CodeAction[] = [];
  const lines = text.split('\n');
  for (const d of diagnostics) {
    if (d.source !== DIAGNOSTIC_SOURCE || typeof d.code !== 'string' || d.code === 'analysis-skipped') continue;
    fixesOf(d).forEach((fix, i) => {
      actions.push({
        title: fix.title,
        kind: CodeActionKind.QuickFix,
        diagnostics: [d],
        isPreferred: i === 0,
        edit: { changes: { [uri]: fix.edits } },
      });
    });
    const line = d.range.start.line;
    const indent = /^\s*/.exec(lines[line] ?? '')?.[0] ?? '';
    actions.push({
      title: `Allow \`${d.code}\` on this line`,
      kind: CodeActionKind.QuickFix,
      diagnostics: [d],
      edit: {
        changes: {
          [uri]: [{ range: { start: { line, character: 0 }, end: { line, character: 0 } }, newText: `${indent}// kernel-rust: allow(${d.code})\n` }],
        },
      },
    });
  }
  return actions;
}

/** Wires textDocument/codeAction. */
export function registerCodeActions(connection: Connection, documents: OpenDocuments): void {
  connection.onCodeAction(({ textDocument, context }) => {
    const doc = documents.get(textDocument.uri);
    if (!doc) return null;
    return codeActionsFor(textDocument.uri, doc.text, context.diagnostics);
  });
}
