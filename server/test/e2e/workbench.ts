/** Drives the VS Code workbench that code-server serves, in Debian's Chromium through playwright-core. */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { chromium, type BrowserContext, type Locator, type Page } from 'playwright-core';
import { waitFor, xdgIn } from './helpers';

/** The browser flags that work headless on these machines (see TOOLING.md). */
const CHROMIUM_FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];

/** Debian's Chromium, or CHROMIUM_PATH. */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** One problem as the Problems panel lists it. */
export interface ProblemRow {
  severity: string;
  message: string;
  line: number;
  column: number;
  /** The row's visible text: message, source and code, position. */
  text: string;
}

/** A browser tab showing the workbench, with the gestures the tests need. */
export class Workbench {
  private constructor(
    private readonly context: BrowserContext,
    readonly page: Page,
  ) {}

  /** Starts Chromium with a fresh profile under `profileDir` and opens `url`; resolves once the workbench is up. */
  static async open(url: string, profileDir: string): Promise<Workbench> {
    const context = await chromium.launchPersistentContext(profileDir, {
      executablePath: CHROMIUM,
      headless: true,
      args: CHROMIUM_FLAGS,
      viewport: { width: 1280, height: 800 },
      deviceScaleFactor: 1,
      env: { ...process.env, ...xdgIn(`${profileDir}-xdg`) },
    });
    try {
      const page = context.pages()[0] ?? (await context.newPage());
      await page.goto(url, { timeout: 60000 });
      await page.locator('.monaco-workbench .part.statusbar').waitFor({ timeout: 60000 });
      await page.locator('.explorer-folders-view .monaco-list-row').first().waitFor({ timeout: 60000 });
      return new Workbench(context, page);
    } catch (error) {
      // An open browser keeps the test process alive: close it before reporting.
      await context.close().catch(() => undefined);
      throw error;
    }
  }

  async close(): Promise<void> {
    await this.context.close().catch(() => undefined);
  }

  /** Opens a workspace file through Quick Open and waits until its editor has focus. */
  async openFile(relPath: string): Promise<void> {
    const name = path.basename(relPath);
    await this.page.keyboard.press('Control+P');
    const input = this.page.locator('.quick-input-widget input');
    await input.waitFor();
    await input.fill(relPath);
    await this.page.locator('.quick-input-list .monaco-list-row', { hasText: name }).first().waitFor();
    await this.page.keyboard.press('Enter');
    await this.page.locator(`.tab.active[aria-label^="${name}"]`).waitFor();
    await this.page.locator('.editor-instance .monaco-editor.focused').waitFor();
  }

  /** Runs a command by its title from the Command Palette. */
  async runCommand(title: string): Promise<void> {
    await this.page.keyboard.press('F1');
    const input = this.page.locator('.quick-input-widget input');
    await input.waitFor();
    await input.fill(`>${title}`);
    await this.quickPickRow(title).waitFor();
    await this.page.keyboard.press('Enter');
  }

  /** A row of the open quick pick whose label is exactly `label`. */
  quickPickRow(label: string): Locator {
    return this.page.locator('.quick-input-list .monaco-list-row').filter({ has: this.page.locator('.label-name', { hasText: new RegExp(`^${escapeRegExp(label)}$`) }) });
  }

  /** Picks `label` in the quick pick that is open now (typing it filters the list first); `beforeEnter` may look. */
  async pick(label: string, beforeEnter?: () => Promise<void>): Promise<void> {
    const input = this.page.locator('.quick-input-widget input');
    await input.waitFor();
    await input.fill(label);
    await this.page.locator('.quick-input-list .monaco-list-row.focused').filter({ has: this.page.locator('.label-name', { hasText: new RegExp(`^${escapeRegExp(label)}$`) }) }).waitFor();
    await beforeEnter?.();
    await this.page.keyboard.press('Enter');
    await this.page.locator('.quick-input-widget').waitFor({ state: 'hidden' });
  }

