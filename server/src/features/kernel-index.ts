/**
 * The user's own kernel tree, indexed as soon as a document needs it: its items decide what the target has
 * (api-unavailable), and hover and go-to-definition show their signatures, docs and places. Progress is reported with
 * LSP work-done progress (`$/progress`, every editor shows it) and with kernelRust/indexing (our status bar); requests
 * that arrive meanwhile wait for the index, and diagnostics are published again when it is ready. The tree's `rust/`
 * folder is watched (read-only) and indexed again, debounced, when its sources change.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Connection, WorkDoneProgressServerReporter } from 'vscode-languageserver';
import type { Parser } from 'web-tree-sitter';
import type { TreeDoc } from '../analysis/hover';
import type { Target } from '../core/target';
import { TreeApi, type TreeItem } from '../analysis/tree-api';
import type { KbItem } from '../kb/types';
import { createRustParser } from '../parsing/language';
import type { Settings } from './settings';
import { INDEXING_NOTIFICATION, type IndexingParams } from '../core/protocol';


/** How long a request waits for an index being built before it is answered without one. */
export const INDEX_WAIT_MS = 10_000;

/** How long after the last change in a tree's sources it is indexed again. */
const REINDEX_DEBOUNCE_MS = 500;

/** A finished index of one kernel tree. */
export class KernelIndex {
  constructor(readonly api: TreeApi) {}

  get root(): string {
    return this.api.root;
  }

  /** The release the tree's Makefile names. */
  get release(): string {
    return this.api.release;
  }

  /** The tree's own definition of a knowledge-base item (by its path, an alias, or where the prelude takes it from). */
  find(item: KbItem): TreeItem | undefined {
    return this.api.kbItem(item);
  }

  /** What hover shows from this tree for a knowledge-base item. */
  docFor(item: KbItem): TreeDoc | undefined {
    const hit = this.find(item);
    return hit ? this.docOf(hit) : undefined;
  }

  /** What hover shows for one of the tree's items. */
  docOf(hit: TreeItem): TreeDoc {
    return {
      signature: hit.signature,
      docs: hit.docs,
      kind: hit.kind,
      location: `${path.relative(this.root, hit.file)}:${hit.line + 1}`,
      uri: `${pathToFileURL(hit.file).href}#L${hit.line + 1}`,
      release: this.release,
    };
  }
}

interface Entry {
  index?: KernelIndex;
  building?: Promise<KernelIndex | undefined>;
  watcher?: fs.FSWatcher;
  timer?: NodeJS.Timeout;
  /** The last build failed (no Makefile release…): not tried again until the tree changes. */
  failed?: boolean;
}

/** Keeps one index per kernel tree: built when first needed, built again when the tree's sources change. */
export class KernelIndexes {
  private readonly trees = new Map<string, Entry>();
  private parser: Promise<Parser> | undefined;
  private stopped = false;

  constructor(
    private readonly connection: Connection,
    private readonly settings: Settings,
    private readonly onReady: (root: string) => void,
    /** The kernel tree a file sits in, if any (asked when an explicit target names no tree). */
    private readonly treeAbove: (file: string) => string | undefined = () => undefined,
  ) {}

  /** The tree a document uses: the configured one, else the one its target came from, else the one it sits in. */
  rootFor(target: Target, file?: string): string | undefined {
    return this.settings.kernelTree ?? target.kernelRoot ?? (file ? this.treeAbove(file) : undefined);
  }

  /** The finished index for a document's tree, if any; starts building it when there is none yet. */
  forTarget(target: Target, file?: string): KernelIndex | undefined {
    const root = this.rootFor(target, file);
    if (!root) return undefined;
    const entry = this.entry(root);
    if (!entry.index && !entry.building && !entry.failed) this.start(root, entry);
    return entry.index;
  }

  /** The index for a target's tree, waiting (at most `maxMs`) while it is being built. */
  async whenReady(target: Target, file?: string, maxMs = INDEX_WAIT_MS): Promise<KernelIndex | undefined> {
    const ready = this.forTarget(target, file);
    const root = this.rootFor(target, file);
    const building = root ? this.trees.get(root)?.building : undefined;
    if (ready && !building) return ready;
    if (!building) return ready;
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<undefined>((resolve) => (timer = setTimeout(() => resolve(undefined), maxMs)));
    try {
      return (await Promise.race([building, timeout])) ?? ready;
    } finally {
      clearTimeout(timer);
    }
  }

  /** The index that decides availability for a target: a finished one whose release is the target's. */
  deciding(target: Target, file?: string): TreeApi | undefined {
    const index = this.forTarget(target, file);
    return index?.api.decidingFor(target.release);
  }

