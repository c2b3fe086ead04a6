/** What kernel item a position in a file names: paths, imports, macros, attributes, trait items, methods, macro bodies. */
import type { Node, Tree } from 'web-tree-sitter';
import { knowledgeBase, lastSegment, pickForTarget, type KnowledgeBase } from '../kb';
import type { KbItem } from '../kb/types';
import { resolveSegments } from '../semantics/resolve';
import { type Scope, crateForPath, scopeOf, canonicalRoot } from '../semantics/scope';
import { segmentsOf } from '../semantics/path-segments';
import type { TreeApi } from './tree-api';

/** A kernel item found at a position, and the span of text that names it. */
export interface SymbolHit {
  item: KbItem;
  /** The full path as written and resolved (e.g. `kernel::time::hrtimer::HrTimer::new`). */
  path: string;
  node: Node;
}

/** A kernel item at a position that the knowledge base or the user's indexed tree knows (`item` when the former). */
export interface AnySymbolHit {
  item?: KbItem;
  path: string;
  node: Node;
  /** For attributes: the name is looked up among macros. */
  macroNs?: boolean;
}

const NO_CODE = new Set(['line_comment', 'block_comment', 'string_literal', 'raw_string_literal', 'char_literal', 'string_content']);
const IDENTS = new Set(['identifier', 'type_identifier', 'field_identifier']);
const PATH_NODES = new Set(['scoped_identifier', 'scoped_type_identifier']);

/** Finds the knowledge-base item named at `offset`, or undefined for local code, keywords, comments and strings. */
export function symbolAt(tree: Tree, offset: number, target: string, filePath?: string): SymbolHit | undefined {
  const hit = anySymbolAt(tree, offset, target, filePath);
  return hit?.item ? { item: hit.item, path: hit.path, node: hit.node } : undefined;
}

/**
 * Finds the kernel item named at `offset`: one the knowledge base knows, or with `api` (the user's indexed tree) any
 * item of the tree, reached through the file's imports, its glob imports, or `self::`/`super::` inside the tree's crates.
 */
