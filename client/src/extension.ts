/** Extension entry: starts the language server and wires status bar and commands. */
import * as path from 'node:path';
import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { registerCommands } from './commands';
import { registerRuleDocs, ruleDocsMiddleware, showRuleDocs } from './rule-docs';
import { SECTION } from './settings';
import { TargetStatus } from './status';
import { INDEXING_NOTIFICATION, TARGETS_CHANGED_NOTIFICATION, type IndexingParams } from '../../server/src/core/protocol';

let client: LanguageClient | undefined;
let output: vscode.LogOutputChannel | undefined;
let status: TargetStatus | undefined;
let startFailureShown = false;

function createClient(context: vscode.ExtensionContext): LanguageClient {
  const module = context.asAbsolutePath(path.join('dist', 'server.js'));
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [{ language: 'rust' }],
    outputChannel: output,
    middleware: ruleDocsMiddleware,
    synchronize: {
      configurationSection: SECTION,
      fileEvents: [vscode.workspace.createFileSystemWatcher('**/Makefile'), vscode.workspace.createFileSystemWatcher('**/Cargo.toml')],
    },
    initializationOptions: {
      targetVersion: vscode.workspace.getConfiguration(SECTION).get('targetVersion'),
      lints: vscode.workspace.getConfiguration(SECTION).get('lints'),
    },
  };
  return new LanguageClient('kernelRust', 'Kernel Rust', serverOptions, clientOptions);
}

async function start(context: vscode.ExtensionContext): Promise<void> {
  const next = createClient(context);
  try {
    await next.start();
  } catch (error) {
    if (!startFailureShown) {
      startFailureShown = true;
      void vscode.window.showErrorMessage(`Kernel Rust: the language server did not start: ${error instanceof Error ? error.message : String(error)}`, 'Show Log').then((choice) => {
        if (choice) output?.show();
      });
    }
    status?.showText('$(error) Kernel Rust', 'The Kernel Rust server failed to start; see its output channel.');
    return;
  }
  client = next;
  client.onNotification(TARGETS_CHANGED_NOTIFICATION, () => void status?.refresh());
  client.onNotification(INDEXING_NOTIFICATION, (p: IndexingParams) => status?.indexing(p.root, p.state === 'running'));
  status?.attach(client);
}

/** Called by VS Code when a Rust file opens or a folder holding a kernel tree (`rust/kernel/lib.rs`) is opened. */
export async function activate(context: vscode.ExtensionContext): Promise<void> {
  output = vscode.window.createOutputChannel('Kernel Rust', { log: true });
  status = new TargetStatus();
  context.subscriptions.push(output, status);
  context.subscriptions.push(vscode.window.onDidChangeActiveTextEditor(() => void status?.refresh()));
  registerRuleDocs(context);
  registerCommands(context, {
    showRuleDocs: (rule) => showRuleDocs(context, rule),
    restart: async () => {
      status?.attach(undefined);
      const old = client;
      client = undefined;
      await old?.stop().catch(() => undefined);
      startFailureShown = false;
      await start(context);
    },
    showLog: () => output?.show(),
    request: async <T>(method: string, params: unknown) => (client ? client.sendRequest<T>(method, params) : undefined),
  });
  await start(context);
}

/** Called by VS Code on shutdown. */
export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
