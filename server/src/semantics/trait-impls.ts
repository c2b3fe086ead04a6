/**
 * The trait impls of a file as the pin-init rules need them: `impl [<…>] Trait for Type [<…>]` blocks outside macros,
 * with the trait's path and the implemented type's name read from the tree. Found through the file's structure, so
 * no walk over the whole tree is needed.
 */
import type { Node } from 'web-tree-sitter';
import { lastSegment } from '../kb';
import { spansOutside, structureOf } from '../syntax/structure';
import { attributeName, attributesBefore } from '../syntax/macro-body';

/** One `impl Trait for Type` block. */
export interface TraitImpl {
  node: Node;
  /** The trait path as written, whitespace removed (`Drop`, `core::ops::Drop`, `pin_init::PinnedDrop`). */
  trait: string;
  /** The trait path node. */
  traitNode: Node;
  /** The implemented type's name when it is a plain name (`Foo`, `Foo<T>`), else undefined. */
  typeName?: string;
  /** The node naming the implemented type. */
  typeNode?: Node;
  /** Attribute items written before the impl. */
  attributes: Node[];
  /** True for `unsafe impl`. */
  unsafe: boolean;
  /** True for `impl !Trait for Type`. */
  negative: boolean;
}

/**
 * Every trait impl of the file whose trait's last segment is one of `traits`, at any depth outside macro definitions
 * and invocations; impls nested in another impl's body are left out.
 */
export function traitImpls(root: Node, traits: ReadonlySet<string>): TraitImpl[] {
  const out: TraitImpl[] = [];
  const structure = structureOf(root);
  for (const { node, start } of spansOutside(structure, ['impl_item'], ['macro_definition', 'macro_invocation', 'impl_item'])) {
    const traitNode = node.childForFieldName('trait');
    if (!traitNode) continue;
    const trait = traitNode.text.replace(/\s+/g, '');
    if (!traits.has(lastSegment(trait))) continue;
    let typeNode = node.childForFieldName('type') ?? undefined;
    if (typeNode?.type === 'generic_type') typeNode = typeNode.childForFieldName('type') ?? undefined;
    const head = structure.text.slice(start, traitNode.startIndex);
    out.push({
      node,
      trait,
      traitNode,
      typeName: typeNode?.type === 'type_identifier' ? typeNode.text : undefined,
      typeNode,
      attributes: attributesBefore(node),
      unsafe: /^unsafe\b/.test(head),
      negative: /!\s*$/.test(head),
    });
  }
  return out;
}

/** True when one of the impl's attributes is `#[pinned_drop]` (by its last path segment). */
export function hasPinnedDropAttribute(impl: TraitImpl): boolean {
  return impl.attributes.some((a) => attributeName(a) === 'pinned_drop');
}
