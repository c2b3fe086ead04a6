/** Open documents and their trees: incremental sync, one tree per document, freed on close. */
import type { Connection } from 'vscode-languageserver';
import type { Parser } from 'web-tree-sitter';
import { DocumentTree } from '../parsing/document-tree';

/** Keeps a DocumentTree for every open Rust document and tells listeners when one changes. */
export class OpenDocuments {
  private readonly docs = new Map<string, DocumentTree>();
  private readonly listeners: ((uri: string) => void)[] = [];
  private readonly closeListeners: ((uri: string) => void)[] = [];

  constructor(private readonly parser: Parser) {}

  get(uri: string): DocumentTree | undefined {
    return this.docs.get(uri);
  }

  all(): DocumentTree[] {
    return [...this.docs.values()];
  }

  /** Called after a document opens or changes. */
  onChange(listener: (uri: string) => void): void {
    this.listeners.push(listener);
  }

  /** Called after a document closes. */
  onClose(listener: (uri: string) => void): void {
    this.closeListeners.push(listener);
  }

  /** Wires the text synchronisation notifications. */
  register(connection: Connection): void {
    connection.onDidOpenTextDocument(({ textDocument }) => {
      this.docs.get(textDocument.uri)?.dispose();
      this.docs.set(textDocument.uri, new DocumentTree(this.parser, textDocument.uri, textDocument.version, textDocument.text));
      this.listeners.forEach((l) => l(textDocument.uri));
    });
    connection.onDidChangeTextDocument(({ textDocument, contentChanges }) => {
      const doc = this.docs.get(textDocument.uri);
      if (!doc) return;
      doc.update(contentChanges, textDocument.version);
      this.listeners.forEach((l) => l(textDocument.uri));
    });
    connection.onDidCloseTextDocument(({ textDocument }) => {
      const doc = this.docs.get(textDocument.uri);
      if (!doc) return;
      doc.dispose();
      this.docs.delete(textDocument.uri);
      this.closeListeners.forEach((l) => l(textDocument.uri));
    });
  }

  /** Frees every tree (shutdown). */
  dispose(): void {
    for (const d of this.docs.values()) d.dispose();
    this.docs.clear();
  }
}
