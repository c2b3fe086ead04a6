/** A document's text and its parse tree, kept in step by replaying each edit into the tree. */
import { TextDocument, type TextDocumentContentChangeEvent } from 'vscode-languageserver-textdocument';
import { Edit, type Parser, type Point, type Tree } from 'web-tree-sitter';
import { checkAnalysable, type SkipReason } from '../analysis/limits';
import { parseWithLimit } from './language';

/** Where a text ends, as a tree-sitter point, given where it starts. */
function endPoint(start: Point, text: string): Point {
  let row = start.row;
  let lastBreak = -1;
  for (let i = 0; i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      row++;
      lastBreak = i;
    }
  }
  return lastBreak < 0 ? { row, column: start.column + text.length } : { row, column: text.length - lastBreak - 1 };
}

/** One open document: its text, version, and (when analysable) its current tree. */
export class DocumentTree {
  private doc: TextDocument;
  private tree: Tree | null = null;
  private skip: SkipReason | undefined;

  constructor(
    private readonly parser: Parser,
    uri: string,
    version: number,
    text: string,
  ) {
    this.doc = TextDocument.create(uri, 'rust', version, text);
    this.reparse(false);
  }

  get uri(): string {
    return this.doc.uri;
  }

  get version(): number {
    return this.doc.version;
  }

  get text(): string {
    return this.doc.getText();
  }

  get document(): TextDocument {
    return this.doc;
  }

  /** The current tree, or null when the document was skipped or the last parse failed. */
  get current(): Tree | null {
    return this.tree;
  }

  /** Why analysis is skipped for this document, if it is. */
  get skipped(): SkipReason | undefined {
    return this.skip;
  }

  /** Applies LSP content changes in order, editing the tree for each, then reparses once with the old tree. */
  update(changes: readonly TextDocumentContentChangeEvent[], version: number): void {
    let incremental = this.tree !== null;
    for (const change of changes) {
      if (!('range' in change) || change.range === undefined) {
        this.doc = TextDocument.update(this.doc, [change], version);
        incremental = false;
        continue;
      }
      if (incremental && this.tree) {
        const startIndex = this.doc.offsetAt(change.range.start);
        const oldEndIndex = this.doc.offsetAt(change.range.end);
        const startPosition = this.doc.positionAt(startIndex);
        const oldEndPosition = this.doc.positionAt(oldEndIndex);
        const start = { row: startPosition.line, column: startPosition.character };
        this.tree.edit(
          new Edit({
            startIndex,
            oldEndIndex,
            newEndIndex: startIndex + change.text.length,
            startPosition: start,
            oldEndPosition: { row: oldEndPosition.line, column: oldEndPosition.character },
            newEndPosition: endPoint(start, change.text),
          }),
        );
      }
      this.doc = TextDocument.update(this.doc, [change], version);
    }
    this.doc = TextDocument.update(this.doc, [], version);
    this.reparse(incremental);
  }

  private reparse(incremental: boolean): void {
    const text = this.doc.getText();
    this.skip = checkAnalysable(text);
    const old = this.tree;
    if (this.skip) {
      old?.delete();
      this.tree = null;
      return;
    }
    const next = parseWithLimit(this.parser, text, incremental ? old : null);
    old?.delete();
    this.tree = next;
  }

  /** Frees the tree. The object must not be used afterwards. */
  dispose(): void {
    this.tree?.delete();
    this.tree = null;
  }
}
