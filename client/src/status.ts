/** The status bar item: which kernel release the active Rust file is checked against, and why. */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';

interface TargetInfo {
  release: string;
  source: 'setting' | 'Makefile' | 'tree' | 'default';
  kernelRoot?: string;
  note?: string;
  unknownRelease?: string;
  prerelease?: string;
}

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

  /** Asks the server for the active document's target and shows it. */
  async refresh(): Promise<void> {
    const editor = vscode.window.activeTextEditor;
    if (!this.client || !editor || editor.document.languageId !== 'rust') {
      if (!this.client) this.item.hide();
      return;
    }
    try {
      const info = await this.client.sendRequest<TargetInfo>('kernelRust/targetInfo', { uri: editor.document.uri.toString() });
      const where = info.source === 'tree' ? `tree ${info.kernelRoot ?? ''}` : info.source;
      const busy = info.kernelRoot !== undefined && this.indexingRoots.has(info.kernelRoot);
      const shown = info.unknownRelease
        ? `$(warning) Kernel ${info.unknownRelease}? · checked as ${info.release}`
        : `Kernel ${info.release}${info.prerelease ? `-${info.prerelease}` : ''} · ${where}`;
      this.item.text = `${busy ? '$(sync~spin) ' : ''}${shown}${busy ? ' · indexing' : ''}`;
      this.item.backgroundColor = info.unknownRelease ? new vscode.ThemeColor('statusBarItem.warningBackground') : undefined;
      const tip = new vscode.MarkdownString(
        `Kernel Rust checks this file against **Linux ${info.release}**` +
          (info.source === 'Makefile'
            ? ` (from the Makefile in \`${info.kernelRoot}\`)`
            : info.source === 'tree'
              ? ` (from the Makefile of \`kernelRust.kernelTree\`, \`${info.kernelRoot}\`: the file is outside any kernel tree)`
              : info.source === 'setting' ? ' (from `kernelRust.targetVersion`)' : ' (the newest published release it knows; no kernel tree found above the file)') +
          (info.prerelease ? `, a release candidate (${info.prerelease}): facts for a release still in development may change` : '') +
          (info.note ? `.\n\n${info.note}` : '.') +
          '\n\nClick to choose another release.',
      );
      this.item.tooltip = tip;
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