  /** A file changed on disk: when it is a Rust source of an indexed tree, that tree is indexed again soon. */
  changed(file: string): void {
    for (const [root, entry] of this.trees) {
      const rel = path.relative(path.join(root, 'rust'), file);
      if (!rel.startsWith('..') && !path.isAbsolute(rel) && file.endsWith('.rs')) this.scheduleReindex(root, entry);
    }
  }

  private entry(root: string): Entry {
    let entry = this.trees.get(root);
    if (!entry) {
      entry = {};
      this.trees.set(root, entry);
    }
    return entry;
  }

  private start(root: string, entry: Entry): void {
    const building = this.build(root);
    entry.building = building;
    void building.then((index) => {
      if (entry.building === building) entry.building = undefined;
      entry.failed = !index;
      if (!index || this.stopped) return;
      entry.index = index;
      this.watch(root, entry);
      this.onReady(root);
    });
  }

  private scheduleReindex(root: string, entry: Entry): void {
    if (this.stopped) return;
    clearTimeout(entry.timer);
    entry.timer = setTimeout(() => {
      entry.timer = undefined;
      if (entry.building) return this.scheduleReindex(root, entry);
      this.start(root, entry);
    }, REINDEX_DEBOUNCE_MS);
  }

  /** Watches the tree's `rust/` folder (reading only) so edits to its sources are indexed again. */
  private watch(root: string, entry: Entry): void {
    if (entry.watcher) return;
    try {
      entry.watcher = fs.watch(path.join(root, 'rust'), { recursive: true, persistent: false }, (_event, name) => {
        if (typeof name === 'string' && name.endsWith('.rs')) this.scheduleReindex(root, entry);
      });
      entry.watcher.on('error', () => {
        entry.watcher?.close();
        entry.watcher = undefined;
      });
    } catch {
      // No watching on this system: workspace/didChangeWatchedFiles still triggers re-indexing.
    }
  }

  /** Work-done progress when the client supports it (a null reporter when not, or when it does not answer). */
  private async progress(): Promise<WorkDoneProgressServerReporter | undefined> {
    let timer: NodeJS.Timeout | undefined;
    try {
      return await Promise.race([
        this.connection.window.createWorkDoneProgress(),
        new Promise<undefined>((resolve) => (timer = setTimeout(() => resolve(undefined), 2000))),
      ]);
    } catch {
      return undefined;
    } finally {
      clearTimeout(timer);
    }
  }

  private async build(root: string): Promise<KernelIndex | undefined> {
    void this.connection.sendNotification(INDEXING_NOTIFICATION, { root, state: 'running' } satisfies IndexingParams);
    const reporter = await this.progress();
    reporter?.begin('Kernel Rust: indexing kernel tree', undefined, root, false);
    try {
      this.parser ??= createRustParser();
      const parser = await this.parser;
      // Let the progress notification leave before the (synchronous) read of the tree.
      await new Promise((resolve) => setImmediate(resolve));
      if (this.stopped) return undefined;
      const started = performance.now();
      const api = TreeApi.build(parser, root);
      const ms = Math.round(performance.now() - started);
      api.onDisagreement = (p, kbSays, target) =>
        this.connection.console.log(
          kbSays === 'missing'
            ? `${root} has \`${p}\`, which the knowledge base says Linux ${target} lacks: the tree wins`
            : `${root} lacks \`${p}\`, which the knowledge base says Linux ${target} has: the tree wins`,
        );
      this.connection.console.log(
        `indexed ${api.stats.files} files (${api.stats.lines} lines) of ${root}, Linux ${api.fullRelease}, in ${ms} ms${api.decides ? '' : '; not a complete kernel crate, so availability stays with the knowledge base'}`,
      );
      void this.connection.sendNotification(INDEXING_NOTIFICATION, { root, state: 'done', files: api.stats.files } satisfies IndexingParams);
      return new KernelIndex(api);
    } catch (error) {
      this.connection.console.error(`indexing ${root} failed: ${error instanceof Error ? error.message : String(error)}`);
      void this.connection.sendNotification(INDEXING_NOTIFICATION, { root, state: 'failed' } satisfies IndexingParams);
      return undefined;
    } finally {
      reporter?.done();
    }
  }

  /** Stops watching and indexing and frees the parser. */
  dispose(): void {
    this.stopped = true;
    for (const entry of this.trees.values()) {
      clearTimeout(entry.timer);
      entry.watcher?.close();
    }
    void this.parser?.then((p) => p.delete());
  }
}
