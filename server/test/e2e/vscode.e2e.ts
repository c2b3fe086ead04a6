/**
 * VS Code end to end: the packaged .vsix installed into code-server, the fixture kernel tree opened in Debian's
 * Chromium, and the extension judged the way a kernel developer meets it: status bar, Problems panel, quick fixes,
 * target switching, hover and snippets. Run through `npm run test:e2e` (scripts/e2e.mjs), which builds first.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { expandSnippet, loadSnippets, rangeLabel } from '../../src/features/snippets';
import { knowledgeBase } from '../../src/kb';
import { inRange } from '../../src/kb/version';
import { RULES } from '../../src/lints/rules';
import { startCodeServer, type CodeServer } from './code-server';
import { copyFixture, findFiles, keepArtifact, OUTPUT, positionOf, ROOT, runDir, UPDATE_DOCS } from './helpers';
import { Workbench, type ProblemRow } from './workbench';

const DRIVER = 'drivers/misc/beat.rs';
const SCRATCH = 'drivers/misc/scratch.rs';
const SHOTS = path.join(OUTPUT, 'screenshots');
const hasUnpinnedRule = RULES.some((r) => r.id === 'unpinned-field');

const dir = runDir('kr-vscode-');
let workspace = '';
let driverText = '';
let server: CodeServer | undefined;
let bench: Workbench | undefined;

/** 1-based line and column of `needle` (+delta) in the driver, as VS Code's Go to Line wants them. */
function at(needle: string, delta = 0, nth = 1): { line: number; column: number } {
  const p = positionOf(driverText, needle, delta, nth);
  return { line: p.line + 1, column: p.character + 1 };
}