export function anySymbolAt(tree: Tree, offset: number, target: string, filePath?: string, api?: TreeApi): AnySymbolHit | undefined {
  const root = tree.rootNode;
  const node = root.descendantForIndex(offset, offset);
  if (!node) return undefined;
  for (let n: Node | null = node; n; n = n.parent) if (NO_CODE.has(n.type)) return undefined;
  const kb = knowledgeBase();
  const scope = scopeOf(tree, crateForPath(filePath));
  const anchor = api && filePath ? anchorIn(api, filePath, node) : undefined;
  const hit = (written: string | undefined, at: Node, macro = false): AnySymbolHit | undefined => {
    const path = written && anchor ? anchor(written) : written;
    if (!path) return undefined;
    const full = macro && !path.endsWith('!') ? `${path}!` : path;
    const item = kb.resolve(full, target);
    if (item) return { item, path: full, node: at };
    return api && TREE_ROOTS.has(full.split('::')[0]) && api.defsOf(full).length ? { path: full, node: at } : undefined;
  };
  /** resolveSegments, then (with a tree) the file's glob imports as the tree fills them. */
  const resolve = (segs: readonly string[], macro = false): string | undefined =>
    resolveSegments(segs, scope, kb, target, macro) ?? (api ? treeThroughGlobs(api, scope, segs, macro) : undefined);

  // `<-` inside an init macro body
  if ((node.type === '<' || node.type === '-') && node.parent?.type === 'token_tree') {
    const next = node.type === '<' ? node.nextSibling : node;
    const prev = node.type === '<' ? node : node.previousSibling;
    if (prev?.type === '<' && next?.type === '-' && prev.endIndex === next.startIndex) return hit('syntax::arrow-init', prev);
    return undefined;
  }
  if (!IDENTS.has(node.type) && node.type !== 'self' && node.type !== 'crate') return undefined;
  const parent = node.parent;
  if (!parent) return undefined;

  // attributes: #[pin_data], #[pin], #[pinned_drop], #[pin_data(PinnedDrop)], #[derive(Zeroable)]
  const attr = enclosing(node, 'attribute');
  if (attr) {
    const known = attributeHit(kb, node, attr, target);
    if (known || !api) return known;
    // An attribute macro only the tree knows (`#[vtable]`): its name through the imports, as a macro.
    const name = attr.namedChildren.find((c) => c && (c.type === 'identifier' || c.type === 'scoped_identifier'));
    if (!name || !(name.equals(node) || name.lastChild?.equals(node))) return undefined;
    const segs = segmentsOf(name)?.map((s) => s.text);
    const found = segs ? hit(resolve(segs, true), node, true) : undefined;
    return found ? { ...found, path: found.path.replace(/!$/, ''), macroNs: true } : undefined;
  }

  // inside a macro body: rebuild the path from the flat tokens
  if (parent.type === 'token_tree') return tokenHit(kb, scope, node, target, hit, resolve);

  // use declarations
  const use = enclosing(node, 'use_declaration');
  if (use) {
    if (parent.type === 'use_as_clause' && parent.childForFieldName('alias')?.equals(node)) {
      const aliased = scope.leaves.find((l) => l.node.parent?.equals(parent) || l.node.parent?.parent?.equals(parent));
      return aliased ? hit(canonicalRoot(aliased.path, scope.crateName), node) : undefined;
    }
    const at = (s: { start: number; end: number }): boolean => s.start === node.startIndex && s.end === node.endIndex;
    const leaf = scope.leaves.find((l) => l.segments.some(at));
    if (!leaf) return undefined;
    const idx = leaf.segments.findIndex(at);
    const path = canonicalRoot(leaf.segments.slice(0, idx + 1).map((s) => s.text).join('::'), scope.crateName);
    return hit(path, node) ?? hit(path, node, true);
  }

  // the macro name of a macro call
  if (parent.type === 'macro_invocation' && parent.childForFieldName('macro')?.equals(node)) {
    return hit(resolve([node.text], true) ?? fallbackName(kb, `${node.text}!`, scope, target), node, true);
  }
  if (PATH_NODES.has(parent.type) && parent.parent?.type === 'macro_invocation' && parent.parent.childForFieldName('macro')?.equals(parent)) {
    const segs = segmentsOf(parent);
    const idx = segs?.findIndex((s) => s.node.equals(node)) ?? -1;
    if (segs && idx >= 0) {
      const last = idx === segs.length - 1;
      return hit(resolve(segs.slice(0, idx + 1).map((s) => s.text), last), node, last);
    }
  }

  // associated items of a trait implementation: `type Pointer<'a> = …`, `fn run(…)`
  if ((parent.type === 'type_item' || parent.type === 'function_item' || parent.type === 'const_item') && parent.childForFieldName('name')?.equals(node)) {
    const impl = parent.parent?.type === 'declaration_list' ? parent.parent.parent : null;
    const trait = impl?.type === 'impl_item' ? impl.childForFieldName('trait') : null;
    if (!trait) return undefined;
    const traitPath = resolveType(trait, scope, kb, target);
    return traitPath ? hit(`${traitPath}::${node.text}`, node) : undefined;
  }

  // method calls and field accesses with a receiver whose kernel type is visible
  if (parent.type === 'field_expression' && parent.childForFieldName('field')?.equals(node)) {
    const receiver = parent.childForFieldName('value');
    if (!receiver) return undefined;
    for (const typePath of receiverTypes(receiver, scope, kb, target)) {
      const found = hit(`${typePath}::${node.text}`, node);
      if (found) return found;
    }
    return undefined;
  }

  // paths: `kernel::sync::Mutex`, `HrTimer::new`, `HrTimerRestart::NoRestart`
  let top: Node = node;
  while (top.parent && (PATH_NODES.has(top.parent.type) || top.parent.type === 'generic_type') && top.parent.type !== 'generic_type') top = top.parent;
  if (PATH_NODES.has(top.type)) {
    const segs = segmentsOf(top);
    const idx = segs?.findIndex((s) => s.node.equals(node)) ?? -1;
    if (!segs || idx < 0) return undefined;
    return hit(resolve(segs.slice(0, idx + 1).map((s) => s.text)), node);
  }

  // a bare name: imported, glob-imported, or (for hover only) a unique kernel name not defined locally
  // A name being declared is the file's own item, not a kernel one of the same name (a 6.15 `ClockId::Monotonic`
  // variant declared in time.rs is not the 6.17 `Monotonic` struct).
  if (DECLARATIONS.has(parent.type)) {
    if (parent.childForFieldName('name')?.equals(node) || parent.childForFieldName('pattern')?.equals(node)) return undefined;
  }
  if (node.type === 'field_identifier') return undefined;
  return hit(resolve([node.text]) ?? fallbackName(kb, node.text, scope, target), node);
}

/** The crates an indexed tree answers for. */
const TREE_ROOTS = new Set(['kernel', 'pin_init', 'macros']);

