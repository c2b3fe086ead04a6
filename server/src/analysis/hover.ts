/** Hover text for kernel items: the signature at the target release, what it is, and its version history. */
import type { Tree } from 'web-tree-sitter';
import { statusAt } from '../kb';
import type { KbItem } from '../kb/types';
import { compareReleases, isDevelopmentRelease, pointOf } from '../kb/version';
import { symbolAt } from './symbol-at';
import type { Range } from './types';

/** Hover contents (Markdown) and the span it describes. */
export interface HoverResult {
  markdown: string;
  range: Range;
  path: string;
}

/** Extra, tree-specific knowledge about an item (from an indexed kernel tree). */
export interface TreeDoc {
  signature?: string;
  docs?: string;
  /** Where the item is defined in the user's tree. */
  location?: string;
}

const KIND_LABEL: Record<KbItem['kind'], string> = {
  module: 'module', struct: 'struct', enum: 'enum', variant: 'enum variant', union: 'union', trait: 'trait', fn: 'function',
  method: 'method', 'assoc-type': 'associated type', const: 'constant', 'type-alias': 'type alias', macro: 'macro',
  attribute: 'attribute', derive: 'derive macro', syntax: 'macro syntax',
};

/** The version line(s) of a hover: availability at the target and the changes around it. */
export function versionLines(item: KbItem, target: string): string[] {
  const status = statusAt(item, target);
  const lines: string[] = [];
  if (status.state === 'not-yet') {
    lines.push(`**Not available in Linux ${target}** (added in ${item.since}).`);
  } else if (status.state === 'removed') {
    lines.push(`**Removed in ${status.until}**${status.replacement ? ` — use \`${status.replacement}\`` : ''}. Not available in Linux ${target}.`);
  } else {
    lines.push(`Since Linux ${item.since}${item.until ? `; removed in ${item.until}${item.replacement ? ` (then use \`${item.replacement}\`)` : ''}` : ''}.`);
  }
  for (const b of item.backportedTo ?? []) {
    lines.push(pointOf(b) > 0 ? `Backported to ${b.replace(/\.\d+$/, '')}.y from ${b}.` : `Also in later stable updates of ${b} (from which point release is not known).`);
  }
  for (const c of item.changes ?? []) {
    const past = compareReleases(c.version, target) <= 0;
    lines.push(`${past ? 'Changed in' : 'From'} ${c.version}: ${c.note}`);
  }
  if (isDevelopmentRelease(target)) lines.push(`_Linux ${target} is still in development: these facts may change before it is released._`);
  if (item.confidence === 'uncertain') lines.push(`_Version facts partly unverified: ${item.note ?? 'see the knowledge base entry'}_`);
  return lines;
}

/** Renders the hover Markdown for an item at a target, with optional facts from the user's own tree on top. */
export function renderHover(item: KbItem, path: string, target: string, tree?: TreeDoc): string {
  const status = statusAt(item, target);
  const sig = tree?.signature ?? (status.state === 'available' ? status.signature?.text : undefined) ?? nearestSignature(item, target);
  const parts: string[] = [];
  if (sig) parts.push('```rust\n' + sig + '\n```');
  parts.push(`\`${item.path}\` · ${KIND_LABEL[item.kind]} · checked against Linux ${target}`);
  const reExport = path !== item.path && !path.startsWith('syntax::') && !(item.aliases ?? []).includes(path);
  if (reExport) parts.push(`Reached here through \`${path}\`.`);
  parts.push(versionLines(item, target).join('  \n'));
  if (tree?.docs) parts.push(`From your kernel tree${tree.location ? ` (\`${tree.location}\`)` : ''}:\n\n${tree.docs}`);
  parts.push(item.docs);
  parts.push(`[Kernel docs](${item.link})`);
  return parts.join('\n\n---\n\n').replace(/\n\n---\n\n(?=\[Kernel docs\])/, '\n\n');
}

/** For an item the target lacks, the signature it has in the nearest release that has it. */
function nearestSignature(item: KbItem, target: string): string | undefined {
  const sigs = item.signatures ?? [];
  if (sigs.length === 0) return undefined;
  const later = compareReleases(target, item.since) < 0;
  return (later ? sigs[0] : sigs[sigs.length - 1]).text;
}

/** Hover at a text offset, or undefined when nothing kernel-related is there. */
export function hoverAt(
  tree: Tree,
  offset: number,
  target: string,
  filePath?: string,
  treeDoc?: (item: KbItem) => TreeDoc | undefined,
): HoverResult | undefined {
  const hit = symbolAt(tree, offset, target, filePath);
  if (!hit) return undefined;
  const n = hit.node;
  return {
    markdown: renderHover(hit.item, hit.path, target, treeDoc?.(hit.item)),
    range: {
      start: { line: n.startPosition.row, character: n.startPosition.column },
      end: { line: n.endPosition.row, character: n.endPosition.column },
    },
    path: hit.path,
  };
}
