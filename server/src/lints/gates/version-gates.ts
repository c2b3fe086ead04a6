/** Every place a file uses an API or macro syntax the target lacks: one list that api-unavailable and api-removed split. */
import type { Node } from 'web-tree-sitter';
import { knowledgeBase, lastSegment } from '../../kb';
import { compareReleases, nextRelease } from '../../kb/version';
import type { KbItem } from '../../kb/types';
import { type RuleContext } from '../engine';
import { dmaSyntaxGates } from './dma-syntax-gates';
import { hrtimerSyntaxGates } from './hrtimer-syntax-gates';
import { initSyntaxGates } from './init-syntax-gates';
import { gatedReferences, type GatedReference } from '../../semantics/kernel-refs';
import type { Fix, Range } from '../../core/types';
import { nodeRange } from '../../parsing/walk';

/** One version-gate finding, before it is reported by the rule that owns its state. */
export interface VersionGate {
  /** `not-yet` → api-unavailable; `removed` → api-removed. */
  state: 'not-yet' | 'removed';
  at: Node | Range;
  message: string;
  fixes: Fix[];
}

/** The replacement edit for a removed item, offered only for a pure move (same kind, same name, new path). */
function moveFix(path: string, pathNode: Node, itemPath: string, itemKind: string, replacement: string | undefined): Fix[] {
  if (!replacement || replacement.includes('#[')) return [];
  const moved = knowledgeBase().lookup(replacement).some((i) => i.kind === itemKind);
  if (!moved || lastSegment(replacement) !== lastSegment(itemPath)) return [];
  const full = path.replace(/!$/, '');
  const written = pathNode.text.replace(/\s+/g, '');
  let newText: string | undefined;
  if (written === full) newText = replacement.replace(/!$/, '');
  else if (full.endsWith(`::${written}`) && inUseGroup(pathNode)) {
    // `use kernel::{types::ARef, …}`: the group spells the prefix, so the leaf becomes the rest of the new path.
    const prefix = full.slice(0, full.length - written.length);
    if (replacement.startsWith(prefix)) newText = replacement.slice(prefix.length).replace(/!$/, '');
  }
  if (!newText) return [];
  return [{ title: `Replace with \`${replacement}\``, edits: [{ range: nodeRange(pathNode), newText }] }];
}

/** True when the node is a leaf of a `use` group (`use a::{b::C, …}`), whose prefix the group writes. */
function inUseGroup(node: Node): boolean {
  let n: Node | null = node.parent;
  for (let depth = 0; n && depth < 3; depth++, n = n.parent) {
    if (n.type === 'use_list') return true;
    if (n.type === 'use_declaration') return false;
  }
  return false;
}

/**
 * The release an item arrived in as a message says it: "6.16", or "6.15–6.16" when the first release is not pinned
 * (the newest release read without it is 6.14 and the next one read with it is 6.16).
 */
function addedIn(item: KbItem): string {
  const after = item.knownAbsentIn && item.confidence === 'uncertain' ? nextRelease(item.knownAbsentIn) : undefined;
  return after && after !== item.since ? `${after}–${item.since}` : item.since;
}

/** The release an item left in, as "7.1", or "7.1–7.2" when 7.1 was not read and 7.2 is the first read without it. */
function removedIn(item: KbItem, until: string): string {
  const by = item.knownRemovedBy && until === item.until ? item.knownRemovedBy : undefined;
  return by && by !== until ? `${until}–${by}` : until;
}

/** Why the target lacks a path: when it arrived (the knowledge base knows), or that the user's tree lacks it. */
function notYetMessage(ref: GatedReference, target: string): string {
  const later = ref.item && compareReleases(ref.item.since, target) > 0;
  if (ref.item && (later || !ref.byTree)) return `\`${ref.path}\` is not in Linux ${target} (added in ${addedIn(ref.item)}).`;
  return `\`${ref.path}\` is not in Linux ${target}: your kernel tree has no such item.`;
}

/** All version gates of the file at the target, computed once per run and shared by both rules. */
export function versionGates(ctx: RuleContext): VersionGate[] {
  return ctx.memo('version-gates', () => {
    const scope = ctx.scope;
    const out: VersionGate[] = [];
    for (const ref of gatedReferences(ctx.root, ctx.target, ctx.filePath, scope, ctx.tree)) {
      if (ref.status.state === 'not-yet') {
        out.push({ state: 'not-yet', at: ref.node, message: notYetMessage(ref, ctx.target), fixes: [] });
      } else if (!ref.item) {
        continue;
      } else {
        const replacement = ref.status.replacement;
        const tail = replacement ? `; use \`${replacement}\`` : '';
        out.push({
          state: 'removed',
          at: ref.node,
          message: `\`${ref.path}\` is not in Linux ${ctx.target} (removed in ${removedIn(ref.item, ref.status.until)})${tail}.`,
          fixes: moveFix(ref.path, ref.pathNode, ref.item.path, ref.item.kind, replacement),
        });
      }
    }
    for (const g of hrtimerSyntaxGates(ctx.root, ctx.target, scope)) out.push({ state: g.state, at: g.range, message: g.message, fixes: g.fixes ?? [] });
    for (const g of initSyntaxGates(ctx)) out.push({ state: g.state, at: g.range, message: g.message, fixes: g.fixes });
    for (const g of dmaSyntaxGates(ctx, scope)) out.push({ state: g.state, at: g.range, message: g.message, fixes: g.fixes });
    return out;
  });
}
