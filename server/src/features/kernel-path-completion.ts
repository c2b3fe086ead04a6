/** Completion of kernel paths after `kernel::…::` and inside `use` groups, limited to what the target has. */
import { CompletionItemKind, InsertTextFormat, MarkupKind, type CompletionItem } from 'vscode-languageserver';
import { versionLines } from '../analysis/hover';
import { scopeOf } from '../semantics/scope';
import { treeDocSummary } from '../analysis/tree-docs';
import type { TreeApi } from '../analysis/tree-api';
import type { DefKind } from '../kb/verify/tree-surface';
import { knowledgeBase, lastSegment, statusAt } from '../kb';
import type { KbItem } from '../kb/types';
import type { CompletionRequestContext } from './completion-context';
import type { CompletionProvider } from './completion';

const KIND: Partial<Record<KbItem['kind'], CompletionItemKind>> = {
  module: CompletionItemKind.Module,
  struct: CompletionItemKind.Struct,
  enum: CompletionItemKind.Enum,
  variant: CompletionItemKind.EnumMember,
  union: CompletionItemKind.Struct,
  trait: CompletionItemKind.Interface,
  fn: CompletionItemKind.Function,
  method: CompletionItemKind.Method,
  'assoc-type': CompletionItemKind.TypeParameter,
  const: CompletionItemKind.Constant,
  'type-alias': CompletionItemKind.Class,
  macro: CompletionItemKind.Function,
};

const PATH_CHARS = /[A-Za-z0-9_:]/;

/** The path written before the segment being typed: `kernel::sync::` → `kernel::sync`; in `use a::{b, c` → `a`. */
export function basePathBefore(text: string, offset: number): { base: string; partial: string; inUse: boolean } | undefined {
  let i = offset;
  while (i > 0 && /[A-Za-z0-9_]/.test(text[i - 1])) i--;
  const partial = text.slice(i, offset);
  let j = i;
  while (j > 0 && /[ \t]/.test(text[j - 1])) j--;
  const lineStart = text.lastIndexOf('\n', j - 1) + 1;
  const inUse = /^\s*(pub(\([^)]*\))?\s+)?use\b/.test(text.slice(lineStart, offset)) || isInsideUseGroup(text, j);
  if (text.slice(j - 2, j) === '::') {
    let k = j - 2;
    while (k > 0 && PATH_CHARS.test(text[k - 1]) && text[k - 1] !== '\n') k--;
    const written = text.slice(k, j - 2).replace(/\s+/g, '');
    const groupPrefix = inUse ? useGroupPrefix(text, k) : '';
    const base = [groupPrefix, written].filter(Boolean).join('::');
    return base ? { base, partial, inUse } : undefined;
  }
  if (!inUse) return undefined;
  const prefix = useGroupPrefix(text, j);
  return prefix ? { base: prefix, partial, inUse } : undefined;
}

/** True when `at` lies inside the braces of a `use` declaration. */
function isInsideUseGroup(text: string, at: number): boolean {
  return useGroupPrefix(text, at) !== '';
}

/** For a position inside `use x::{ … }` groups (possibly nested), the path the groups hang from. */
function useGroupPrefix(text: string, at: number): string {
  const parts: string[] = [];
  let depth = 0;
  let i = at - 1;
  for (; i >= 0; i--) {
    const c = text[i];
    if (c === ';') return '';
    if (c === '}') depth++;
    else if (c === '{') {
      if (depth > 0) {
        depth--;
        continue;
      }
      let k = i;
      while (k > 0 && /\s/.test(text[k - 1])) k--;
      if (text.slice(k - 2, k) !== '::') return '';
      let s = k - 2;
      while (s > 0 && /[A-Za-z0-9_:]/.test(text[s - 1])) s--;
      parts.unshift(text.slice(s, k - 2));
      i = s;
      // keep climbing while this segment is itself inside an outer group
      let b = s - 1;
      while (b >= 0 && /\s/.test(text[b])) b--;
      if (text[b] === '{' || text[b] === ',') continue;
      const head = text.slice(Math.max(0, b - 200), b + 1);
      return /\buse\s*$/.test(head) || /\buse\s+[^;]*$/.test(head) ? parts.join('::') : '';
    }
  }
  return '';
}

