/** What every completion provider is told about the place completion was asked for. */
import type { Node, Tree } from 'web-tree-sitter';
import type { TargetRange } from '../core/target-range';
import type { TreeApi } from '../analysis/tree-api';

/** The request, resolved against the document's tree. */
export interface CompletionRequestContext {
  /** Document text as of the request. */
  text: string;
  tree: Tree;
  /** Zero-based position of the cursor. */
  line: number;
  character: number;
  /** Index of the cursor in `text`. */
  offset: number;
  /** Kernel release the document is checked against. */
  target: string;
  /** Set when the document must build on a range of releases (`target` is then its newest). */
  range?: TargetRange;
  /** The smallest node at the cursor (or just before it). */
  node: Node | null;
  /** True inside comments and string or char literals, where no code completion makes sense. */
  inCommentOrString: boolean;
  /** The identifier-like word the cursor ends (e.g. "hrt" in `hrt|`). */
  prefix: string;
  /** The user's indexed kernel tree when it is of the target's release: it decides which paths exist. */
  kernelTree?: TreeApi;
}

const NO_CODE = new Set(['line_comment', 'block_comment', 'string_literal', 'raw_string_literal', 'char_literal', 'string_content', 'doc_comment']);

/** Builds the context for a position. */
export function completionContext(
  text: string,
  tree: Tree,
  line: number,
  character: number,
  offset: number,
  target: string,
  range?: TargetRange,
  kernelTree?: TreeApi,
): CompletionRequestContext {
  const probe = Math.max(0, offset - 1);
  const node = tree.rootNode.descendantForIndex(probe, probe);
  let inCommentOrString = false;
  for (let n: Node | null = node; n; n = n.parent) {
    if (NO_CODE.has(n.type) && !(n.endIndex === offset && n.type === 'string_literal' && text[offset - 1] === '"')) {
      inCommentOrString = offset > n.startIndex && (offset < n.endIndex || n.type === 'line_comment' || (n.endIndex === offset && !n.text.endsWith('"') && !n.text.endsWith('*/')));
      if (inCommentOrString) break;
    }
  }
  let start = offset;
  while (start > 0 && /[A-Za-z0-9_!]/.test(text[start - 1])) start--;
  return { text, tree, line, character, offset, target, ...(range ? { range } : {}), node, inCommentOrString, prefix: text.slice(start, offset), kernelTree };
}
