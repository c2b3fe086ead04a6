/** Every command of the extension, in one table. */
import * as vscode from 'vscode';
import { configuredTarget, DEVELOPMENT_RELEASES, OFFERED_RELEASES, writeTarget } from './settings';
import { newerThan } from './target-choices';
import { MIGRATION_REPORT_REQUEST, type MigrationReportParams, type MigrationReportResult } from '../../server/src/core/protocol';

/** What commands need from the extension. */
export interface CommandHost {
  restart(): Promise<void>;
  showLog(): void;
  showRuleDocs(rule?: string): Promise<void>;
  /** Sends a request to the running language server; undefined when it is not running. */
  request<T>(method: string, params: unknown): Promise<T | undefined>;
}

/** Asks for the release the code is written for and the one to move to, then opens the workspace's migration report. */
async function showChangesToTarget(host: CommandHost): Promise<void> {
  const current = configuredTarget();
  const pick = (title: string, placeHolder: string) =>
    vscode.window.showQuickPick(OFFERED_RELEASES.map((r) => ({ label: r, description: DEVELOPMENT_RELEASES.includes(r) ? 'in development' : undefined })), { title, placeHolder });
  const from = await pick('Kernel Rust: changes from which release?', 'the release the code is written for');
  if (!from) return;
  const to = await pick(`Kernel Rust: changes from ${from.label} to which release?`, current === 'auto' ? 'the release to move to' : `now targeting ${current}`);
  if (!to) return;
  const report = await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: `Kernel Rust: changes from ${from.label} to ${to.label}…` }, () =>
    host.request<MigrationReportResult>(MIGRATION_REPORT_REQUEST, { from: from.label, to: to.label } satisfies MigrationReportParams),
  );
  if (!report || report.error || report.markdown === undefined) {
    void vscode.window.showWarningMessage(`Kernel Rust: no report (${report?.error ?? 'the language server is not running'}).`);
    return;
  }
  const doc = await vscode.workspace.openTextDocument({ language: 'markdown', content: report.markdown });
  await vscode.window.showTextDocument(doc, { preview: true });
  await vscode.commands.executeCommand('markdown.showPreview', doc.uri);
}

const RANGE_ITEM = 'A range of releases…';

async function selectTargetVersion(): Promise<void> {
  const current = configuredTarget();
  const items: vscode.QuickPickItem[] = [
    { label: 'auto', description: 'from the kernel tree\'s Makefile, else the newest published release known', picked: current === 'auto' },
    {
      label: RANGE_ITEM,
      description: current.includes('..') ? `current: ${current}` : 'for code that must build on several kernels: pick the oldest, then the newest',
    },
    ...OFFERED_RELEASES.map((r) => {
      const notes = [DEVELOPMENT_RELEASES.includes(r) ? 'in development (release candidates)' : '', r === current ? 'current' : ''].filter(Boolean);
      return { label: r, description: notes.join(' · ') || undefined, picked: r === current };
    }),
  ];
  const pick = await vscode.window.showQuickPick(items, { title: 'Kernel Rust: target kernel version', placeHolder: `now: ${current}` });
  if (!pick) return;
  if (pick.label !== RANGE_ITEM) {
    await writeTarget(pick.label);
    return;
  }
  const releaseItems = (list: readonly string[]) => list.map((r) => ({ label: r, description: DEVELOPMENT_RELEASES.includes(r) ? 'in development' : undefined }));
  const from = await vscode.window.showQuickPick(releaseItems(OFFERED_RELEASES.slice(1)), { title: 'Kernel Rust: range from which release?', placeHolder: 'the oldest release the code must build on' });
  if (!from) return;
  const to = await vscode.window.showQuickPick(releaseItems(newerThan(from.label)), { title: `Kernel Rust: range from ${from.label} to which release?`, placeHolder: 'the newest release the code must build on' });
  if (to) await writeTarget(`${from.label}..${to.label}`);
}

/** Registers the command table. */
export function registerCommands(context: vscode.ExtensionContext, host: CommandHost): void {
  const table: Record<string, (...args: unknown[]) => unknown> = {
    'kernelRust.selectTargetVersion': selectTargetVersion,
    'kernelRust.restartServer': () => host.restart(),
    'kernelRust.showLog': () => host.showLog(),
    'kernelRust.showRuleDocs': (rule?: unknown) => host.showRuleDocs(typeof rule === 'string' ? rule : undefined),
    'kernelRust.showChangesToTarget': () => showChangesToTarget(host),
  };
  for (const [id, run] of Object.entries(table)) context.subscriptions.push(vscode.commands.registerCommand(id, run));
}
