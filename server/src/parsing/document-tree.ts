/** A document's text and its parse tree, kept in step by replaying each edit into the tree. */
import { TextDocument, type TextDocumentContentChangeEvent } from 'vscode-languageserver-textdocument';
import { Edit, type Parser, type Point, type Tree } from 'web-tree-sitter';
import { checkAnalysable, type SkipReason } from '../core/limits';
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
  /**
   * The version before the current one, with an unedited copy of its tree: typing a character and deleting it again
   * (or undoing an edit) returns to that text, and its tree is taken back instead of reparsing. A reparse after an
   * edit that opens a string or a bracket costs as much as parsing the whole file, and so does the one closing it.
   */
  private previous: { text: string; tree: Tree } | null = null;
  /** How many updates took the previous version's tree back instead of parsing (for tests and the benchmark). */
  restored = 0;
  /** Set while edits wait for their parse: whether that parse may reuse the edited tree (false after a full change). */
  private pending: boolean | undefined;

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

  /** The current tree, or null when the document was skipped or the last parse failed. Parses edits not parsed yet. */
  get current(): Tree | null {
    this.flush();
    return this.tree;
  }

  /** Why analysis is skipped for this document, if it is. */
  get skipped(): SkipReason | undefined {
    this.flush();
    return this.skip;
  }

  private flush(): void {
    if (this.pending === undefined) return;
    const incremental = this.pending;
    this.pending = undefined;
    this.reparse(incremental);
  }

  /**
   * Applies LSP content changes in order, replaying each into the tree; the parse waits until the tree is asked for
   * (`current`), so a burst of notifications costs one parse, not one per keystroke.
   */
  update(changes: readonly TextDocumentContentChangeEvent[], version: number): void {
    // A copy shares the tree's nodes (it is cheap) and is not touched by the edits below. Only a parsed tree is kept:
    // an edited one waiting for its parse describes no text exactly.
    const before = this.tree && this.pending === undefined ? { text: this.doc.getText(), tree: this.tree.copy() } : null;
    let incremental = this.tree !== null;
    for (const change of changes) {
      if (!('range' in change) || change.range === undefined) {
        this.doc = TextDocument.update(this.doc, [change], version);
        incremental = false;
        continue;
      }
      if (incremental && this.tree) {
        // A range may be written end-first; the text library puts it in order, so the tree edit must too.
        const a = this.doc.offsetAt(change.range.start);
        const b = this.doc.offsetAt(change.range.end);
        const startIndex = Math.min(a, b);
        const oldEndIndex = Math.max(a, b);
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
    const back = this.previous;
    if (back && back.text === this.doc.getText()) {
      // Back to an earlier version: its tree is still good (the text decides the tree, not how it was reached).
      this.previous = before;
      this.skip = undefined;
      this.pending = undefined;
      this.tree?.delete();
      this.tree = back.tree;
      this.restored++;
      return;
    }
    if (before) {
      back?.tree.delete();
      this.previous = before;
    }
    this.pending = (this.pending ?? true) && incremental;
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

  /** Frees the trees. The object must not be used afterwards. */
  dispose(): void {
    this.tree?.delete();
    this.tree = null;
    this.previous?.tree.delete();
    this.previous = null;
  }
}
