/** Which release each document is checked against, and the `kernelRust/targetInfo` request the client shows. */
import { fileURLToPath } from 'node:url';
import type { Connection } from 'vscode-languageserver';
import { KernelTreeLocator, resolveTarget, type Target } from '../analysis/target';
import type { Settings } from './settings';

/** Custom request: the target for a document URI (or the workspace when no URI is given). */
export const TARGET_INFO_REQUEST = 'kernelRust/targetInfo';
/** Custom notification sent when targets may have changed (setting or Makefile change). */
export const TARGETS_CHANGED_NOTIFICATION = 'kernelRust/targetsChanged';

/** A file-system path for a `file:` URI, else undefined. */
export function uriToPath(uri: string): string | undefined {
  if (!uri.startsWith('file:')) return undefined;
  try {
    return fileURLToPath(uri);
  } catch {
    return undefined;
  }
}

/** Resolves targets from the settings and the kernel tree above each document. */
export class Targets {
  readonly locator = new KernelTreeLocator();
  /** A workspace folder path, used when asked about no document in particular. */
  workspaceRoot: string | undefined;
  private connection: Connection | undefined;
  /** Kernel trees whose unknown release was already announced (once per tree and release). */
  private readonly warned = new Set<string>();

  constructor(private readonly settings: Settings) {}

  /** The target for a document. */
  forUri(uri: string | undefined): Target {
    const file = uri ? uriToPath(uri) : undefined;
    const probe = file ?? (this.workspaceRoot ? `${this.workspaceRoot}/.kernel-rust-probe.rs` : undefined);
    const target = resolveTarget(this.settings.explicitTarget, probe, this.locator, this.settings.kernelTree);
    if (target.unknownRelease && target.note) this.warnOnce(`${target.kernelRoot}\0${target.unknownRelease}`, `Kernel Rust: ${target.kernelRoot}: ${target.note}.`);
    return target;
  }

  /** Says a warning to the user once; a release the knowledge base does not know must never pass silently. */
  private warnOnce(key: string, message: string): void {
    if (this.warned.has(key) || !this.connection) return;
    this.warned.add(key);
    this.connection.console.warn(message);
    void this.connection.window.showWarningMessage(message);
  }

  /** Wires the targetInfo request. */
  register(connection: Connection): void {
    this.connection = connection;
    connection.onRequest(TARGET_INFO_REQUEST, (params: { uri?: string } | undefined) => this.forUri(params?.uri));
  }
}
