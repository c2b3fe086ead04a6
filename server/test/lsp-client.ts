/** A small LSP client over stdio for driving the real server bundle in tests (and the benchmark). */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import * as path from 'node:path';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from 'vscode-jsonrpc/node';
import { ROOT } from './helpers';

/** A published-diagnostics notification. */
export interface Published {
  uri: string;
  version?: number;
  diagnostics: { range: { start: { line: number; character: number }; end: { line: number; character: number } }; severity?: number; code?: string | number; source?: string; message: string; codeDescription?: { href: string } }[];
}

/** The server process and a JSON-RPC connection to it. */
export class TestClient {
  readonly conn: MessageConnection;
  readonly proc: ChildProcessWithoutNullStreams;
  readonly published: Published[] = [];
  readonly logs: string[] = [];
  /** Messages the server asked the editor to show the user (window/showMessage and showMessageRequest), in order. */
  readonly shown: string[] = [];
  private waiters: { match: (p: Published) => boolean; resolve: (p: Published) => void }[] = [];
  stderr = '';

  constructor(extraArgs: string[] = []) {
    this.proc = spawn(process.execPath, [path.join(ROOT, 'dist', 'server.js'), '--stdio', ...extraArgs], { stdio: 'pipe' });
    this.proc.stderr.on('data', (d: Buffer) => (this.stderr += d.toString()));
    this.conn = createMessageConnection(new StreamMessageReader(this.proc.stdout), new StreamMessageWriter(this.proc.stdin));
    this.conn.onNotification('textDocument/publishDiagnostics', (p: Published) => {
      this.published.push(p);
      this.waiters = this.waiters.filter((w) => {
        if (!w.match(p)) return true;
        w.resolve(p);
        return false;
      });
    });
    this.conn.onNotification('window/logMessage', (p: { message: string }) => {
      this.logs.push(p.message);
    });
    this.conn.onNotification('window/showMessage', (p: { message: string }) => {
      this.logs.push(p.message);
      this.shown.push(p.message);
    });
    this.conn.onRequest('workspace/configuration', () => [null]);
    this.conn.onRequest('client/registerCapability', () => null);
    this.conn.onRequest('window/showMessageRequest', (p: { message: string }) => {
      this.logs.push(p.message);
      this.shown.push(p.message);
      return null;
    });
    this.conn.listen();
  }

  /** Sends initialize + initialized. */
  async initialize(initializationOptions: Record<string, unknown> = {}, rootUri: string | null = null): Promise<unknown> {
    const result = await this.conn.sendRequest('initialize', {
      processId: process.pid,
      rootUri,
      capabilities: { textDocument: { publishDiagnostics: { versionSupport: true } } },
      initializationOptions: { debounceMs: 20, ...initializationOptions },
    });
    await this.conn.sendNotification('initialized', {});
    return result;
  }

  /** Resolves with the next diagnostics for `uri` that satisfy `match` (already received ones count). */
  diagnostics(uri: string, match: (p: Published) => boolean = () => true, timeoutMs = 10000): Promise<Published> {
    const seen = [...this.published].reverse().find((p) => p.uri === uri && match(p));
    if (seen) return Promise.resolve(seen);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no diagnostics for ${uri} within ${timeoutMs} ms; stderr: ${this.stderr}`)), timeoutMs);
      this.waiters.push({
        match: (p) => p.uri === uri && match(p),
        resolve: (p) => {
          clearTimeout(timer);
          resolve(p);
        },
      });
    });
  }

  /** Forgets diagnostics received so far. */
  clearPublished(): void {
    this.published.length = 0;
  }

  open(uri: string, text: string, version = 1): Promise<void> {
    return this.conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'rust', version, text } });
  }

  change(uri: string, version: number, changes: unknown[]): Promise<void> {
    return this.conn.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: changes });
  }

  close(uri: string): Promise<void> {
    return this.conn.sendNotification('textDocument/didClose', { textDocument: { uri } });
  }

  /** Shuts the server down and waits for the process to end. */
  async stop(): Promise<number | null> {
    const exited = new Promise<number | null>((resolve) => this.proc.once('exit', (code) => resolve(code)));
    // A server that is stuck (the test failed because of it) must not keep the suite waiting: kill it after a while.
    const killer = setTimeout(() => this.proc.kill('SIGKILL'), 5000);
    try {
      await Promise.race([this.conn.sendRequest('shutdown'), exited]);
      await this.conn.sendNotification('exit');
    } catch {
      this.proc.kill();
    }
    const code = await exited;
    clearTimeout(killer);
    this.conn.dispose();
    return code;
  }
}
