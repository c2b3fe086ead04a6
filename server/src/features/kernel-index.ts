/** Background indexing of the user's own kernel tree, so hover shows that tree's signatures and docs. */
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Connection } from 'vscode-languageserver';
import type { Parser } from 'web-tree-sitter';
import type { TreeDoc } from '../analysis/hover';
import { makefileReleaseAt, type Target } from '../core/target';
import { buildIndex, type IndexedItem } from '../analysis/tree-index';
import type { KbItem } from '../kb/types';
import { createRustParser } from '../parsing/language';
import type { Settings } from './settings';

/** Notification the client shows in the status bar while a tree is being indexed. */
export const INDEXING_NOTIFICATION = 'kernelRust/indexing';

/** A finished index of one kernel tree. */
export class KernelIndex {
  constructor(
    readonly root: string,
    readonly items: ReadonlyMap<string, IndexedItem>,
    /** The release the tree's Makefile names, when it names one. */
    readonly release?: string,
  ) {}

  /** The tree's own definition of a knowledge-base item, by its path or any alias; a prelude name (which the tree
   *  defines elsewhere and re-exports) is looked up where the kernel crate or the pin-init crate defines it. */
  find(item: KbItem): IndexedItem | undefined {
    const names = [item.path, ...(item.aliases ?? [])];
    const prelude = /^kernel::prelude::(.+)$/.exec(item.path);
    if (prelude) names.push(`kernel::${prelude[1]}`, `pin_init::${prelude[1]}`);
    for (const p of names) {
      const hit = this.items.get(p);
      if (hit) return hit;
    }
    return undefined;
  }

  /** What hover shows from this tree for an item. */
  docFor(item: KbItem): TreeDoc | undefined {
    const hit = this.find(item);
    if (!hit) return undefined;
    return {
      signature: hit.signature,
      docs: hit.docs || undefined,
      location: `${path.relative(this.root, hit.file)}:${hit.line + 1}`,
      uri: `${pathToFileURL(hit.file).href}#L${hit.line + 1}`,
      ...(this.release ? { release: this.release } : {}),
    };
  }
}

/** The release a kernel tree's Makefile names, or undefined. */
function treeRelease(root: string): string | undefined {
  return makefileReleaseAt(path.join(root, 'Makefile'))?.release;
}

/** Keeps one index per kernel tree, built in the background, never blocking requests. */
export class KernelIndexes {
  private readonly ready = new Map<string, KernelIndex>();
  private readonly running = new Set<string>();
  private parser: Promise<Parser> | undefined;
  private stopped = false;

  constructor(
    private readonly connection: Connection,
    private readonly settings: Settings,
    private readonly onReady: () => void,
  ) {}

  /** The index for the tree a target came from (or the configured tree); starts building it when needed. */
  forTarget(target: Target): KernelIndex | undefined {
    const root = this.settings.kernelTree ?? target.kernelRoot;
    if (!root) return undefined;
    const index = this.ready.get(root);
    if (!index && !this.running.has(root)) void this.build(root);
    return index;
  }

  private async build(root: string): Promise<void> {
    this.running.add(root);
    void this.connection.sendNotification(INDEXING_NOTIFICATION, { root, state: 'running' });
    const started = performance.now();
    try {
      this.parser ??= createRustParser();
      const parser = await this.parser;
      const result = await buildIndex(parser, root, {
        cancelled: () => this.stopped,
        pause: () => new Promise((resolve) => setImmediate(resolve)),
      });
      if (result.cancelled) return;
      this.ready.set(root, new KernelIndex(root, result.items, treeRelease(root)));
      const ms = Math.round(performance.now() - started);
      this.connection.console.log(`indexed ${result.files} files (${result.items.size} public items, ${result.skipped} skipped) of ${root} in ${ms} ms`);
      void this.connection.sendNotification(INDEXING_NOTIFICATION, { root, state: 'done', files: result.files, items: result.items.size });
      this.onReady();
    } catch (error) {
      this.connection.console.error(`indexing ${root} failed: ${error instanceof Error ? error.message : String(error)}`);
      void this.connection.sendNotification(INDEXING_NOTIFICATION, { root, state: 'failed' });
    } finally {
      this.running.delete(root);
    }
  }

  /** Stops any indexing in progress and frees the parser. */
  dispose(): void {
    this.stopped = true;
    void this.parser?.then((p) => p.delete());
  }
}