/** A path through the file's glob imports as the tree fills them (`GFP_KERNEL` from `kernel::prelude::*`). */
function treeThroughGlobs(api: TreeApi, scope: Scope, segs: readonly string[], macro: boolean): string | undefined {
  const first = segs[0];
  if (!first || scope.locals.has(segs.length === 1 && macro ? `${first}!` : first) || scope.imports.has(first)) return undefined;
  const last = segs.length === 1 && macro ? '!' : '';
  for (const glob of scope.globs) {
    if (!TREE_ROOTS.has(glob.split('::')[0])) continue;
    const candidate = `${glob}::${first}${last}`;
    if (api.defsOf(candidate).length) return [candidate.replace(/!$/, ''), ...segs.slice(1)].join('::') + (macro ? '!' : '');
  }
  return undefined;
}

/**
 * For a file of the tree's own crates, a function that spells `self::…`/`super::…` paths from the crate root
 * (`super::Arc` in rust/kernel/sync/arc/std_vendor.rs is `kernel::sync::arc::Arc`). Paths inside an inline `mod`
 * are left alone (its `super` is not the file's).
 */
function anchorIn(api: TreeApi, filePath: string, node: Node): ((p: string) => string) | undefined {
  const base = api.modulePathOf(filePath);
  if (!base) return undefined;
  for (let n: Node | null = node.parent; n; n = n.parent) if (n.type === 'mod_item') return undefined;
  return (p) => {
    const parts = p.split('::');
    if (parts[0] !== 'self' && parts[0] !== 'super') return p;
    const at = base.split('::');
    let i = 0;
    for (; parts[i] === 'self' || parts[i] === 'super'; i++) if (parts[i] === 'super') at.pop();
    return at.length ? [...at, ...parts.slice(i)].join('::') : p;
  };
}

/** Nodes whose `name` (or `pattern`) field declares the name rather than using it. */
const DECLARATIONS = new Set(['function_item', 'function_signature_item', 'struct_item', 'enum_item', 'enum_variant', 'union_item', 'trait_item', 'type_item', 'const_item', 'static_item', 'mod_item', 'let_declaration']);

function enclosing(node: Node, type: string): Node | undefined {
  for (let n: Node | null = node.parent; n; n = n.parent) {
    if (n.type === type) return n;
    if (n.type === 'source_file' || n.type === 'block' || n.type === 'declaration_list') return undefined;
  }
  return undefined;
}

/** A unique kernel item of this name, when the file neither defines nor imports something else under it. */
function fallbackName(kb: KnowledgeBase, name: string, scope: Scope, target: string): string | undefined {
  if (scope.locals.has(name) || scope.imports.has(name.replace(/!$/, ''))) return undefined;
  // Only type-like names (Mutex, HrTimer) and macros: a lower-case bare name is a variable or a local function.
  if (!name.endsWith('!') && !/^[A-Z]/.test(name)) return undefined;
  const candidates = kb.named(name).filter((i) => ['struct', 'enum', 'trait', 'type-alias', 'union', 'macro'].includes(i.kind));
  if (candidates.length === 0) return undefined;
  const chosen = pickForTarget(candidates, target);
  return chosen?.path;
}

function attributeHit(kb: KnowledgeBase, node: Node, attr: Node, target: string): SymbolHit | undefined {
  const name = attr.namedChildren.find((c) => c && (c.type === 'identifier' || c.type === 'scoped_identifier'));
  if (!name) return undefined;
  const attrName = lastSegment(name.text);
  const pick = (path: string): SymbolHit | undefined => {
    const item = pickForTarget(kb.lookup(path).length ? kb.lookup(path) : kb.named(path), target);
    return item ? { item, path: item.path, node } : undefined;
  };
  if (name.equals(node) || name.lastChild?.equals(node)) {
    if (attrName === 'pin') return pick('syntax::pin-field');
    if (attrName === 'pin_data' || attrName === 'pinned_drop') return pick(`#[${attrName}]`);
    return undefined;
  }
  if (attrName === 'pin_data' && node.text === 'PinnedDrop') return pick('syntax::pin-data-pinned-drop');
  if (attrName === 'derive' && (node.text === 'Zeroable' || node.text === 'MaybeZeroable')) return pick(`#[derive(${node.text})]`);
  return undefined;
}

function tokenHit(
  kb: KnowledgeBase,
  scope: Scope,
  node: Node,
  target: string,
  hit: (path: string | undefined, at: Node, macro?: boolean) => AnySymbolHit | undefined,
  resolve: (segs: readonly string[], macro?: boolean) => string | undefined,
): AnySymbolHit | undefined {
  const segs = [node.text];
  let cur: Node | null = node;
  for (;;) {
    const sep: Node | null = cur.previousSibling;
    const before: Node | null = sep?.previousSibling ?? null;
    if (!sep || sep.type !== '::' || !before || before.type !== 'identifier') break;
    segs.unshift(before.text);
    cur = before;
  }
  const prev = cur.previousSibling;
  // `..Zeroable::zeroed()` / `..Zeroable::init_zeroed()` tails
  if (prev?.type === '..' && segs.length === 2 && segs[0] === 'Zeroable' && node.text === segs[1]) {
    if (segs[1] === 'zeroed') return hit('syntax::zeroed-tail', node);
    if (segs[1] === 'init_zeroed') return hit('syntax::init-zeroed-tail', node);
  }
  const macro = node.nextSibling?.type === '!';
  const resolved = resolve(segs, macro) ?? (segs.length === 1 ? fallbackName(kb, macro ? `${segs[0]}!` : segs[0], scope, target) : undefined);
  return hit(resolved, node, macro);
}

