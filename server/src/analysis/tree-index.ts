/** What one file of a kernel tree says about its items: signatures, `///` docs and positions (hover reads them on demand). */
import * as path from 'node:path';
import type { Node } from 'web-tree-sitter';
import { signatureOf } from '../kb/verify/shape';

/** One public item found in the tree. */
export interface IndexedItem {
  path: string;
  signature: string;
  docs: string;
  file: string;
  /** Zero-based position of the item's name. */
  line: number;
  character: number;
}

/** The module path of a source file (`rust/kernel/sync/lock/mutex.rs` → `kernel::sync::lock::mutex`). */
export function modulePathOf(file: string, base: string, crate: string): string {
  const rel = path.relative(base, file).replace(/\\/g, '/').replace(/\.rs$/, '');
  const parts = rel.split('/').filter(Boolean);
  const last = parts[parts.length - 1];
  if (last === 'lib' || last === 'mod') parts.pop();
  return [crate, ...parts].join('::');
}

function isPublic(node: Node): boolean {
  return node.namedChildren.some((c) => c?.type === 'visibility_modifier' && c.text === 'pub');
}

function docsBefore(node: Node): string {
  const lines: string[] = [];
  let prev = node.previousNamedSibling;
  while (prev && (prev.type === 'attribute_item' || prev.type === 'line_comment')) {
    if (prev.type === 'line_comment') {
      const doc = prev.childForFieldName('doc');
      // A plain `//` comment between the docs and the item (a note to maintainers) is stepped over.
      if (doc && prev.childForFieldName('outer')) lines.unshift(doc.text.replace(/^ /, '').replace(/\r?\n$/, ''));
      else if (prev.childForFieldName('inner')) break;
    }
    prev = prev.previousNamedSibling;
  }
  return lines.join('\n').trim();
}

function hasMacroExport(node: Node): boolean {
  let prev = node.previousNamedSibling;
  while (prev && (prev.type === 'attribute_item' || prev.type === 'line_comment')) {
    if (prev.type === 'attribute_item' && /macro_export/.test(prev.text)) return true;
    prev = prev.previousNamedSibling;
  }
  return false;
}

const ITEM_TYPES = new Set(['struct_item', 'enum_item', 'union_item', 'trait_item', 'function_item', 'type_item', 'const_item', 'static_item', 'mod_item']);

/** Collects the public items of one parsed file; with `everything`, private ones, enum variants and the members of
 *  trait impls too (hover on them reads the tree at their place). */
export function indexFile(root: Node, file: string, modulePath: string, crate: string, everything = false): IndexedItem[] {
  const out: IndexedItem[] = [];
  const add = (p: string, node: Node, nameNode: Node, signature = signatureOf(node)): void => {
    out.push({ path: p, signature, docs: docsBefore(node), file, line: nameNode.startPosition.row, character: nameNode.startPosition.column });
  };
  const visit = (container: Node, mod: string): void => {
    for (const node of container.namedChildren) {
      if (!node) continue;
      if (node.type === 'macro_definition' && hasMacroExport(node)) {
        const name = node.childForFieldName('name');
        if (name) add(`${crate}::${name.text}!`, node, name, `macro_rules! ${name.text}`);
        continue;
      }
      if (!ITEM_TYPES.has(node.type) || !(everything || isPublic(node))) {
        if (node.type === 'impl_item') visitImpl(node, mod);
        continue;
      }
      const name = node.childForFieldName('name');
      if (!name) continue;
      const p = `${mod}::${name.text}`;
      if (node.type === 'mod_item') {
        const body = node.childForFieldName('body');
        if (body) visit(body, p);
        continue;
      }
      add(p, node, name);
      if (everything && node.type === 'enum_item') {
        for (const v of node.childForFieldName('body')?.namedChildren ?? []) {
          const vn = v?.type === 'enum_variant' ? v.childForFieldName('name') : null;
          if (v && vn) add(`${p}::${vn.text}`, v, vn, v.text.replace(/\s+/g, ' ').trim());
        }
      }
      if (node.type === 'trait_item') {
        for (const m of node.childForFieldName('body')?.namedChildren ?? []) {
          if (!m || !(m.type === 'function_item' || m.type === 'function_signature_item' || m.type === 'associated_type')) continue;
          const mn = m.childForFieldName('name');
          if (mn) add(`${p}::${mn.text}`, m, mn);
        }
      }
    }
  };
  const visitImpl = (impl: Node, mod: string): void => {
    const viaTrait = impl.childForFieldName('trait') !== null;
    if (viaTrait && !everything) return;
    const t = impl.childForFieldName('type');
    const typeName = t?.type === 'generic_type' ? t.childForFieldName('type')?.text : t?.text;
    if (!typeName || !/^[A-Za-z_][A-Za-z0-9_]*$/.test(typeName)) return;
    for (const m of impl.childForFieldName('body')?.namedChildren ?? []) {
      if (!m || !(m.type === 'function_item' || (everything && (m.type === 'const_item' || m.type === 'type_item')))) continue;
      if (!everything && !isPublic(m)) continue;
      const mn = m.childForFieldName('name');
      if (mn) add(`${mod}::${typeName}::${mn.text}`, m, mn);
    }
  };
  visit(root, modulePath);
  return out;
}
