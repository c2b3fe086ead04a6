/** textDocument/completion: one handler that asks every provider in turn (snippets today; kernel paths can join). */
import type { CompletionItem, CompletionList, Connection } from 'vscode-languageserver';
import { completionContext, type CompletionRequestContext } from './completion-context';
import type { OpenDocuments } from './documents';
import type { KernelIndexes } from './kernel-index';
import { uriToPath, type Targets } from './targets';

/** A source of completion items; a provider that throws is logged once and skipped, the others still answer. */
export interface CompletionProvider {
  name: string;
  provide(ctx: CompletionRequestContext): CompletionItem[];
}

/** Runs the providers for one request context and merges their items. */
export function complete(providers: readonly CompletionProvider[], ctx: CompletionRequestContext, onError: (provider: string, error: unknown) => void): CompletionItem[] {
  const items: CompletionItem[] = [];
  for (const p of providers) {
    try {
      items.push(...p.provide(ctx));
    } catch (error) {
      onError(p.name, error);
    }
  }
  return items;
}

/** Wires textDocument/completion to the providers, in order. */
export function registerCompletion(
  connection: Connection,
  documents: OpenDocuments,
  targets: Targets,
  providers: readonly CompletionProvider[],
  indexes?: KernelIndexes,
): void {
  const failed = new Set<string>();
  const onError = (name: string, error: unknown): void => {
    if (failed.has(name)) return;
    failed.add(name);
    connection.console.error(`completion provider ${name} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  };
  connection.onCompletion(async ({ textDocument, position }): Promise<CompletionList | null> => {
    const target = targets.forUri(textDocument.uri);
    // While the tree is being indexed, completion waits for it (bounded), as hover does.
    const file = uriToPath(textDocument.uri);
    await indexes?.whenReady(target, file);
    const kernelTree = indexes?.deciding(target, file);
    const doc = documents.get(textDocument.uri);
    const tree = doc?.current;
    if (!doc || !tree) return null;
    const offset = doc.document.offsetAt(position);
    const ctx = completionContext(doc.text, tree, position.line, position.character, offset, target.release, target.range, kernelTree);
    return { isIncomplete: false, items: complete(providers, ctx, onError) };
  });
}
