/** Plain-text rendering of a knowledge-base verification report: disagreements first, then the informational parts. */
import type { Disagreement, VerifyReport } from './compare';

const CATEGORY_TITLES: Readonly<Record<string, string>> = {
  missing: 'KB says available, tree lacks it',
  'present-but-kb-says-absent': 'KB says absent, tree has it',
  'kind-mismatch': 'tree has a different kind of item there',
  'not-public': 'tree has it, but not public',
  signature: 'signature differs',
  'alias-missing': 'an alias does not name it',
};

function disagreementLines(d: Disagreement): string[] {
  const lines = [`  ${d.path}  [${d.kind}]${d.lookedUp !== d.path ? `  (looked up as ${d.lookedUp})` : ''}`];
  lines.push(`      KB:   ${d.kbClaims}`);
  lines.push(`      tree: ${d.treeHas}`);
  for (const diff of d.differences ?? []) lines.push(`        ${diff.aspect}: KB ${diff.kb}  ≠  tree ${diff.tree}`);
  if (d.treeLocation) lines.push(`      at:   ${d.treeLocation}`);
  if (d.kbLocation) lines.push(`      KB entry: ${d.kbLocation}`);
  if (d.hint) lines.push(`      hint: ${d.hint}`);
  return lines;
}

/** The summary line for one tree. */
export function summaryLine(r: VerifyReport): string {
  const cats = Object.entries(r.counts.byCategory).map(([k, n]) => `${k} ${n}`).join(', ');
  return (
    `${r.makefileRelease} (${r.tree}): ${r.counts.disagreements} disagreement${r.counts.disagreements === 1 ? '' : 's'}` +
    `${cats ? ` (${cats})` : ''}; ${r.counts.agreements} of ${r.counts.checked} entries agree; ` +
    `${r.counts.notCheckable} not checkable (syntax); signatures compared ${r.counts.signaturesCompared}, not comparable ${r.counts.signaturesNotComparable}; ` +
    `${r.uncertain.length} uncertain note${r.uncertain.length === 1 ? '' : 's'}; ${r.backportTolerated.length} backport${r.backportTolerated.length === 1 ? '' : 's'} tolerated; ` +
    `${r.surface.files} files, ${r.millis} ms`
  );
}

/** The full text report for one tree. */
export function formatText(r: VerifyReport): string {
  const out: string[] = [];
  out.push(`Knowledge base vs ${r.tree}`);
  out.push(`Release ${r.release} (Makefile: ${r.makefileRelease}${r.exact ? ', exact release' : ', stable update or pre-release: may carry backports'})${r.knownRelease ? '' : ' — not a release the knowledge base knows'}`);
  out.push(`Surface: ${r.surface.files} files, ${r.surface.lines} lines${r.surface.parseFailures.length ? `; parse failures: ${r.surface.parseFailures.join(', ')}` : ''}`);
  if (r.surface.missingModuleFiles.length) out.push(`Declared modules without a file (cfg-gated or generated): ${r.surface.missingModuleFiles.join(', ')}`);
  out.push('');
  if (!r.disagreements.length) out.push('No disagreements.');
  const order = Object.keys(CATEGORY_TITLES);
  for (const cat of order) {
    const ds = r.disagreements.filter((d) => d.category === cat);
    if (!ds.length) continue;
    out.push(`== ${CATEGORY_TITLES[cat]} (${cat}): ${ds.length}`);
    for (const d of ds) out.push(...disagreementLines(d));
    out.push('');
  }
  const deciding = r.uncertain.filter((u) => !u.consistent || u.suggestion);
  const consistent = r.uncertain.filter((u) => u.consistent && !u.suggestion);
  if (deciding.length) {
    out.push(`== Uncertain facts this tree speaks to (informational, not disagreements): ${deciding.length}`);
    for (const u of deciding) {
      out.push(`  ${u.path}  [${u.fact}]  KB: ${u.kbClaims}; tree says: ${u.treeSays}${u.treeLocation ? ` (${u.treeLocation})` : ''}`);
      if (u.suggestion) out.push(`      suggestion: ${u.suggestion}${u.kbLocation ? `  (${u.kbLocation})` : ''}`);
    }
    out.push('');
  }
  if (consistent.length) {
    out.push(`== Uncertain facts the tree agrees with (nothing decided): ${consistent.length}`);
    out.push(`  ${consistent.map((u) => `${u.path} [${u.fact}]`).join(', ')}`);
    out.push('');
  }
  if (r.backportTolerated.length) {
    out.push(`== Present through a listed stable backport (not disagreements): ${r.backportTolerated.length}`);
    for (const b of r.backportTolerated) out.push(`  ${b.path}  (${b.treeLocation})`);
    out.push('');
  }
  out.push(summaryLine(r));
  return out.join('\n') + '\n';
}