  /** The status bar entry of the extension that shows the target kernel. */
  targetStatus(): Locator {
    return this.page.locator('.statusbar-item[id$="kernelRust.target"]');
  }

  /** Waits until the target status reads `text` exactly. */
  async waitForStatus(text: string): Promise<void> {
    await waitFor(`status bar to read "${text}"`, async () => ((await this.targetStatus().innerText({ timeout: 1000 })).trim() === text ? true : undefined), 60000);
  }

  /** Opens (or focuses) the Problems panel. */
  async showProblems(): Promise<void> {
    await this.runCommand('View: Focus Problems (Errors, Warnings, Infos)');
    await this.page.locator('.markers-panel').waitFor();
  }

  /** The problems listed now for the open files, in panel order (read in one go: the list re-renders as it likes). */
  async problems(): Promise<ProblemRow[]> {
    const raw: [string, string][] = await this.page
      .locator('.markers-panel .monaco-list-row')
      .evaluateAll((els) => els.map((e) => [e.getAttribute('aria-label') ?? '', (e as unknown as { innerText: string }).innerText] as [string, string]));
    const out: ProblemRow[] = [];
    for (const [label, text] of raw) {
      const m = /^(Error|Warning|Info|Hint): (.*) at line (\d+) and character (\d+)\./s.exec(label);
      if (!m) continue;
      out.push({ severity: m[1].toLowerCase(), message: m[2], line: Number(m[3]), column: Number(m[4]), text: text.replace(/\s+/g, ' ').trim() });
    }
    return out;
  }

  /** Waits until the Problems panel satisfies `check`, and returns its rows. */
  async waitForProblems(what: string, check: (rows: ProblemRow[]) => boolean, timeoutMs = 60000): Promise<ProblemRow[]> {
    let last: ProblemRow[] = [];
    try {
      return await waitFor(what, async () => {
        last = await this.problems();
        return check(last) ? last : undefined;
      }, timeoutMs, 250);
    } catch (error) {
      throw new Error(`${(error as Error).message}\nProblems panel:\n${last.map((r) => `  ${r.severity} ${r.line}:${r.column} ${r.text}`).join('\n') || '  (empty)'}`);
    }
  }

