/** textDocument/definition: jump from a kernel API use to its definition in the user's indexed kernel tree. */
import { pathToFileURL } from 'node:url';
import type { Connection, Location } from 'vscode-languageserver';
import { symbolAt } from '../semantics/symbol-at';
import type { OpenDocuments } from './documents';
import type { KernelIndexes } from './kernel-index';
import { uriToPath, type Targets } from './targets';

/** Wires go-to-definition. */
export function registerDefinition(connection: Connection, documents: OpenDocuments, targets: Targets, indexes: KernelIndexes): void {
  connection.onDefinition(({ textDocument, position }): Location | null => {
    const doc = documents.get(textDocument.uri);
    const tree = doc?.current;
    if (!doc || !tree || position.line < 0 || position.line >= doc.document.lineCount || position.character < 0) return null;
    const target = targets.forUri(textDocument.uri);
    const index = indexes.forTarget(target);
    if (!index) return null;
    const hit = symbolAt(tree, doc.document.offsetAt(position), target.release, uriToPath(textDocument.uri));
    const def = hit ? index.find(hit.item) : undefined;
    if (!def) return null;
    const at = { line: def.line, character: def.character };
    return { uri: pathToFileURL(def.file).href, range: { start: at, end: at } };
  });
}
