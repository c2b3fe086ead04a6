/** The status bar item: which kernel release the active Rust file (or, before one is opened, the workspace) is checked
 *  against, and why. */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { TARGET_INFO_REQUEST, type TargetInfoParams } from '../../server/src/core/protocol';
import { statusView, type TargetInfo } from './status-text';

/** Shows "Kernel 6.15 · Makefile" for the active editor; click to change the target. */
export class TargetStatus implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('kernelRust.target', vscode.StatusBarAlignment.Right, 100);
  private client: LanguageClient | undefined;
  private readonly indexingRoots = new Set<string>();

  constructor() {
    this.item.name = 'Kernel Rust target';
    this.item.command = 'kernelRust.selectTargetVersion';
  }

  /** Uses this client for queries from now on (after a start or restart). */
  attach(client: LanguageClient | undefined): void {
    this.client = client;
    void this.refresh();
  }

  /** Asks the server for the active document's target (the workspace's when no editor is open) and shows it. */
  async refresh(): Promise<void> {
    if (!this.client) {
      this.item.hide();
      return;
    }
    const editor = vscode.window.activeTextEditor;
    // Another kind of file in front: keep what was shown for the last Rust file or the workspace.
    if (editor && editor.document.languageId !== 'rust') return;
    try {
      const params = editor ? { uri: editor.document.uri.toString() } : {};
      const info = await this.client.sendRequest<TargetInfo>(TARGET_INFO_REQUEST, params satisfies TargetInfoParams);
      const busy = info.kernelRoot !== undefined && this.indexingRoots.has(info.kernelRoot);
      const view = statusView(info, busy);
      if (!view) {
        this.item.hide();
        return;
      }
      this.item.text = view.text;
      const tip = new vscode.MarkdownString(view.tooltip);
      tip.isTrusted = { enabledCommands: ['kernelRust.selectTargetVersion', 'workbench.action.openSettings'] };
      this.item.tooltip = tip;
      this.item.backgroundColor = view.warning ? new vscode.ThemeColor('statusBarItem.warningBackground') : undefined;
      this.item.show();
    } catch {
      this.item.hide();
    }
  }

  /** Notes that the server started or finished indexing a kernel tree, and redraws. */
  indexing(root: string, running: boolean): void {
    if (running) this.indexingRoots.add(root);
    else this.indexingRoots.delete(root);
    void this.refresh();
  }

  /** Shows that the server failed; text only. */
  showText(text: string, tooltip: string): void {
    this.item.text = text;
    this.item.tooltip = tooltip;
    this.item.show();
  }

  dispose(): void {
    this.item.dispose();
  }
}
