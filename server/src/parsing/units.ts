/**
 * A file's units: each top-level item together with the outer attributes and comments above it. A unit with a
 * syntax error anywhere in it is broken: the rules neither report inside it nor learn from it.
 */
import type { Node } from 'web-tree-sitter';
import type { Position } from '../core/types';
import { positionsIn } from './walk';

/** One unit of a file. */
export interface Unit {
  start: number;
  end: number;
  from: Position;
  to: Position;
  broken: boolean;
  /** The unit's source text. */
  text: string;
  /** The top-level nodes, in order: attributes and comments, then the item (made on first use). */
  readonly nodes: Node[];
}

const LEADING = new Set(['attribute_item', 'line_comment', 'block_comment']);

/**
 * Cuts a file into units, in document order. One cursor pass over the top-level nodes: Node objects cost a call
 * into tree-sitter for each property read, and most units never need theirs.
 */
export function unitsOf(root: Node, text: string): Unit[] {
  const out: Unit[] = [];
  // Positions come from the text's line starts: asking the cursor for them costs a call into tree-sitter each.
  const position = positionsIn(text);
  const checkErrors = root.hasError;
  const cursor = root.walk();
  try {
    let more = cursor.gotoFirstChild();
    let index = 0;
    let first = -1;
    let start = 0;
    let from: Position = position(0);
    let broken = false;
    while (more) {
      const leading = LEADING.has(cursor.nodeType);
      if (first < 0) {
        first = index;
        start = cursor.startIndex;
        from = position(start);
      }
      // `hasError` holds for an ERROR or MISSING node itself as well as for anything containing one.
      if (checkErrors && !broken && cursor.currentNode.hasError) broken = true;
      const end = cursor.endIndex;
      more = cursor.gotoNextSibling();
      // A unit ends at an item, or at leading nodes with nothing after them.
      if (!leading || !more) {
        out.push(new FileUnit(root, first, index, start, end, from, position(end), broken, text.slice(start, end)));
        first = -1;
        broken = false;
      }
      index++;
    }
  } finally {
    cursor.delete();
  }
  return out;
}

/** A unit whose nodes are looked up from its root on first use (most units never need theirs). */
class FileUnit implements Unit {
  private found: Node[] | undefined;

  constructor(
    private readonly root: Node,
    private readonly firstChild: number,
    private readonly lastChild: number,
    readonly start: number,
    readonly end: number,
    readonly from: Position,
    readonly to: Position,
    readonly broken: boolean,
    readonly text: string,
  ) {}

  get nodes(): Node[] {
    if (!this.found) {
      this.found = [];
      for (let i = this.firstChild; i <= this.lastChild; i++) {
        const child = this.root.child(i);
        if (child) this.found.push(child);
      }
    }
    return this.found;
  }
}
