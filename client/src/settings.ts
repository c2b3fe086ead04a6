/** Reading and writing the extension's settings. */
import * as vscode from 'vscode';

/** The settings section every key lives under. */
export const SECTION = 'kernelRust';

/** Kernel releases offered in the picker, newest first (kept in step with the server's release registry). */
export const OFFERED_RELEASES = [
  '6.19', '6.18', '6.17', '6.16', '6.15', '6.14', '6.13', '6.12', '6.11', '6.10',
  '6.9', '6.8', '6.7', '6.6', '6.5', '6.4', '6.3', '6.2', '6.1',
];

/** The configured target: "auto" or a release. */
export function configuredTarget(): string {
  return vscode.workspace.getConfiguration(SECTION).get<string>('targetVersion', 'auto');
}

/** Writes the target to the workspace settings (user settings when no folder is open). */
export async function writeTarget(value: string): Promise<void> {
  const target = vscode.workspace.workspaceFolders?.length ? vscode.ConfigurationTarget.Workspace : vscode.ConfigurationTarget.Global;
  await vscode.workspace.getConfiguration(SECTION).update('targetVersion', value, target);
}
