/** `use` declarations: the names each one brings in, read from the tree or, for the common simple forms, from the text. */
import type { Node } from 'web-tree-sitter';
import { isIdentChar, isSpace, plainWordEnd } from '../parsing/chars';
import { segmentsOf, type Segment } from './path-segments';

/** One name a `use` declaration brings in, with the node that spells its path. */
export interface UseLeaf {
  /** Full path, e.g. `kernel::sync::Mutex`; for globs the module path. */
  path: string;
  /** The name bound in this file (alias or last segment); undefined for globs and `self`-less groups. */
  local?: string;
  glob: boolean;
  /** The node to report at: the last path segment (or the glob's module path). */
  node: Node;
  /** One node per path segment as written, group prefixes included. */
  segments: readonly Segment[];
}

/** A path segment as plain data: its text and where it is. */
export interface SegmentAt {
  text: string;
  start: number;
  end: number;
}

/** A `use` leaf as plain data (offsets into the file while reading, relative to the node's start in a part). */
export interface PartLeaf {
  path: string;
  local?: string;
  glob: boolean;
  segments: readonly SegmentAt[];
}

export function collectUse(node: Node, prefix: Segment[], leaves: UseLeaf[]): void {
  const leaf = (segs: Segment[], local: string | undefined, glob: boolean): void => {
    let full = [...prefix, ...segs];
    if (!glob && full.length > 1 && full[full.length - 1].text === 'self') full = full.slice(0, -1);
    if (full.length === 0) return;
    const last = full[full.length - 1];
    leaves.push({ path: full.map((x) => x.text).join('::'), local: glob ? undefined : (local ?? last.text), glob, node: last.node, segments: full });
  };
  switch (node.type) {
    case 'identifier':
    case 'scoped_identifier':
    case 'crate':
    case 'self':
    case 'super': {
      const segs = segmentsOf(node);
      if (segs) leaf(segs, undefined, false);
      return;
    }
    case 'use_as_clause': {
      const path = node.childForFieldName('path');
      const alias = node.childForFieldName('alias');
      const segs = path ? segmentsOf(path) : undefined;
      if (segs) leaf(segs, alias?.text === '_' ? '' : alias?.text, false);
      return;
    }
    case 'use_wildcard': {
      const path = node.namedChildren.find((c) => c !== null);
      const segs = path ? segmentsOf(path) : [];
      if (segs) leaf(segs, undefined, true);
      return;
    }
    case 'scoped_use_list': {
      const path = node.childForFieldName('path');
      const list = node.childForFieldName('list');
      const segs = path ? segmentsOf(path) : [];
      if (!segs || !list) return;
      collectUse(list, [...prefix, ...segs], leaves);
      return;
    }
    case 'use_list':
      for (const child of node.namedChildren) if (child) collectUse(child, prefix, leaves);
      return;
    default:
      return;
  }
}

/** The keywords a `use` path may start with; as any other segment they are left to the tree. */
const PATH_ROOTS = new Set(['crate', 'self', 'super']);

/**
 * The leaves of the `use` declaration spanning `text[start, end)`, read from its text when it is plain: paths of ASCII
 * words, groups, `*` and `as` renames, with spaces and line breaks only. The same as the tree-walking collectUse on
 * its argument; undefined for anything else (comments, leading `::`, raw or non-ASCII names, attributes…), which the
 * caller then reads from the tree.
 */
export function useLeavesFromText(text: string, start: number, end: number): PartLeaf[] | undefined {
  const leaves: PartLeaf[] = [];
  let i = start;
  const skipSpace = (): void => {
    while (i < end && isSpace(text.charCodeAt(i))) i++;
  };
  const word = (): SegmentAt | undefined => {
    skipSpace();
    const to = plainWordEnd(text, i, end);
    if (to < 0) return undefined;
    const from = i;
    i = to;
    return { text: text.slice(from, to), start: from, end: to };
  };
  const eat = (token: string): boolean => {
    skipSpace();
    if (!text.startsWith(token, i)) return false;
    i += token.length;
    return true;
  };
  // Visibility, then the keyword.
  let head = word();
  if (head?.text === 'pub') {
    if (eat('(')) {
      while (i < end && text.charCodeAt(i) !== 41 /* ) */) {
        const c = text.charCodeAt(i);
        if (!isIdentChar(c) && !isSpace(c) && c !== 58 /* : */) return undefined;
        i++;
      }
      if (!eat(')')) return undefined;
    }
    head = word();
  } else if (head?.text === 'crate') head = word();
  if (head?.text !== 'use') return undefined;
  const leaf = (prefix: PartLeaf['segments'], segs: PartLeaf['segments'], local: string | undefined, glob: boolean): void => {
    let full = [...prefix, ...segs];
    if (!glob && full.length > 1 && full[full.length - 1].text === 'self') full = full.slice(0, -1);
    if (full.length === 0) return;
    const last = full[full.length - 1];
    leaves.push({ path: full.map((x) => x.text).join('::'), local: glob ? undefined : (local ?? last.text), glob, segments: full });
  };
  // One use tree (after `prefix`); false when the text is not plain. Groups nest; the depth is bounded so that
  // hostile nesting falls back to the tree (which handles it) instead of exhausting the stack here.
  const tree = (prefix: PartLeaf['segments'], depth: number): boolean => {
    if (depth > 64) return false;
    skipSpace();
    if (eat('{')) return list(prefix, depth);
    if (eat('*')) {
      leaf(prefix, [], undefined, true);
      return true;
    }
    const segs: SegmentAt[] = [];
    for (;;) {
      const w = word();
      if (!w) return false;
      // `crate`, `self` and `super` only lead a path (a lone `self` in a group names the group's prefix).
      if (PATH_ROOTS.has(w.text) && segs.length > 0) return false;
      segs.push(w);
      const save = i;
      if (!eat('::')) {
        i = save;
        break;
      }
      skipSpace();
      if (eat('{')) return list([...prefix, ...segs], depth);
      if (eat('*')) {
        leaf(prefix, segs, undefined, true);
        return true;
      }
    }
    const save = i;
    const as = word();
    if (as?.text === 'as') {
      const alias = word();
      if (!alias) return false;
      leaf(prefix, segs, alias.text === '_' ? '' : alias.text, false);
      return true;
    }
    i = save;
    leaf(prefix, segs, undefined, false);
    return true;
  };
  const list = (prefix: PartLeaf['segments'], depth: number): boolean => {
    for (;;) {
      skipSpace();
      if (eat('}')) return true;
      if (!tree(prefix, depth + 1)) return false;
      skipSpace();
      if (eat(',')) continue;
      return eat('}');
    }
  };
  if (!tree([], 0) || !eat(';')) return undefined;
  skipSpace();
  return i === end ? leaves : undefined;
}