  /** Answers requests under `base` (an https URL prefix) with the files under `dir`, as a web server holding them
   *  would: the machine is offline, and the extension page links its images into the repository. */
  async serveFiles(base: string, dir: string): Promise<string[]> {
    const served: string[] = [];
    await this.context.route(`${base}**`, async (route) => {
      const rel = decodeURIComponent(route.request().url().slice(base.length).split(/[?#]/)[0]);
      const file = path.join(dir, rel);
      if (!rel.includes('..') && fs.existsSync(file)) {
        served.push(rel);
        await route.fulfill({ path: file });
      } else await route.fulfill({ status: 404, body: 'not found' });
    });
    return served;
  }

  /** Clicks the rule code link of the first Problems row whose text holds `code`. */
  async clickProblemCode(code: string): Promise<void> {
    const row = this.page.locator('.markers-panel .monaco-list-row', { hasText: code }).first();
    await row.locator('.code-link a, a.monaco-link', { hasText: code }).first().click();
  }

  /** The body of the webview on screen (a custom editor or an extension page), through its two frames. The workbench
   *  lays webviews over the editor from outside the editor's DOM, and keeps hidden ones, so the visible one is taken. */
  webviewBody(): Locator {
    return this.page.frameLocator('iframe.webview.ready:visible').frameLocator('#active-frame').locator('body');
  }

  /** Opens the Extensions view's page of the installed extension named `name` and waits for its README to show `text`. */
  async openExtensionPage(name: string, text: string): Promise<void> {
    await this.runCommand('Extensions: Show Installed Extensions');
    const item = this.page.locator('.extensions-viewlet .monaco-list-row', { hasText: name }).first();
    await item.waitFor({ timeout: 30000 });
    await item.click();
    await this.page.locator('.extension-editor').waitFor({ timeout: 30000 });
    await this.webviewBody().getByText(text).first().waitFor({ timeout: 30000 });
  }

  /** Moves the cursor to a 1-based line and column with Go to Line and waits for the status bar to agree. */
  async goTo(line: number, column: number): Promise<void> {
    await this.focusEditor();
    await this.page.keyboard.press('Control+G');
    const input = this.page.locator('.quick-input-widget input');
    await input.waitFor();
    await input.fill(`:${line}:${column}`);
    await this.page.keyboard.press('Enter');
    await this.page.locator('.quick-input-widget').waitFor({ state: 'hidden' });
    await this.page.locator('.statusbar-item[id="status.editor.selection"]', { hasText: `Ln ${line}, Col ${column}` }).waitFor();
  }

  /** Gives the active editor keyboard focus. */
  async focusEditor(): Promise<void> {
    const editor = this.page.locator('.editor-instance .monaco-editor').first();
    if ((await this.page.locator('.editor-instance .monaco-editor.focused').count()) === 0) {
      await this.page.keyboard.press('Escape');
      await this.runCommand('View: Focus Active Editor Group');
    }
    await editor.waitFor();
  }

  /** Shows the hover at the cursor (Show or Focus Hover) and returns its visible text once it contains `expect`. */
  async hoverAtCursor(expect: string): Promise<string> {
    await this.page.keyboard.press('Control+K');
    await this.page.keyboard.press('Control+I');
    const hover = this.page.locator('.monaco-editor .monaco-hover:not(.hidden) .monaco-hover-content').filter({ hasText: expect });
    await hover.first().waitFor({ timeout: 30000 });
    return (await hover.first().innerText()).trim();
  }

  /** Closes any hover, suggestion list or peek. */
  async dismiss(): Promise<void> {
    await this.page.keyboard.press('Escape');
  }

  /** Opens the quick-fix menu at the cursor and applies the action titled `title`. */
  async applyQuickFix(title: string): Promise<void> {
    const item = this.page.locator('.action-widget .monaco-list-row.action', { hasText: title }).first();
    // The menu lists what the server answered for the cursor; ask again until that answer holds the fix.
    await waitFor(`the quick fix "${title}"`, async () => {
      await this.page.keyboard.press('Control+.');
      try {
        await item.waitFor({ timeout: 3000 });
        return true;
      } catch {
        await this.page.keyboard.press('Escape');
        return undefined;
      }
    }, 30000, 0);
    await item.click();
    await this.page.locator('.action-widget .monaco-list-row.action').first().waitFor({ state: 'hidden' });
  }

  /** Opens the suggestion list (Trigger Suggest) and waits for the row labelled `label` whose text holds `detail`. */
  async suggest(label: string, detail: string): Promise<string> {
    await this.page.keyboard.press('Control+Space');
    const row = this.page.locator('.suggest-widget .monaco-list-row', { hasText: label }).filter({ hasText: detail }).first();
    await row.waitFor({ timeout: 30000 });
    await this.page.locator('.suggest-widget .monaco-list-row.focused', { hasText: label }).waitFor();
    return (await row.innerText()).replace(/\s+/g, ' ').trim();
  }

  /** Shows the focused suggestion's documentation beside the list, once it holds `text`. */
  async toggleSuggestDetails(text: string): Promise<void> {
    const details = this.page.locator('.suggest-details-container .suggest-details', { hasText: text });
    if (await details.isVisible()) return;
    await this.page.keyboard.press('Control+Space');
    await details.waitFor();
  }

  /** Saves the active editor and waits until its tab is no longer dirty. */
  async save(): Promise<void> {
    await this.page.keyboard.press('Control+S');
    await this.page.locator('.tab.active.dirty').waitFor({ state: 'detached' });
  }

  /** Saves a PNG of the whole window, or of `clip`. */
  async screenshot(file: string, clip?: { x: number; y: number; width: number; height: number }): Promise<void> {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    await this.page.screenshot({ path: file, clip, animations: 'disabled' });
  }
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
