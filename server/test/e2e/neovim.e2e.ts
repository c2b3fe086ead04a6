/**
 * Neovim end to end: Debian's headless Neovim (0.7.2) starts the server bundle over stdio with its built-in LSP
 * client, sets the target through `init_options`, and checks diagnostics, hover, completion and the target request.
 * neovim.lua does the editor side from a JSON plan written here; this file judges what it recorded.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { before, describe, test } from 'node:test';
import { pathToFileURL } from 'node:url';
import { expandSnippet, loadSnippets, rangeLabel } from '../../src/features/snippets';
import { knowledgeBase } from '../../src/kb';
import { inRange } from '../../src/kb/version';
import { RULES } from '../../src/lints/rules';
import { copyFixture, keepArtifact, positionOf, ROOT, runDir, xdgIn } from './helpers';

const TARGET = '6.15';
const SNIPPET = 'hrtimer_arc';

interface Recorded {
  name: string;
  ready?: boolean;
  diagnostics?: { line: number; character: number; severity: number; message: string; source?: string; code?: string }[];
  result?: unknown;
  error?: unknown;
}

interface Outcome {
  steps: Recorded[];
  progress?: { token: string; kind: string; title?: string }[];
  initialized?: boolean;
  error?: string;
  log?: string;
  exit?: unknown;
}

const dir = runDir('kr-neovim-');
let outcome: Outcome;
let driverText = '';
let failureKept = false;

/** The step `name` recorded by neovim.lua; on a failed check the plan, the outcome and Neovim's LSP log are kept. */
function step(name: string): Recorded {
  const s = outcome.steps.find((x) => x.name === name);
  assert.ok(s, `neovim.lua recorded step ${name}; outcome: ${JSON.stringify(outcome).slice(0, 2000)}`);
  return s;
}

function keepOnFailure<T>(check: () => T): T {
  try {
    return check();
  } catch (error) {
    if (!failureKept) {
      failureKept = true;
      const kept = [keepArtifact(path.join(dir, 'plan.json'), 'neovim-plan.json'), keepArtifact(path.join(dir, 'outcome.json'), 'neovim-outcome.json')];
      if (outcome?.log) kept.push(keepArtifact(outcome.log, 'neovim-lsp.log'));
      kept.push(keepArtifact(path.join(dir, 'nvim.out'), 'neovim-stdout.txt'));
      (error as Error).message += `\nartifacts:\n${kept.filter(Boolean).map((k) => `  ${path.relative(ROOT, k as string)}`).join('\n')}`;
    }
    throw error;
  }
}

function hoverText(result: unknown): string {
  const contents = (result as { contents?: { value?: string } } | undefined)?.contents;
  return contents?.value ?? '';
}

/** The first sentence of an item's knowledge-base docs, as markdown (the hover's raw text). */
function documented(itemPath: string): string {
  const item = knowledgeBase().lookup(itemPath)[0];
  assert.ok(item, `knowledge base has ${itemPath}`);
  return item.docs.split(/(?<=\.)\s/)[0];
}