/** Packages the extension exactly as `npm run package` does: the user page first, then vsce with the script's arguments. */
function packageVsix(): string {
  const out = path.join(dir, 'kernel-rust.vsix');
  const readme = spawnSync(process.execPath, [path.join(ROOT, 'scripts', 'extension-readme.mjs')], { cwd: ROOT, encoding: 'utf8' });
  if (readme.status !== 0) throw new Error(`extension-readme failed:\n${readme.stderr}`);
  const script = (JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts.package;
  const args = /vsce (package .*?) --out \S+/.exec(script)?.[1].split(/\s+/);
  if (!args) throw new Error(`npm run package does not run vsce package: ${script}`);
  const vsce = path.join(ROOT, 'node_modules', '@vscode', 'vsce', 'vsce');
  const r = spawnSync(process.execPath, [vsce, ...args, '--out', out], { cwd: ROOT, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`vsce package failed:\n${r.stdout}${r.stderr}`);
  return out;
}

/** Saves a screenshot under .test-output/e2e/screenshots and, with KERNEL_RUST_E2E_UPDATE_DOCS=1, as docs/<name>. */
async function shot(name: string, clip?: { x: number; y: number; width: number; height: number }): Promise<void> {
  const file = path.join(SHOTS, name);
  await bench?.screenshot(file, clip);
  if (UPDATE_DOCS) fs.copyFileSync(file, path.join(ROOT, 'docs', name));
}

/** Runs one check; on failure keeps a screenshot, code-server's log and the extension's "Kernel Rust" output. */
async function step(name: string, body: () => Promise<void>): Promise<void> {
  try {
    await body();
  } catch (error) {
    const slug = name.replace(/[^a-z0-9]+/gi, '-').toLowerCase();
    const kept: string[] = [];
    try {
      const file = path.join(OUTPUT, `vscode-${slug}-failure.png`);
      if (bench) {
        await bench.screenshot(file);
        kept.push(file);
      }
    } catch {
      /* the browser may be gone */
    }
    if (server) {
      const log = keepArtifact(server.logFile, `vscode-${slug}-code-server.log`);
      if (log) kept.push(log);
      for (const f of findFiles(path.join(server.userDataDir, 'logs'), (n) => n === 'Kernel Rust.log' || n === 'remoteexthost.log')) {
        const copy = keepArtifact(f, `vscode-${slug}-${path.basename(f).replace(/\s+/g, '-')}`);
        if (copy) kept.push(copy);
      }
    }
    (error as Error).message += `\nartifacts:\n${kept.map((k) => `  ${path.relative(ROOT, k)}`).join('\n')}`;
    throw error;
  }
}

/** Rows as "line code message-fragment" keys for readable deep-equality failures. */
function summary(rows: ProblemRow[]): string[] {
  return rows.map((r) => `${r.line} ${/kernel-rust\s*\(?([a-z]+(?:-[a-z]+)+)\)?/.exec(r.text)?.[1] ?? '?'}`).sort();
}

/** The first sentence of an item's knowledge-base docs, as the hover renders it (no markdown). */
function documented(path: string): string {
  const item = knowledgeBase().lookup(path)[0];
  assert.ok(item, `knowledge base has ${path}`);
  const first = item.docs.split(/(?<=\.)\s/)[0];
  return first.replace(/[`*]/g, '').slice(0, 80);
}

/** Waits until an <img> has loaded with a real size (a broken or blocked image has naturalWidth 0). */
async function waitForLoaded(img: import('playwright-core').Locator, what: string): Promise<void> {
  await img.waitFor({ timeout: 30000 });
  for (let i = 0; i < 100; i++) {
    if (await img.evaluate((e) => (e as unknown as { complete: boolean; naturalWidth: number }).complete && (e as unknown as { naturalWidth: number }).naturalWidth > 0)) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${what} did not load`);
}

describe('VS Code (code-server + Chromium)', { timeout: 15 * 60 * 1000 }, () => {
  before(() =>
    step('start', async () => {
      workspace = copyFixture(dir);
      driverText = fs.readFileSync(path.join(workspace, DRIVER), 'utf8');
      const vsix = packageVsix();
      server = await startCodeServer(dir, vsix, workspace);
      bench = await Workbench.open(server.url, path.join(dir, 'chromium-profile'));
    }));

  after(async () => {
    await bench?.close();
    await server?.stop();
  });

  test('the status bar shows the release read from the Makefile', () =>
    step('status bar', async () => {
      const b = bench as Workbench;
      await b.openFile(DRIVER);
      await b.waitForStatus('Kernel 6.15 · Makefile');
      const tip = await b.targetStatus().getAttribute('aria-label');
      assert.match(tip ?? '', /Linux 6\.15/);
    }));

  /** What the Problems panel should hold for the driver at 6.15, as summary() keys, before any fix. */
  const findings615 = (): Record<string, string> => ({
    removed: `${at('kernel::init::PinInit').line} api-removed`,
    mm: `${at('kernel::mm::virt').line} api-unavailable`,
    instant: `${at('kernel::time::{ClockId, Instant}').line} api-unavailable`,
    ...(hasUnpinnedRule ? { unpinned: `${at('count: Mutex<u32>').line} unpinned-field` } : {}),
  });
  const panelHolds = (keys: string[]) => (rows: ProblemRow[]) => JSON.stringify(summary(rows)) === JSON.stringify([...keys].sort());

  test('the Problems panel lists the version lints for Linux 6.15', () =>
    step('problems', async () => {
      const b = bench as Workbench;
      await b.showProblems();
      const expected = Object.values(findings615());
      const rows = await b.waitForProblems(`the Problems panel to list ${expected.join(', ')}`, panelHolds(expected));
      const removed = rows.find((r) => r.text.includes('api-removed'));
      assert.match(removed?.message ?? '', /`kernel::init::PinInit` is not in Linux 6\.15 \(removed in 6\.15\); use `pin_init::PinInit`\./);
      if (hasUnpinnedRule) assert.match(rows.find((r) => r.text.includes('unpinned-field'))?.message ?? '', /`count`.*`Misses`.*`#\[pin\]`/);
      assert.ok(rows.every((r) => r.text.includes('kernel-rust')), 'every row names the kernel-rust source');
      await shot('vscode-problems.png');
    }));

  test('clicking a rule code in the Problems panel opens that rule\'s documentation, rendered, at its section', () =>
    step('rule docs', async () => {
      const b = bench as Workbench;
      await b.clickProblemCode('api-removed');
      try {
        const body = b.webviewBody();
        await body.locator('h1', { hasText: 'api-removed' }).waitFor({ timeout: 30000 });
        assert.ok(await body.locator('h2', { hasText: 'What it does' }).count(), 'the rule\'s sections are rendered as headings');
        assert.equal(await body.locator('h1').count(), 1, 'one rule, not the whole file');
        assert.doesNotMatch(await body.innerText(), /^#+ /m, 'rendered, not raw Markdown');
        assert.match((await b.page.locator('.tabs-container .tab.active').innerText()).trim(), /api-removed/);
        await shot('vscode-rule-docs.png');
      } finally {
        await b.runCommand('View: Close Editor');
        await b.openFile(DRIVER);
      }
    }));

  test('applying a quick fix removes its finding', () =>
    step('quick fix', async () => {
      const b = bench as Workbench;
      const all = findings615();
      const unpinned = all.unpinned;
      const rest = { mm: all.mm, instant: all.instant };
      const pin = at('kernel::init::PinInit', 'kernel::init::'.length);
      await b.goTo(pin.line, pin.column);
      await b.applyQuickFix('Replace with pin_init::PinInit');
      await b.waitForProblems('the api-removed finding to go, the others to stay', panelHolds(Object.values({ ...rest, ...(unpinned ? { unpinned } : {}) })));
      if (unpinned) {
        const field = at('count: Mutex<u32>');
        await b.goTo(field.line, field.column);
        await b.applyQuickFix('Add #[pin] to count');
        await b.waitForProblems('the unpinned-field finding to go, the others to stay', panelHolds(Object.values(rest)));
      }
      await b.save();
      const saved = fs.readFileSync(path.join(workspace, DRIVER), 'utf8');
      assert.match(saved, /^use pin_init::PinInit;$/m);
      if (unpinned) assert.match(saved, /#\[pin\]\n\s+count: Mutex<u32>,/);
      driverText = saved;
    }));

  test('switching the target with the command changes the diagnostics', () =>
    step('switch target', async () => {
      const b = bench as Workbench;
      await b.focusEditor();
      await b.runCommand('Kernel Rust: Select Target Kernel Version');
      await b.pick('6.16', () => shot('vscode-select-target.png'));
      await b.waitForStatus('Kernel 6.16 · setting');
      // At 6.16 the timestamps and the mmap hook exist: the two api-unavailable errors go, nothing takes their place.
      await b.waitForProblems('the Problems panel to empty at 6.16', (r) => r.length === 0);
      const settings = JSON.parse(fs.readFileSync(path.join(workspace, '.vscode', 'settings.json'), 'utf8')) as Record<string, unknown>;
      assert.equal(settings['kernelRust.targetVersion'], '6.16');
      await shot('vscode-status-bar.png', { x: 640, y: 760, width: 640, height: 40 });
    }));

  const hovers: { name: string; needle: string; delta: number; path: string; picture?: string }[] = [
    { name: '`pin_init!`', needle: 'pin_init!(Self', delta: 2, path: 'kernel::prelude::pin_init!', picture: 'vscode-hover.png' },
    { name: 'an `HrTimerPointer` implementation', needle: 'HrTimerPointer for BeatRef', delta: 3, path: 'kernel::time::hrtimer::HrTimerPointer' },
    { name: 'a VMA type', needle: 'vma: &VmaNew', delta: 'vma: &'.length + 2, path: 'kernel::mm::virt::VmaNew' },
  ];
  for (const h of hovers) {
    test(`hover over ${h.name} shows its documentation for Linux 6.16`, () =>
      step(`hover ${h.path}`, async () => {
        const b = bench as Workbench;
        const p = at(h.needle, h.delta);
        await b.goTo(p.line, p.column);
        const text = await b.hoverAtCursor(documented(h.path));
        assert.ok(text.includes(h.path), `hover names ${h.path}:\n${text}`);
        assert.ok(text.includes('Linux 6.16'), `hover is for the 6.16 target:\n${text}`);
        if (h.picture) await shot(h.picture);
        await b.dismiss();
      }));
  }

  test('the extension page shows the icon, the user README and its screenshots', () =>
    step('extension page', async () => {
      const b = bench as Workbench;
      // The page links its screenshots into the repository (package.json `repository`); serve them from this checkout.
      const repo = /github\.com\/([^/]+\/[^/.]+)/.exec((JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { repository: { url: string } }).repository.url)?.[1];
      const served = await b.serveFiles(`https://github.com/${repo}/raw/HEAD/`, ROOT);
      await b.openExtensionPage('Kernel Rust', 'Getting started');
      try {
      const icon = b.page.locator('.extension-editor .header .icon-container img.icon');
      await waitForLoaded(icon, 'the icon');
      const body = b.webviewBody();
      assert.ok(await body.locator('h2', { hasText: 'Settings' }).count(), 'the user page, with its Settings section');
      assert.equal(await body.getByText('npm ci').count(), 0, 'not the contributor README');
      const images = body.locator('img');
      assert.ok((await images.count()) >= 3, 'screenshots on the page');
      for (let i = 0; i < (await images.count()); i++) await waitForLoaded(images.nth(i), `screenshot ${i}`);
      assert.ok(served.length >= 3, `the screenshots came from the repository's files: ${served.join(', ')}`);
      await shot('vscode-extension-page.png');
      } finally {
        await b.runCommand('View: Close Editor');
      }
    }));

  test('a snippet prefix offers the body of the target\'s era, and accepting it inserts that body', () =>
    step('snippet', async () => {
      const b = bench as Workbench;
      const prefix = 'hrtimer_arc';
      const eras = loadSnippets(path.join(ROOT, 'snippets')).snippets.filter((x) => x.prefix === prefix);
      const mine = eras.find((x) => inRange('6.16', x.since, x.until));
      assert.ok(mine && eras.length > 1, `snippets/ has ${prefix} in several eras, one of them for 6.16`);
      const body = expandSnippet(mine.body);
      const others = eras.filter((x) => x !== mine).map((x) => expandSnippet(x.body));
      assert.ok(others.every((o) => o !== body), 'the eras differ');

      await b.openFile(SCRATCH);
      await b.waitForStatus('Kernel 6.16 · setting');
      await b.page.keyboard.press('Control+End');
      await b.page.keyboard.type(prefix);
      const row = await b.suggest(prefix, rangeLabel(mine.since, mine.until));
      assert.equal(await b.page.locator('.suggest-widget .monaco-list-row', { hasText: prefix }).count(), 1, `only the 6.16 era is offered: ${row}`);
      await b.toggleSuggestDetails(mine.description.split(/(?<=\.)\s/)[0].replace(/[`*]/g, '').slice(0, 40));
      await shot('vscode-snippet.png');
      await b.page.keyboard.press('Enter');
      await b.page.locator('.suggest-widget').waitFor({ state: 'hidden' });
      await b.dismiss();
      await b.save();
      const saved = fs.readFileSync(path.join(workspace, SCRATCH), 'utf8');
      assert.ok(saved.includes(body), `scratch.rs holds the 6.16 body:\n${saved}`);
      for (const p of mine.imports) assert.ok(saved.includes(`${p.split('::').pop()}`), `the import of ${p} was added`);
    }));
});
