#!/usr/bin/env node
/** kernel-rust-language-server: connection, capabilities and wiring. Logic lives in features/ and analysis/. */
import {
  CodeActionKind,
  createConnection,
  DidChangeConfigurationNotification,
  ErrorCodes,
  ProposedFeatures,
  ResponseError,
  TextDocumentSyncKind,
  type InitializeResult,
} from 'vscode-languageserver/node';
import * as path from 'node:path';
import type { Parser } from 'web-tree-sitter';
import { registerCodeActions } from './features/code-actions';
import { FIX_ALL_KIND, fixAllAction, registerMigrationReport } from './features/migration';
import { registerCompletion } from './features/completion';
import { registerDefinition } from './features/definition';
import { DiagnosticsPublisher } from './features/diagnostics';
import { OpenDocuments } from './features/documents';
import { registerHover } from './features/hover';
import { KernelIndexes } from './features/kernel-index';
import { kernelPathProvider } from './features/kernel-path-completion';
import { Settings, WarnOnce } from './features/settings';
import { snippetProvider } from './features/snippets';
import { Targets, uriToPath } from './features/targets';
import { RULES } from './lints/rules';
import { createRustParser } from './parsing/language';
import { stdioTransport } from './transport';
import { TARGETS_CHANGED_NOTIFICATION } from './core/protocol';

declare const KERNEL_RUST_VERSION: string | undefined;

// Any editor can start the binary with no arguments: talk over stdio then.
if (!process.argv.some((a) => /^--(stdio|node-ipc|socket|pipe)/.test(a))) process.argv.push('--stdio');

let shutdownReceived = false;
let initialized = false;
const stdio = process.argv.includes('--stdio') ? stdioTransport({ shutdownReceived: () => shutdownReceived, log: (m) => connection.console.warn(m) }) : undefined;
const connection = stdio ? createConnection(ProposedFeatures.all, stdio.reader, stdio.writer) : createConnection(ProposedFeatures.all);
const settings = new Settings();
const targets = new Targets(settings);
const ruleIds = RULES.map((r) => r.id);
let parser: Parser | undefined;
let documents: OpenDocuments | undefined;
let diagnostics: DiagnosticsPublisher | undefined;
let canPullConfiguration = false;
const indexes = new KernelIndexes(
  connection,
  settings,
  () => {
    void connection.sendNotification(TARGETS_CHANGED_NOTIFICATION);
    // What was published before the tree was indexed is published again with the tree deciding.
    diagnostics?.refreshAll();
  },
  (file) => targets.locator.find(path.dirname(file))?.root,
);

/** The diagnostics debounce from initializationOptions: 0–10,000 ms, else the default 150 ms with a warning. */
function readDebounce(value: unknown, warnings: string[]): number {
  if (value === undefined) return 150;
  if (typeof value === 'number' && Number.isFinite(value) && value >= 0 && value <= 10_000) return value;
  warnings.push(`debounceMs must be a number of milliseconds from 0 to 10000, got ${JSON.stringify(value) ?? String(value)}; using 150`);
  return 150;
}

const settingWarnings = new WarnOnce();

/** Logs every warning about a reading of the `kernelRust` settings; shows the user each one once while it lasts (the
 *  same bad value read again stays quiet). */
function warnSettings(messages: string[]): void {
  for (const m of messages) connection.console.warn(m);
  for (const m of settingWarnings.fresh(messages)) void connection.window.showWarningMessage(`Kernel Rust: ${m}`);
}