describe('Neovim 0.7 (headless, built-in LSP client)', { timeout: 3 * 60 * 1000 }, () => {
  before(() => {
    const workspace = copyFixture(dir);
    const driver = path.join(workspace, 'drivers', 'misc', 'beat.rs');
    driverText = fs.readFileSync(driver, 'utf8');
    const pos = (needle: string, delta: number) => positionOf(driverText, needle, delta);
    const plan = {
      cmd: [process.execPath, path.join(ROOT, 'dist', 'server.js'), '--stdio'],
      root: workspace,
      init_options: { targetVersion: TARGET },
      timeout: 20000,
      log_level: 'debug',
      output: path.join(dir, 'outcome.json'),
      steps: [
        { kind: 'open', file: driver },
        { kind: 'progress', name: 'indexing progress' },
        { kind: 'diagnostics', name: 'diagnostics', min: 1 },
        { kind: 'request', name: 'targetInfo', method: 'kernelRust/targetInfo', params: { uri: pathToFileURL(driver).href } },
        { kind: 'request', name: 'hover pin_init!', method: 'textDocument/hover', position: pos('pin_init!(Self', 2) },
        { kind: 'request', name: 'hover HrTimerPointer', method: 'textDocument/hover', position: pos('HrTimerPointer for BeatRef', 3) },
        { kind: 'request', name: 'hover VmaNew', method: 'textDocument/hover', position: pos('vma: &VmaNew', 'vma: &'.length + 2) },
        { kind: 'open', file: path.join(workspace, 'drivers', 'misc', 'scratch.rs') },
        { kind: 'append', text: SNIPPET },
        { kind: 'request', name: 'completion', method: 'textDocument/completion', position: 'end', params: { context: { triggerKind: 1 } } },
      ],
    };
    fs.writeFileSync(path.join(dir, 'plan.json'), JSON.stringify(plan, null, 2));
    // Neovim writes its LSP log under XDG_CACHE_HOME (XDG_STATE_HOME from 0.8): keep both inside the run folder.
    const xdg = xdgIn(path.join(dir, 'xdg'));
    const r = spawnSync('nvim', ['--headless', '-u', 'NONE', '-i', 'NONE', '-n', '-c', `luafile ${path.join(__dirname, 'neovim.lua')}`], {
      env: { ...process.env, ...xdg, KR_NVIM_PLAN: path.join(dir, 'plan.json') },
      encoding: 'utf8',
      timeout: 120000,
      killSignal: 'SIGKILL',
    });
    fs.writeFileSync(path.join(dir, 'nvim.out'), `status ${r.status} signal ${r.signal}\n${r.stdout}\n${r.stderr}`);
    outcome = fs.existsSync(plan.output) ? (JSON.parse(fs.readFileSync(plan.output, 'utf8')) as Outcome) : { steps: [], error: `neovim wrote no outcome (status ${r.status}, signal ${r.signal}): ${r.stderr}` };
  });

  test('the client initialises the server and the plan runs without a Lua error', () =>
    keepOnFailure(() => {
      assert.equal(outcome.error, undefined);
      assert.equal(outcome.initialized, true);
    }));

  test('indexing the workspace\'s kernel tree shows as work-done progress ($/progress begin, then end)', () =>
    keepOnFailure(() => {
      assert.equal(step('indexing progress').ready, true, 'an end arrived');
      const all = outcome.progress ?? [];
      const begin = all.find((p) => p.kind === 'begin');
      assert.ok(begin, JSON.stringify(all));
      assert.match(begin.title ?? '', /indexing/);
      assert.deepEqual(all.filter((p) => p.token === begin.token).map((p) => p.kind), ['begin', 'end']);
    }));

  test('the target comes from init_options', () =>
    keepOnFailure(() => {
      const info = step('targetInfo').result as { release?: string; source?: string } | undefined;
      assert.deepEqual({ release: info?.release, source: info?.source }, { release: TARGET, source: 'setting' });
    }));

  test('diagnostics for Linux 6.15 arrive with source and rule code', () =>
    keepOnFailure(() => {
      const d = step('diagnostics');
      assert.equal(d.ready, true, 'diagnostics arrived');
      const got = (d.diagnostics ?? []).map((x) => `${x.line}:${x.character} ${x.code} ${x.source}`);
      const line = (needle: string, delta = 0) => {
        const p = positionOf(driverText, needle, delta);
        return `${p.line}:${p.character}`;
      };
      const expected = [
        `${line('kernel::init::PinInit', 'kernel::init::'.length)} api-removed kernel-rust`,
        `${line('kernel::mm::virt', 'kernel::'.length)} api-unavailable kernel-rust`,
        `${line('kernel::time::{ClockId, Instant}', 'kernel::time::{ClockId, '.length)} api-unavailable kernel-rust`,
        ...(RULES.some((r) => r.id === 'unpinned-field') ? [`${line('count: Mutex<u32>')} unpinned-field kernel-rust`] : []),
      ];
      assert.deepEqual(got, expected);
      const instant = (d.diagnostics ?? []).find((x) => x.message.includes('Instant'));
      assert.equal(instant?.message, '`kernel::time::Instant` is not in Linux 6.15 (added in 6.16).');
    }));

  const hovers = [
    { step: 'hover pin_init!', path: 'kernel::prelude::pin_init!' },
    { step: 'hover HrTimerPointer', path: 'kernel::time::hrtimer::HrTimerPointer' },
    { step: 'hover VmaNew', path: 'kernel::mm::virt::VmaNew', note: '**Not available in Linux 6.15** (added in 6.16)' },
  ];
  for (const h of hovers) {
    test(`${h.step} shows the documented text for Linux 6.15`, () =>
      keepOnFailure(() => {
        const text = hoverText(step(h.step).result);
        assert.ok(text.includes(`\`${h.path}\``), `hover names ${h.path}:\n${text}`);
        assert.ok(text.includes(documented(h.path)), `hover holds the documentation:\n${text}`);
        assert.ok(text.includes('Linux 6.15'), `hover is for 6.15:\n${text}`);
        if (h.note) assert.ok(text.includes(h.note), `hover says it is not available yet:\n${text}`);
      }));
  }

  test(`completion offers the 6.15 era of the ${SNIPPET} snippet only`, () =>
    keepOnFailure(() => {
      const result = step('completion').result as { items?: unknown[] } | unknown[] | undefined;
      const items = (Array.isArray(result) ? result : (result?.items ?? [])) as { label: string; labelDetails?: { description?: string }; textEdit?: { newText: string } }[];
      const eras = loadSnippets(path.join(ROOT, 'snippets')).snippets.filter((s) => s.prefix === SNIPPET);
      const mine = eras.find((s) => inRange(TARGET, s.since, s.until));
      assert.ok(mine, `snippets/ has ${SNIPPET} for ${TARGET}`);
      const offered = items.filter((i) => i.label === SNIPPET);
      assert.equal(offered.length, 1, `one ${SNIPPET} item: ${JSON.stringify(items.map((i) => i.label))}`);
      assert.equal(offered[0].labelDetails?.description, rangeLabel(mine.since, mine.until));
      assert.equal(expandSnippet(offered[0].textEdit?.newText ?? ''), expandSnippet(mine.body));
    }));
});
