// One analysis core: the CLI and the language server must give identical findings for the same file and target.
// Checked over the generated benchmark corpus at three targets, and run twice so that nothing depends on order.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { pathToFileURL } from 'node:url';
import { generateCorpus } from '../../scripts/bench-corpus';
import { ROOT, tempDir, type CliJsonFinding } from './helpers';
import { TestClient } from './lsp-client';

const CLI = path.join(ROOT, 'dist', 'cli.js');


function cliFindings(dir: string, target: string): Map<string, string[]> {
  const r = spawnSync(process.execPath, [CLI, '--format', 'json', '--target-version', target, dir], { encoding: 'utf8', maxBuffer: 128 * 1024 * 1024, timeout: 120_000 });
  assert.ok(r.status === 0 || r.status === 1, r.stderr);
  const out = new Map<string, string[]>();
  for (const f of (JSON.parse(r.stdout) as { findings: CliJsonFinding[] }).findings) {
    const key = path.resolve(ROOT, f.path);
    const list = out.get(key) ?? [];
    list.push(`${f.line}:${f.column}-${f.endLine}:${f.endColumn} ${f.rule} ${f.message}`);
    out.set(key, list);
  }
  for (const list of out.values()) list.sort();
  return out;
}

test('the CLI and the server give identical findings over the benchmark corpus at 6.14, 6.16 and 7.3', { timeout: 600_000 }, async () => {
  const corpus = generateCorpus(path.join(tempDir(), 'corpus'), 20_000);
  assert.ok(corpus.files.length > 10);
  for (const target of ['6.14', '6.16', '7.3']) {
    const fromCli = cliFindings(corpus.dir, target);
    assert.deepEqual(cliFindings(corpus.dir, target), fromCli, `two CLI runs differ at ${target}`);
    const client = new TestClient();
    try {
      await client.initialize({ targetVersion: target, debounceMs: 0 });
      let total = 0;
      for (const file of corpus.files) {
        const uri = pathToFileURL(file).href;
        await client.open(uri, fs.readFileSync(file, 'utf8'));
        const p = await client.diagnostics(uri, () => true, 60_000);
        const fromServer = p.diagnostics
          .map((d) => `${d.range.start.line + 1}:${d.range.start.character + 1}-${d.range.end.line + 1}:${d.range.end.character + 1} ${d.code} ${d.message}`)
          .sort();
        total += fromServer.length;
        assert.deepEqual(fromServer, fromCli.get(path.resolve(file)) ?? [], `${path.basename(file)} at ${target}: server and CLI differ`);
        await client.close(uri);
      }
      const cliTotal = [...fromCli.values()].reduce((n, l) => n + l.length, 0);
      assert.equal(total, cliTotal);
      assert.ok(total > 0, `the corpus has findings at ${target} to compare`);
    } finally {
      assert.equal(await client.stop(), 0);
    }
  }
});
