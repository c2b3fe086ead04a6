/** textDocument/hover: kernel API docs for the target release, from the analysis core. */
import { MarkupKind, type Connection, type Hover } from 'vscode-languageserver';
import { hoverAt } from '../analysis/hover';
import type { KernelIndexes } from './kernel-index';
import type { OpenDocuments } from './documents';
import { uriToPath, type Targets } from './targets';

/** Wires hover. */
export function registerHover(connection: Connection, documents: OpenDocuments, targets: Targets, indexes?: KernelIndexes): void {
  connection.onHover(({ textDocument, position }): Hover | null => {
    const doc = documents.get(textDocument.uri);
    const tree = doc?.current;
    if (!doc || !tree) return null;
    const lineCount = doc.document.lineCount;
    if (position.line < 0 || position.line >= lineCount || position.character < 0) return null;
    const offset = doc.document.offsetAt(position);
    const target = targets.forUri(textDocument.uri);
    const index = indexes?.forTarget(target);
    const result = hoverAt(tree, offset, target.release, uriToPath(textDocument.uri), index ? (item) => index.docFor(item) : undefined, target.range);
    if (!result) return null;
    return { contents: { kind: MarkupKind.Markdown, value: result.markdown }, range: result.range };
  });
}
