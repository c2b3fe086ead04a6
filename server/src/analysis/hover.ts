/** Hover text for kernel items: the signature at the target release, what it is, and its version history. */
import type { Tree } from 'web-tree-sitter';
import { statusAt, type ItemStatus } from '../kb';
import type { KbItem } from '../kb/types';
import { compareReleases, isDevelopmentRelease, pointOf } from '../kb/version';
import { describeReleases, partOfRange, type TargetRange } from '../core/target-range';
import { treeDocSummary } from './tree-docs';
import { anySymbolAt } from './symbol-at';
import type { TreeApi, TreeItem } from './tree-api';
import type { Range } from '../core/types';
import { splitTopLevel } from '../parsing/chars';

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
  /** Where the item is defined in the user's tree, relative to it ("rust/kernel/sync.rs:12"). */
  location?: string;
  /** A link that opens the definition (a file URI with a `#L<line>` fragment). */
  uri?: string;
  /** The release the tree's Makefile names. */
  release?: string;
  /** What the tree defines it as (struct, fn, macro…), for items only the tree knows. */
  kind?: string;
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

/** Kinds whose knowledge-base signature is the way to call them (`pin_init!(Type { .. })`), which a tree's
 *  `macro_rules! pin_init` or attribute definition would only hide. */
const USAGE_KINDS: ReadonlySet<KbItem['kind']> = new Set(['macro', 'attribute', 'derive', 'syntax']);

/** Same major.minor: a 7.1.5 tree describes the 7.1 target. */
function sameLine(a: string, b: string): boolean {
  return a.split('.').slice(0, 2).join('.') === b.split('.').slice(0, 2).join('.');
}

/** A signature laid out for reading: a long `where` clause goes on lines of its own, one bound a line, and no trailing
 *  comma ends it. */
export function formatSignature(sig: string | undefined): string | undefined {
  if (!sig) return undefined;
  const flat = sig.replace(/,\s*$/, '');
  const at = flat.indexOf(' where ');
  if (at < 0 || flat.includes('\n') || flat.length <= 80) return flat;
  const bounds = splitTopLevel(flat, at + 7).pieces;
  return `${flat.slice(0, at)}\nwhere\n${bounds.filter(Boolean).map((b) => `    ${b}`).join(',\n')}`;
}

/** The docs of the item for a target: the entry for the target's era when the text differs by release. */
function docsAt(item: KbItem, target: string): string {
  const eras = item.docsByRelease ?? [];
  const inRange = eras.find((e) => compareReleases(e.since ?? item.since, target) <= 0 && (!e.until || compareReleases(target, e.until) < 0));
  if (inRange) return inRange.text;
  if (eras.length === 0) return item.docs;
  // Before the first era the first applies, after the last the last.
  return compareReleases(target, eras[0].since ?? item.since) < 0 ? eras[0].text : eras[eras.length - 1].text;
}

/** One era of an item across a range: the signature it has (or its absence) and the releases of the range it holds for. */
export interface RangeEra {
  /** The signature text, '' for an item without one; undefined when these releases lack the item. */
  signature: string | undefined;
  releases: Set<string>;
  /** Why these releases lack it, when they do. */
  status?: ItemStatus;
}

/** The item's eras across a range, in the order of the range: each distinct signature (or absence) with its releases. */
export function erasAcross(item: KbItem, range: TargetRange): RangeEra[] {
  const eras: RangeEra[] = [];
  for (const r of range.releases) {
    const status = statusAt(item, r);
    const signature = status.state === 'available' ? (status.signature?.text ?? '') : undefined;
    const key = signature ?? `\u0000${status.state}`;
    const era = eras.find((e) => (e.signature ?? `\u0000${e.status?.state}`) === key);
    if (era) era.releases.add(r);
    else eras.push({ signature, releases: new Set([r]), ...(signature === undefined ? { status } : {}) });
  }
  return eras;
}

