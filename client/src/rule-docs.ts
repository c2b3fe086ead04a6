/** Rule documentation rendered inside VS Code: a rule code in the Problems panel or a hover opens that rule's section of
 *  the packaged docs/lints.md as a rendered page. The language server links each diagnostic to the Markdown file (any
 *  editor can open that); the client points the link at a `kernel-rust-rule:` page instead, which this read-only
 *  custom editor renders. A custom editor rather than a `command:` link, because the hover and the F8 peek refuse to
 *  run commands from a diagnostic's link while they open any editor. */
import * as vscode from 'vscode';
import type { Middleware } from 'vscode-languageclient/node';
import { RULE_DOC_SCHEME, ruleDocPath, ruleOfPath, ruleSection } from './rule-sections';

/** The custom editor's view type (package.json `customEditors`). */
const RULE_DOCS_VIEW_TYPE = 'kernelRust.ruleDocs';

/** The page of one rule. */
function ruleDocUri(rule: string): vscode.Uri {
  return vscode.Uri.from({ scheme: RULE_DOC_SCHEME, path: ruleDocPath(rule) });
}

/** Opens a rule's page (the command `kernelRust.showRuleDocs`; without a rule, asks which). */
export async function showRuleDocs(context: vscode.ExtensionContext, rule?: string): Promise<void> {
  let chosen = typeof rule === 'string' ? rule : undefined;
  if (!chosen) {
    const text = await readLints(context);
    const ids = [...text.matchAll(/<a id="([a-z0-9-]+)"><\/a>/g)].map((m) => m[1]);
    chosen = await vscode.window.showQuickPick(ids, { title: 'Kernel Rust: rule documentation', placeHolder: 'Pick a rule' });
  }
  if (chosen) await vscode.commands.executeCommand('vscode.openWith', ruleDocUri(chosen), RULE_DOCS_VIEW_TYPE);
}

async function readLints(context: vscode.ExtensionContext): Promise<string> {
  const bytes = await vscode.workspace.fs.readFile(vscode.Uri.joinPath(context.extensionUri, 'docs', 'lints.md'));
  return new TextDecoder().decode(bytes);
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c] ?? c);
}

/** The page's HTML: the section rendered by VS Code's own Markdown renderer, styled with the theme's colours. */
async function pageHtml(context: vscode.ExtensionContext, rule: string | undefined): Promise<string> {
  const text = await readLints(context);
  const section = rule ? ruleSection(text, rule) : undefined;
  const markdown = section ?? `# Unknown rule\n\n\`${rule ?? '?'}\` is not a Kernel Rust rule.`;
  let body: string;
  try {
    body = await vscode.commands.executeCommand<string>('markdown.api.render', markdown);
  } catch {
    body = `<pre>${escapeHtml(markdown)}</pre>`;
  }
  return `<!DOCTYPE html><html><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline';">
<style>
body { font-family: var(--vscode-font-family); font-size: var(--vscode-font-size); color: var(--vscode-foreground); max-width: 52rem; padding: 0 1.5rem 2rem; line-height: 1.5; }
code, pre { font-family: var(--vscode-editor-font-family); }
pre { background: var(--vscode-textCodeBlock-background); padding: 0.6rem 0.8rem; border-radius: 4px; overflow-x: auto; }
:not(pre) > code { background: var(--vscode-textCodeBlock-background); padding: 0 0.25rem; border-radius: 3px; }
a { color: var(--vscode-textLink-foreground); }
</style></head><body data-rule="${escapeHtml(rule ?? '')}">${body}</body></html>`;
}

class RuleDocsEditor implements vscode.CustomReadonlyEditorProvider {
  constructor(private readonly context: vscode.ExtensionContext) {}

  openCustomDocument(uri: vscode.Uri): vscode.CustomDocument {
    return { uri, dispose: () => undefined };
  }

  async resolveCustomEditor(document: vscode.CustomDocument, panel: vscode.WebviewPanel): Promise<void> {
    panel.webview.options = { enableScripts: false };
    panel.webview.html = await pageHtml(this.context, ruleOfPath(document.uri.path));
  }
}

/** Registers the rule docs editor. */
export function registerRuleDocs(context: vscode.ExtensionContext): void {
  context.subscriptions.push(vscode.window.registerCustomEditorProvider(RULE_DOCS_VIEW_TYPE, new RuleDocsEditor(context), { supportsMultipleEditorsPerDocument: true }));
}

/** Client middleware: each Kernel Rust diagnostic's code links to the rule's rendered page. */
export const ruleDocsMiddleware: Middleware = {
  handleDiagnostics(uri, diagnostics, next) {
    for (const d of diagnostics) {
      if (d.source !== 'kernel-rust' || typeof d.code !== 'object' || d.code === null) continue;
      const rule = String(d.code.value);
      if (/^[a-z0-9-]+$/.test(rule)) d.code = { value: d.code.value, target: ruleDocUri(rule) };
    }
    next(uri, diagnostics);
  },
};
