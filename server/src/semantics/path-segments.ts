/** Path segments of a path as written (`a::b::C<T>`), read from the tree or, for plain paths, from the text. */
import type { Node } from 'web-tree-sitter';
import { isIdentChar, PLAIN_PATH_SOURCE } from '../parsing/chars';

/** A path segment and the node that spells it. */
export interface Segment {
  text: string;
  /** Where the segment is spelled (string offsets into the file's text). */
  start: number;
  end: number;
  node: Node;
}

/** The segments of a plain path node (`a::b::C<T>`), or undefined when it is not a plain path. */
export function segmentsOf(node: Node): Segment[] | undefined {
  // Iterative, from the last segment back to the first: paths in real (and hostile) files can be very long.
  const reversed: Segment[] = [];
  for (let cur: Node = node; ; ) {
    switch (cur.type) {
      case 'identifier':
      case 'type_identifier':
      case 'crate':
      case 'self':
      case 'super':
        reversed.push({ text: cur.text, start: cur.startIndex, end: cur.endIndex, node: cur });
        return reversed.reverse();
      case 'scoped_identifier':
      case 'scoped_type_identifier': {
        const path = cur.childForFieldName('path');
        const name = cur.childForFieldName('name');
        if (!path || !name) return undefined;
        reversed.push({ text: name.text, start: name.startIndex, end: name.endIndex, node: name });
        cur = path;
        break;
      }
      case 'generic_type': {
        const t = cur.childForFieldName('type');
        if (!t) return undefined;
        cur = t;
        break;
      }
      default:
        return undefined;
    }
  }
}

const PLAIN_PATH = new RegExp(`^${PLAIN_PATH_SOURCE}$`);

/**
 * A path segment read from the text, whose node is looked up the first time it is asked for (most are never
 * reported at): the smallest named node there, or with `anyNode` the smallest node of any kind.
 */
export class TextSegment implements Segment {
  private found: Node | undefined;

  constructor(
    private readonly root: Node,
    readonly text: string,
    readonly start: number,
    readonly end: number,
    private readonly anyNode = false,
  ) {}

  get node(): Node {
    this.found ??=
      (this.anyNode ? this.root.descendantForIndex(this.start, this.end) : this.root.namedDescendantForIndex(this.start, this.end)) ?? this.root;
    return this.found;
  }
}

/**
 * The segments of the path spelled by `text[start, end)` when it is plain (`a::b::C`, words and `::` with spaces at
 * most): the same as {@link segmentsOf} on its node, read from the text alone. Each segment's node is looked up in
 * `root` only when asked for; most paths are never reported at. Undefined for anything else (generics, comments,
 * raw identifiers, non-ASCII names): then the caller reads the tree.
 */
export function plainSegments(root: Node, text: string, start: number, end: number): Segment[] | undefined {
  if (!PLAIN_PATH.test(text.slice(start, end))) return undefined;
  const out: Segment[] = [];
  for (let i = start; i < end; ) {
    if (!isIdentChar(text.charCodeAt(i))) {
      i++;
      continue;
    }
    let j = i + 1;
    while (j < end && isIdentChar(text.charCodeAt(j))) j++;
    out.push(new TextSegment(root, text.slice(i, j), i, j));
    i = j;
  }
  return out;
}
