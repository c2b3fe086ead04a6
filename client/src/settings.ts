/** Reading and writing the extension's settings. */
import * as vscode from 'vscode';
import { DEVELOPMENT_RELEASES } from '../../server/src/kb/releases';
import { OFFERED_RELEASES } from './target-choices';

/** The settings section every key lives under. */
export const SECTION = 'kernelRust';

/** Kernel releases offered in the picker, newest first: the server's release registry, bundled in. */
export { OFFERED_RELEASES };

/** Releases still in development, marked as such in the picker. */
export { DEVELOPMENT_RELEASES };

/** The configured target: "auto" or a release. */
export function configuredTarget(): string {
  return vscode.workspace.getConfiguration(SECTION).get<string>('targetVersion', 'auto');
}

/** Writes the target to the workspace settings (user settings when no folder is open). */
export async function writeTarget(value: string): Promise<void> {
  const target = vscode.workspace.workspaceFolders?.length ? vscode.ConfigurationTarget.Workspace : vscode.ConfigurationTarget.Global;
  await vscode.workspace.getConfiguration(SECTION).update('targetVersion', value, target);
}
