/** textDocument/hover: kernel API docs for the target release, from the analysis core and the user's indexed tree. */
import { MarkupKind, type Connection, type Hover } from 'vscode-languageserver';
import { hoverAt } from '../analysis/hover';
import type { KernelIndexes } from './kernel-index';
import type { OpenDocuments } from './documents';
import { uriToPath, type Targets } from './targets';

/** Wires hover. A hover that arrives while the document's kernel tree is being indexed waits for the index. */
export function registerHover(connection: Connection, documents: OpenDocuments, targets: Targets, indexes?: KernelIndexes): void {
  connection.onHover(async ({ textDocument, position }): Promise<Hover | null> => {
    const target = targets.forUri(textDocument.uri);
    const index = await indexes?.whenReady(target, uriToPath(textDocument.uri));
    const doc = documents.get(textDocument.uri);
    const tree = doc?.current;
    if (!doc || !tree) return null;
    const lineCount = doc.document.lineCount;
    if (position.line < 0 || position.line >= lineCount || position.character < 0) return null;
    const offset = doc.document.offsetAt(position);
    const result = hoverAt(
      tree,
      offset,
      target.release,
      uriToPath(textDocument.uri),
      index ? (item) => index.docFor(item) : undefined,
      target.range,
      index ? { api: index.api, docOf: (hit) => index.docOf(hit) } : undefined,
    );
    if (!result) return null;
    return { contents: { kind: MarkupKind.Markdown, value: result.markdown }, range: result.range };
  });
}
