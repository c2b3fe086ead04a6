/** Every command of the extension, in one table. */
import * as vscode from 'vscode';
import { configuredTarget, DEVELOPMENT_RELEASES, OFFERED_RELEASES, writeTarget } from './settings';

/** What commands need from the extension. */
export interface CommandHost {
  restart(): Promise<void>;
  showLog(): void;
  showRuleDocs(rule?: string): Promise<void>;
}

async function selectTargetVersion(): Promise<void> {
  const current = configuredTarget();
  const items: vscode.QuickPickItem[] = [
    { label: 'auto', description: 'from the kernel tree\'s Makefile, else the newest published release known', picked: current === 'auto' },
    ...OFFERED_RELEASES.map((r) => {
      const notes = [DEVELOPMENT_RELEASES.includes(r) ? 'in development (release candidates)' : '', r === current ? 'current' : ''].filter(Boolean);
      return { label: r, description: notes.join(' · ') || undefined, picked: r === current };
    }),
  ];
  const pick = await vscode.window.showQuickPick(items, { title: 'Kernel Rust: target kernel version', placeHolder: `now: ${current}` });
  if (pick) await writeTarget(pick.label);
}

/** Registers the command table. */
export function registerCommands(context: vscode.ExtensionContext, host: CommandHost): void {
  const table: Record<string, (...args: unknown[]) => unknown> = {
    'kernelRust.selectTargetVersion': selectTargetVersion,
    'kernelRust.restartServer': () => host.restart(),
    'kernelRust.showLog': () => host.showLog(),
    'kernelRust.showRuleDocs': (rule?: unknown) => host.showRuleDocs(typeof rule === 'string' ? rule : undefined),
  };
  for (const [id, run] of Object.entries(table)) context.subscriptions.push(vscode.commands.registerCommand(id, run));
}
