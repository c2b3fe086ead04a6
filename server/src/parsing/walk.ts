/** Depth-first walks over a tree that never recurse on the JS stack (real files can nest very deep), and offset → position. */
import type { Node } from 'web-tree-sitter';
import type { Range } from '../core/types';

/**
 * Visits `root` and its descendants in document order. The visitor returns false to skip a node's children.
 */
export function walk(root: Node, visit: (node: Node) => boolean | void): void {
  const cursor = root.walk();
  // Depth is counted here: the cursor's own `currentDepth` costs time proportional to the depth, which made a
  // walk over deeply nested code quadratic.
  let depth = 0;
  try {
    for (;;) {
      const descend = visit(cursor.currentNode) !== false;
      if (descend && cursor.gotoFirstChild()) {
        depth++;
        continue;
      }
      for (;;) {
        if (depth === 0) return;
        if (cursor.gotoNextSibling()) break;
        cursor.gotoParent();
        depth--;
      }
    }
  } finally {
    cursor.delete();
  }
}

/**
 * The ancestors of `node`, innermost first, up to and including the root. Found from the root down, one call per
 * level: asking each node for its parent would search from the root again at every step.
 */
export function ancestorsOf(node: Node): Node[] {
  const chain: Node[] = [];
  for (let n: Node | null = node.tree.rootNode; n && n.id !== node.id; n = n.childWithDescendant(node)) chain.push(n);
  return chain.reverse();
}

/**
 * Offset → line/character for `text`, as tree-sitter reports them (rows counted at `\n` only, columns in UTF-16
 * code units, which is what string offsets count). The line starts of the last text asked about are kept.
 */
export function positionsIn(text: string): (offset: number) => { line: number; character: number } {
  if (lineIndex?.text !== text) {
    const starts = [0];
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
    lineIndex = { text, starts };
  }
  const { starts } = lineIndex;
  return (offset) => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo, character: offset - starts[lo] };
  };
}

let lineIndex: { text: string; starts: number[] } | undefined;

/** Turns a tree-sitter node into a range. */
export function nodeRange(node: Node): Range {
  return {
    start: { line: node.startPosition.row, character: node.startPosition.column },
    end: { line: node.endPosition.row, character: node.endPosition.column },
  };
}
