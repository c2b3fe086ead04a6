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

/** Values cached within one session (one engine run), per tree: the shared query results. */
let session: Map<Node['tree'], Map<string, unknown>> | undefined;

/** The current session's cache for `tree`, or undefined outside a session (then nothing may be cached). */
export function sessionCache(tree: Node['tree']): Map<string, unknown> | undefined {
  if (!session) return undefined;
  let perTree = session.get(tree);
  if (!perTree) {
    perTree = new Map();
    session.set(tree, perTree);
  }
  return perTree;
}

/**
 * Runs `fn` as one session: per-tree results (the shared file query of `structure.ts`) are cached until `fn`
 * returns, so no node outlives the run that made it (trees are edited and freed between runs).
 */
export function withSession<T>(fn: () => T): T {
  if (session) return fn();
  session = new Map();
  try {
    return fn();
  } finally {
    session = undefined;
  }
}
