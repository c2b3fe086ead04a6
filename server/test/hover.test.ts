import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { hoverAt } from '../src/analysis/hover';
import { ROOT, sharedParser } from './helpers';

const DIR = path.join(ROOT, 'test-fixtures', 'hover');
const MARKER = /^(\s*)\/\/(\s*)\^ hover(?:@([\d.,\s]+))?: (.*)$/;

interface Marker {
  line: number;
  character: number;
  targets?: string[];
  expect: string;
  source: number;
}

function readMarkers(text: string): { targets: string[]; markers: Marker[] } {
  const lines = text.split('\n');
  const targets = (/^\/\/@ kernel: (.+)$/m.exec(text)?.[1] ?? '').split(',').map((s) => s.trim()).filter(Boolean);
  const markers: Marker[] = [];
  let code = -1;
  lines.forEach((l, i) => {
    const m = MARKER.exec(l);
    if (!m) {
      if (!l.startsWith('//@')) code = i;
      return;
    }
    markers.push({
      line: code,
      character: m[1].length + 2 + m[2].length,
      targets: m[3]?.split(',').map((s) => s.trim()),
      expect: m[4].trim(),
      source: i + 1,
    });
  });
  return { targets, markers };
}

for (const file of fs.readdirSync(DIR).filter((f) => f.endsWith('.rs')).sort()) {
  const text = fs.readFileSync(path.join(DIR, file), 'utf8');
  const { targets, markers } = readMarkers(text);
  const lineStarts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === '\n') lineStarts.push(i + 1);
  for (const target of targets) {
    test(`hover ${file} @ ${target}`, async () => {
      const parser = await sharedParser();
      const tree = parser.parse(text);
      assert.ok(tree);
      const problems: string[] = [];
      for (const m of markers) {
        if (m.targets && !m.targets.includes(target)) continue;
        const result = hoverAt(tree, lineStarts[m.line] + m.character, target);
        if (m.expect === 'none') {
          if (result) problems.push(`line ${m.source}: expected no hover, got ${result.path}`);
        } else if (!result) {
          problems.push(`line ${m.source}: expected hover containing ${m.expect}, got none`);
        } else if (!result.markdown.includes(m.expect)) {
          problems.push(`line ${m.source}: hover for ${result.path} lacks ${m.expect}`);
        }
      }
      tree.delete();
      assert.deepEqual(problems, []);
    });
  }
}