/** The signature and availability parts of a hover across a range: each signature with the releases it holds for. */
function rangeParts(item: KbItem, range: TargetRange): { signature: string[]; version: string[] } {
  const eras = erasAcross(item, range);
  const present = eras.filter((e) => e.signature !== undefined);
  const signature: string[] = [];
  const withText = present.filter((e) => e.signature);
  if (withText.length === 1 && present.length === eras.length) signature.push('```rust\n' + formatSignature(withText[0].signature) + '\n```');
  else for (const e of withText) signature.push(`Linux ${describeReleases(range, e.releases)}:\n\n\`\`\`rust\n${formatSignature(e.signature)}\n\`\`\``);
  const version: string[] = [];
  for (const e of eras) {
    if (e.status?.state === 'not-yet') version.push(`**Not in ${partOfRange(range, e.releases)}** (added in ${e.status.since}).`);
    else if (e.status?.state === 'removed') {
      version.push(`**Not in ${partOfRange(range, e.releases)}** (removed in ${e.status.until}${e.status.replacement ? `; use \`${e.status.replacement}\`` : ''}).`);
    }
  }
  if (version.length === 0) version.push(`In every release of your range ${range.label}.`);
  return { signature, version };
}

/** Renders the hover Markdown for an item at a target, with optional facts from the user's own tree on top. With a
 *  range, the signature is shown per era of the range and availability names the part of the range lacking it. */
export function renderHover(item: KbItem, path: string, target: string, tree?: TreeDoc, range?: TargetRange): string {
  const status = statusAt(item, target);
  const treeMatches = tree !== undefined && (tree.release === undefined || sameLine(tree.release, target));
  const across = range ? rangeParts(item, range) : undefined;
  const kbSig = (status.state === 'available' ? status.signature?.text : undefined) ?? nearestSignature(item, target);
  const treeSig = treeMatches && !USAGE_KINDS.has(item.kind) && !range ? tree?.signature : undefined;
  const sig = formatSignature(treeSig ?? kbSig);
  const parts: string[] = [];
  if (across?.signature.length) parts.push(across.signature.join('\n\n'));
  else if (sig) parts.push('```rust\n' + sig + '\n```');
  parts.push(`\`${item.path}\` · ${KIND_LABEL[item.kind]} · checked against ${range ? `every release of Linux ${range.label}` : `Linux ${target}`}`);
  const reExport = path !== item.path && !path.startsWith('syntax::') && !(item.aliases ?? []).includes(path);
  if (reExport) parts.push(`Reached here through \`${path}\`.`);
  const lines = versionLines(item, target);
  // With a range, the target's own availability line gives way to the range's.
  parts.push((across ? [...across.version, ...lines.slice(1)] : lines).join('  \n'));
  if (tree?.docs) {
    const summary = treeDocSummary(tree.docs);
    const where = tree.location ? ` (\`${tree.location}\`)` : '';
    const which = treeMatches ? 'From your kernel tree' : `From your kernel tree, which is Linux ${tree.release}, not the target`;
    const more = summary.more && tree.uri ? `\n\n[More in your tree](${tree.uri})` : '';
    if (summary.text) parts.push(`${which}${where}:\n\n${summary.text}${more}`);
  }
  parts.push(range ? item.docs : docsAt(item, target));
  parts.push(`[Kernel docs](${item.link})`);
  return parts.join('\n\n---\n\n').replace(/\n\n---\n\n(?=\[Kernel docs\])/, '\n\n');
}

/** Hover for an item the knowledge base has no entry for, from the user's kernel tree alone. */
export function renderTreeHover(path: string, target: string, tree: TreeDoc): string {
  const parts: string[] = [];
  const sig = formatSignature(tree.signature);
  if (sig) parts.push('```rust\n' + sig + '\n```');
  const matches = tree.release === undefined || sameLine(tree.release, target);
  const release = tree.release ? `Linux ${tree.release}` : 'your kernel tree';
  parts.push(`\`${path}\`${tree.kind ? ` · ${TREE_KIND_LABEL[tree.kind] ?? tree.kind}` : ''} · from your kernel tree (${release}${matches ? '' : `, not the target ${target}`})`);
  const summary = tree.docs ? treeDocSummary(tree.docs) : undefined;
  const where = tree.location ? `Defined at \`${tree.location}\`` : '';
  const more = tree.uri ? `${where ? ' · ' : ''}[${summary?.more ? 'More in your tree' : 'Open in your tree'}](${tree.uri})` : '';
  if (summary?.text) parts.push(summary.text);
  if (where || more) parts.push(where + more);
  return parts.join('\n\n---\n\n');
}

/** How the tree's definition kinds read in a hover. */
const TREE_KIND_LABEL: Readonly<Record<string, string>> = {
  fn: 'function', 'type-alias': 'type alias', 'assoc-type': 'associated type', const: 'constant', variant: 'enum variant',
  attribute: 'attribute macro', derive: 'derive macro', external: 're-export',
};

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
  range?: TargetRange,
  fromTree?: { api: TreeApi; docOf: (hit: TreeItem) => TreeDoc },
): HoverResult | undefined {
  const hit = anySymbolAt(tree, offset, target, filePath, fromTree?.api);
  if (!hit) return undefined;
  let markdown: string;
  if (hit.item) markdown = renderHover(hit.item, hit.path, target, treeDoc?.(hit.item), range);
  else {
    const found = fromTree?.api.item(hit.path, hit.macroNs ? 'macro' : undefined);
    if (!found || !fromTree) return undefined;
    markdown = renderTreeHover(hit.path, target, fromTree.docOf(found));
  }
  const n = hit.node;
  return {
    markdown,
    range: {
      start: { line: n.startPosition.row, character: n.startPosition.column },
      end: { line: n.endPosition.row, character: n.endPosition.column },
    },
    path: hit.path,
  };
}
