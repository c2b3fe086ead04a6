/** Which release each document is checked against, and the target-info request the client shows (core/protocol.ts). */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Connection } from 'vscode-languageserver';
import { KernelTreeLocator, resolveTarget, type Target } from '../core/target';
import { TARGET_INFO_REQUEST, type TargetInfo } from '../core/protocol';
import type { Settings } from './settings';


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
  /** Folders found to hold a Cargo.toml. */
  private readonly cargoRoots = new Set<string>();

  constructor(private readonly settings: Settings) {}

  /** The target for a document. */
  forUri(uri: string | undefined): Target {
    const file = uri ? uriToPath(uri) : undefined;
    const probe = file ?? (this.workspaceRoot ? `${this.workspaceRoot}/.kernel-rust-probe.rs` : undefined);
    const target = resolveTarget(this.settings.explicitTarget, probe, this.locator, this.settings.kernelTree);
    if (target.unknownRelease && target.note) this.warnOnce(`${target.kernelRoot}\0${target.unknownRelease}`, `Kernel Rust: ${target.kernelRoot}: ${target.note}.`);
    return target;
  }

  /** The target of a document and whether it sits in a userspace Cargo project rather than a kernel tree. */
  infoFor(uri: string | undefined): TargetInfo {
    const target = this.forUri(uri);
    const file = uri ? uriToPath(uri) : undefined;
    const start = file ? path.dirname(file) : this.workspaceRoot;
    if (target.kernelRoot || !start) return target;
    const crate = this.cargoRootAbove(start);
    return crate ? { ...target, userspaceCrate: crate } : target;
  }

  /** The nearest folder at or above `dir` holding a Cargo.toml, or undefined. Kernel trees have none at their top,
   *  and this is only asked when no kernel tree was found. */
  private cargoRootAbove(dir: string): string | undefined {
    let at = path.resolve(dir);
    for (let depth = 0; depth < 64; depth++) {
      if (this.cargoRoots.has(at)) return at;
      try {
        if (fs.statSync(path.join(at, 'Cargo.toml')).isFile()) {
          this.cargoRoots.add(at);
          return at;
        }
      } catch {
        /* no Cargo.toml here */
      }
      const parent = path.dirname(at);
      if (parent === at) break;
      at = parent;
    }
    return undefined;
  }

  /** Forgets what was learned about folders (after a Makefile or Cargo.toml changes). */
  clear(): void {
    this.locator.clear();
    this.cargoRoots.clear();
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
    connection.onRequest(TARGET_INFO_REQUEST, (params: { uri?: string } | undefined) => this.infoFor(params?.uri));
  }
}