/** Kernel path of a type node (`HrTimer<Self>`, `&VmaNew`, `kernel::sync::Arc<T>`), or undefined. */
function resolveType(typeNode: Node, scope: Scope, kb: KnowledgeBase, target: string): string | undefined {
  let t: Node | null = typeNode;
  while (t && (t.type === 'reference_type' || t.type === 'pointer_type')) t = t.childForFieldName('type');
  if (!t) return undefined;
  const segs = segmentsOf(t);
  if (!segs) return undefined;
  const path = resolveSegments(segs.map((s) => s.text), scope, kb, target) ?? (segs.length === 1 ? fallbackName(kb, segs[0].text, scope, target) : undefined);
  if (!path) return undefined;
  const item = kb.resolve(path, target);
  return item ? item.path : undefined;
}

/** Type nodes a receiver expression may have, found from declarations in the same function or impl. */
function receiverTypeNodes(receiver: Node): Node[] {
  const out: Node[] = [];
  if (receiver.type === 'identifier' || receiver.type === 'self') {
    const name = receiver.text;
    for (let n: Node | null = receiver.parent; n; n = n.parent) {
      if (n.type === 'function_item' || n.type === 'closure_expression') {
        const params = n.childForFieldName('parameters');
        for (const p of params?.namedChildren ?? []) {
          if (!p) continue;
          if (p.type === 'parameter' && p.childForFieldName('pattern')?.text === name) {
            const t = p.childForFieldName('type');
            if (t) out.push(t);
          }
        }
      }
      if (n.type === 'block') {
        for (const stmt of n.namedChildren) {
          if (!stmt || stmt.startIndex >= receiver.startIndex) break;
          if (stmt.type === 'let_declaration' && stmt.childForFieldName('pattern')?.text === name) {
            const t = stmt.childForFieldName('type');
            if (t) out.push(t);
          }
        }
      }
    }
  } else if (receiver.type === 'field_expression') {
    // self.field: the field's declared type in the struct the impl is for
    const base = receiver.childForFieldName('value');
    const field = receiver.childForFieldName('field')?.text;
    if (base?.type === 'self' && field) {
      let impl: Node | null = receiver.parent;
      while (impl && impl.type !== 'impl_item') impl = impl.parent;
      const typeName = impl?.childForFieldName('type');
      const name = typeName ? (segmentsOf(typeName)?.pop()?.text ?? '') : '';
      const root = receiver.tree.rootNode;
      for (const item of root.namedChildren) {
        if (item?.type === 'struct_item' && item.childForFieldName('name')?.text === name) {
          for (const f of item.childForFieldName('body')?.namedChildren ?? []) {
            if (f?.type === 'field_declaration' && f.childForFieldName('name')?.text === field) {
              const t = f.childForFieldName('type');
              if (t) out.push(t);
            }
          }
        }
      }
    }
  }
  return out;
}

/** Candidate kernel type paths for a receiver, outermost first, then the type arguments (for `Arc<T>`, `Pin<&T>`). */
function receiverTypes(receiver: Node, scope: Scope, kb: KnowledgeBase, target: string): string[] {
  const out: string[] = [];
  const visit = (t: Node | null, depth: number): void => {
    if (!t || depth > 3) return;
    if (t.type === 'reference_type' || t.type === 'pointer_type') return visit(t.childForFieldName('type'), depth);
    const p = resolveType(t, scope, kb, target);
    if (p) {
      out.push(p);
      const item = kb.resolve(p, target);
      const alias = item?.kind === 'type-alias' ? /=\s*([A-Za-z_][A-Za-z0-9_]*)/.exec(item.signatures?.[0]?.text ?? '')?.[1] : undefined;
      if (alias) {
        const real = kb.named(alias).find((i) => i.kind === 'struct' && i.path.startsWith(p.split('::').slice(0, 2).join('::')));
        if (real) out.push(real.path);
      }
    }
    if (t.type === 'generic_type') {
      for (const a of t.childForFieldName('type_arguments')?.namedChildren ?? []) visit(a, depth + 1);
    }
  };
  for (const t of receiverTypeNodes(receiver)) visit(t, 0);
  return out;
}
