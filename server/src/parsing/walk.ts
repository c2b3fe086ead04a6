/** Depth-first walks over a tree that never recurse on the JS stack (real files can nest very deep). */
import type { Node } from 'web-tree-sitter';

/**
 * Visits `root` and its descendants in document order. The visitor returns false to skip a node's children.
 */
export function walk(root: Node, visit: (node: Node) => boolean | void): void {
  const cache = session && root.type === 'source_file' ? sessionCache(root.tree) : undefined;
  const flat = cache ? flatTree(root, cache) : undefined;
  if (flat) {
    for (let i = 0; i < flat.nodes.length; ) i = visit(flat.nodes[i]) !== false ? i + 1 : flat.ends[i];
    return;
  }
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

/** A whole tree in document order: `ends[i]` is the index just past node i's subtree. */
interface FlatTree {
  nodes: Node[];
  ends: number[];
}

/** Values cached within one session (one engine run), per tree: whole-tree walks, shared query results. */
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

function flatTree(root: Node, cache: Map<string, unknown>): FlatTree {
  let flat = cache.get('flat') as FlatTree | undefined;
  if (flat) return flat;
  const nodes: Node[] = [];
  const open: number[] = [];
  const ends: number[] = [];
  const cursor = root.walk();
  try {
    for (;;) {
      const node = cursor.currentNode;
      // The type getter asks wasm every time; visitors read it for every node, so pin it on these instances.
      Object.defineProperty(node, 'type', { value: cursor.nodeType });
      nodes.push(node);
      if (cursor.gotoFirstChild()) {
        open.push(nodes.length - 1);
        continue;
      }
      ends[nodes.length - 1] = nodes.length;
      while (open.length > 0 && !cursor.gotoNextSibling()) {
        cursor.gotoParent();
        ends[open.pop() as number] = nodes.length;
      }
      if (open.length === 0) break;
    }
  } finally {
    cursor.delete();
  }
  flat = { nodes, ends };
  cache.set('flat', flat);
  return flat;
}

/**
 * Runs `fn` as one session: per-tree results (the shared file query of `structure.ts`, and any whole-tree `walk`,
 * read from wasm once and replayed in plain JavaScript) are cached until `fn` returns, so no node outlives the run
 * that made it (trees are edited and freed between runs).
 */
export function withWalkCache<T>(fn: () => T): T {
  if (session) return fn();
  session = new Map();
  try {
    return fn();
  } finally {
    session = undefined;
  }
}
