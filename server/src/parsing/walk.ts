/** Depth-first walks over a tree that never recurse on the JS stack (real files can nest very deep). */
import type { Node } from 'web-tree-sitter';

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
