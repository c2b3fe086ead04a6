/** textDocument/definition: jump from a kernel API use to its definition in the user's indexed kernel tree. */
import { pathToFileURL } from 'node:url';
import type { Connection, Location } from 'vscode-languageserver';
import { anySymbolAt } from '../analysis/symbol-at';
import type { OpenDocuments } from './documents';
import type { KernelIndexes } from './kernel-index';
import { uriToPath, type Targets } from './targets';

/** Wires go-to-definition. A request that arrives while the tree is being indexed waits for the index. */
export function registerDefinition(connection: Connection, documents: OpenDocuments, targets: Targets, indexes: KernelIndexes): void {
  connection.onDefinition(async ({ textDocument, position }): Promise<Location | null> => {
    const target = targets.forUri(textDocument.uri);
    const index = await indexes.whenReady(target, uriToPath(textDocument.uri));
    if (!index) return null;
    const doc = documents.get(textDocument.uri);
    const tree = doc?.current;
    if (!doc || !tree || position.line < 0 || position.line >= doc.document.lineCount || position.character < 0) return null;
    const hit = anySymbolAt(tree, doc.document.offsetAt(position), target.release, uriToPath(textDocument.uri), index.api);
    if (!hit) return null;
    const def = (hit.item ? index.find(hit.item) : undefined) ?? index.api.item(hit.path, hit.macroNs ? 'macro' : undefined);
    if (!def) return null;
    const at = { line: def.line, character: def.character };
    return { uri: pathToFileURL(def.file).href, range: { start: at, end: at } };
  });
}
