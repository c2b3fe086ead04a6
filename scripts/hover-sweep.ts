// Hovers every identifier of a kernel tree at its own release and lists hovers that claim the item is missing there.
// Usage: tsx scripts/hover-sweep.ts TREE [RELEASE]   (release defaults to the tree's Makefile)
import * as fs from 'node:fs';
import * as path from 'node:path';
import { collectRustFiles } from '../server/src/core/files';
import { symbolAt } from '../server/src/analysis/symbol-at';
import { KernelTreeLocator, resolveTarget } from '../server/src/core/target';
import { statusAt } from '../server/src/kb';
import { createRustParser } from '../server/src/parsing/language';
import { walk } from '../server/src/parsing/walk';

async function main(): Promise<void> {
  const [tree, release] = process.argv.slice(2);
  if (!tree) throw new Error('usage: hover-sweep TREE [RELEASE]');
  const parser = await createRustParser();
  const locator = new KernelTreeLocator();
  const { files } = collectRustFiles([tree]);
  let hovers = 0;
  let identifiers = 0;
  const bad = new Map<string, number>();
  const started = performance.now();
  for (const file of files) {
    const text = fs.readFileSync(file, 'utf8');
    const t = parser.parse(text);
    if (!t) continue;
    const target = release ?? resolveTarget(undefined, file, locator).release;
    walk(t.rootNode, (n) => {
      if (n.type !== 'identifier' && n.type !== 'type_identifier' && n.type !== 'field_identifier') return true;
      identifiers++;
      const hit = symbolAt(t, n.startIndex, target, file);
      if (!hit) return true;
      hovers++;
      const s = statusAt(hit.item, target).state;
      if (s !== 'available') {
        const key = `${s} ${hit.item.path} (${path.relative(tree, file)}:${n.startPosition.row + 1})`;
        bad.set(key, (bad.get(key) ?? 0) + 1);
      }
      return true;
    });
    t.delete();
  }
  console.log(`${files.length} files, ${identifiers} identifiers, ${hovers} kernel hovers, ${Math.round(performance.now() - started)} ms`);
  console.log(`hovers claiming the item is missing at the tree's own release: ${bad.size}`);
  for (const [k, n] of [...bad.entries()].slice(0, 60)) console.log(`  ${n}x ${k}`);
}

void main();