connection.onInitialize(async (params): Promise<InitializeResult> => {
  parser = await createRustParser();
  documents = new OpenDocuments(parser);
  const init = (params.initializationOptions ?? {}) as Record<string, unknown>;
  const initWarnings = settings.apply(init, ruleIds);
  const debounceMs = readDebounce(init.debounceMs, initWarnings);
  warnSettings(initWarnings);
  diagnostics = new DiagnosticsPublisher(connection, documents, settings, targets, debounceMs);
  diagnostics.treeFor = (target, file) => indexes.deciding(target, file);
  documents.register(connection);
  diagnostics.register();
  targets.register(connection);
  const rustParser = parser;
  registerCodeActions(connection, documents, (uri, text) => {
    const target = targets.forUri(uri);
    return fixAllAction(uri, text, rustParser, target.release, target.range);
  });
  registerMigrationReport(connection, rustParser, documents, targets);
  registerCompletion(connection, documents, targets, [kernelPathProvider, snippetProvider((m) => connection.console.warn(m))], indexes);
  registerHover(connection, documents, targets, indexes);
  registerDefinition(connection, documents, targets, indexes);
  const folder = params.workspaceFolders?.[0]?.uri ?? params.rootUri ?? undefined;
  targets.workspaceRoot = folder ? uriToPath(folder) : undefined;
  canPullConfiguration = params.capabilities.workspace?.configuration === true;
  return {
    capabilities: {
      textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
      codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND] },
      completionProvider: { resolveProvider: false },
      hoverProvider: true,
      definitionProvider: true,
    },
    serverInfo: { name: 'kernel-rust-language-server', version: typeof KERNEL_RUST_VERSION === 'string' ? KERNEL_RUST_VERSION : 'dev' },
  };
});

// Requests no handler takes: before `initialize` has been answered they are refused as the protocol says, after
// it they are unknown methods. Either way the client gets an answer, never silence.
connection.onRequest((method) => {
  if (!initialized) return new ResponseError(-32002, `the server is not initialized yet (${method})`);
  return new ResponseError(ErrorCodes.MethodNotFound, `unknown method ${method}`);
});

connection.onInitialized(() => {
  initialized = true;
  if (canPullConfiguration) {
    void connection.client.register(DidChangeConfigurationNotification.type, { section: 'kernelRust' });
    void pullConfiguration();
  }
  // A configured tree (kernelRust.kernelTree) is indexed right away, before any document asks for it.
  if (targets.workspaceRoot) indexes.forTarget(targets.forUri(undefined), path.join(targets.workspaceRoot, '.kernel-rust-probe.rs'));
});

async function pullConfiguration(): Promise<void> {
  try {
    const value: unknown = await connection.workspace.getConfiguration('kernelRust');
    applySettings(value);
  } catch (error) {
    connection.console.warn(`could not read kernelRust settings: ${String(error)}`);
  }
}

function applySettings(value: unknown): void {
  const before = JSON.stringify([settings.explicitTarget, settings.levels, settings.kernelTree]);
  warnSettings(settings.apply(value, ruleIds));
  if (JSON.stringify([settings.explicitTarget, settings.levels, settings.kernelTree]) === before) return;
  void connection.sendNotification(TARGETS_CHANGED_NOTIFICATION);
  diagnostics?.refreshAll();
}

connection.onDidChangeConfiguration((change) => {
  const pushed = (change.settings as Record<string, unknown> | null | undefined)?.kernelRust;
  if (pushed !== undefined) applySettings(pushed);
  else if (canPullConfiguration) void pullConfiguration();
});

connection.onDidChangeWatchedFiles(({ changes }) => {
  for (const c of changes) {
    const file = uriToPath(c.uri);
    if (file) indexes.changed(file);
  }
  targets.clear();
  void connection.sendNotification(TARGETS_CHANGED_NOTIFICATION);
  diagnostics?.refreshAll();
});

connection.onShutdown(() => {
  shutdownReceived = true;
  diagnostics?.dispose();
  indexes.dispose();
  documents?.dispose();
  parser?.delete();
});

process.on('unhandledRejection', (reason) => connection.console.error(`unhandled rejection: ${String(reason)}`));
process.on('uncaughtException', (error) => connection.console.error(`uncaught exception: ${error.stack ?? error.message}`));

connection.listen();