function toItem(item: KbItem, target: string, inUse: boolean): CompletionItem {
  const name = lastSegment(item.path);
  const status = statusAt(item, target);
  const signature = status.state === 'available' ? status.signature?.text : undefined;
  const out: CompletionItem = {
    label: name,
    kind: KIND[item.kind] ?? CompletionItemKind.Text,
    detail: signature ?? item.path,
    documentation: { kind: MarkupKind.Markdown, value: `${versionLines(item, target).join('  \n')}\n\n${item.docs}` },
  };
  if (item.kind === 'macro') insertAsMacro(out, name, inUse);
  return out;
}

/** A macro is inserted by its bare name in a `use` and as a call (`name!($0)`, a snippet) elsewhere. */
function insertAsMacro(out: CompletionItem, name: string, inUse: boolean): void {
  const bare = name.replace(/!$/, '');
  out.filterText = bare;
  if (inUse) out.insertText = bare;
  else {
    out.insertText = `${bare}!($0)`;
    out.insertTextFormat = InsertTextFormat.Snippet;
  }
}

/** Completion items for the kernel path before the cursor. */
export function kernelPathCompletions(ctx: CompletionRequestContext): CompletionItem[] {
  if (ctx.inCommentOrString) return [];
  const spot = basePathBefore(ctx.text, ctx.offset);
  if (!spot) return [];
  const kb = knowledgeBase();
  const segs = spot.base.split('::').filter(Boolean);
  const scope = scopeOf(ctx.tree);
  let base: string;
  if (['kernel', 'pin_init'].includes(segs[0])) base = segs.join('::');
  else if (segs[0] === 'crate' && scope.crateName) base = [scope.crateName, ...segs.slice(1)].join('::');
  else if (scope.imports.has(segs[0])) base = [scope.imports.get(segs[0]) as string, ...segs.slice(1)].join('::');
  else return [];
  const baseItem = kb.resolve(base, ctx.target);
  if (baseItem) base = baseItem.path;
  const seen = new Set<string>();
  const items: CompletionItem[] = [];
  const tree = ctx.kernelTree;
  for (const item of [...kb.children(base), ...(baseItem ? kb.children(baseItem.path) : [])]) {
    if (item.kind === 'attribute' || item.kind === 'derive' || item.kind === 'syntax') continue;
    // The user's tree of the target's release decides; elsewhere the knowledge base does.
    const inTree = tree?.presence(`${base}::${lastSegment(item.path)}`);
    if (inTree === 'absent' || (inTree !== 'present' && statusAt(item, ctx.target).state !== 'available')) continue;
    const label = lastSegment(item.path);
    if (seen.has(label)) continue;
    seen.add(label);
    items.push(toItem(item, ctx.target, spot.inUse));
  }
  if (tree) for (const child of tree.children(base)) {
    if (seen.has(child.name) || child.kind === 'attribute' || child.kind === 'derive') continue;
    seen.add(child.name);
    items.push(treeItem(tree, base, child.name, child.kind, spot.inUse));
  }
  return items;
}

const TREE_KIND: Partial<Record<DefKind, CompletionItemKind>> = {
  module: CompletionItemKind.Module, struct: CompletionItemKind.Struct, enum: CompletionItemKind.Enum, union: CompletionItemKind.Struct,
  trait: CompletionItemKind.Interface, fn: CompletionItemKind.Function, const: CompletionItemKind.Constant, static: CompletionItemKind.Variable,
  'type-alias': CompletionItemKind.Class, macro: CompletionItemKind.Function, variant: CompletionItemKind.EnumMember, 'assoc-type': CompletionItemKind.TypeParameter,
};

/** A completion for an item only the user's tree knows, with its signature and first paragraph of docs. */
function treeItem(tree: TreeApi, base: string, name: string, kind: DefKind, inUse: boolean): CompletionItem {
  const found = tree.item(`${base}::${name}`);
  const docs = found?.docs ? treeDocSummary(found.docs).text : '';
  const out: CompletionItem = {
    label: name,
    kind: TREE_KIND[kind] ?? CompletionItemKind.Text,
    detail: found?.signature ?? `${base}::${name}`,
    documentation: { kind: MarkupKind.Markdown, value: `From your kernel tree (Linux ${tree.release}).${docs ? `\n\n${docs}` : ''}` },
  };
  if (name.endsWith('!')) insertAsMacro(out, name, inUse);
  return out;
}

/** The provider the completion handler runs. */
export const kernelPathProvider: CompletionProvider = { name: 'kernel-paths', provide: kernelPathCompletions };
