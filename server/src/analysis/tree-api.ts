/**
 * What one kernel tree offers, read from its own sources: the answer to "does this release have `kernel::x::Y`?" for
 * every path (definitions, `pub use` re-exports and globs, `#[macro_export]` macros, proc macros), and what hover and
 * go-to-definition show for an item (its signature, `///` docs and place in the tree). Built once per tree from the
 * same surface kb:verify reads; every question after that is a look-up kept in a map.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Parser } from 'web-tree-sitter';
import { lookupKbPath } from '../kb/verify/compare';
import { TreeSurface, type Def, type DefKind, type Namespace, type Scope } from '../kb/verify/tree-surface';
import type { KbItem } from '../kb/types';
import type { TreeAvailability } from '../semantics/file-facts';
import { parseWithLimit } from '../parsing/language';
import { rustFilesUnder } from '../core/files';
import { indexFile, modulePathOf, type IndexedItem } from './tree-index';
import { sameLine } from '../kb/version';

/** Whether a tree has a path: surely yes, surely no, or the tree's sources cannot tell (a macro it could not expand,
 *  a member of a type, a crate it does not hold). */
export type Presence = 'present' | 'absent' | 'unknown';

/** One item of the tree, as hover and go-to-definition show it. */
export interface TreeItem {
  /** The path it was asked for (a re-export path stays as asked). */
  readonly path: string;
  readonly kind: DefKind;
  readonly signature?: string;
  readonly docs?: string;
  /** Absolute file and zero-based position of the item's name. */
  readonly file: string;
  readonly line: number;
  readonly character: number;
  /** The macro that generated the item, when one did (its place is the macro call). */
  readonly viaMacro?: string;
}

/** The crates whose source roots give a file's module path, with the folder each crate's modules hang from. */
const CRATE_DIRS: readonly { crate: string; dir: string }[] = [
  { crate: 'kernel', dir: 'rust/kernel' },
  { crate: 'pin_init', dir: 'rust/pin-init/src' },
  { crate: 'macros', dir: 'rust/macros' },
];

/** Most distinct paths kept per map before it starts over (a bound against hostile input, far above real use). */
const MEMO_LIMIT = 50_000;

let builds = 0;

/** A kernel tree's API, indexed. */
export class TreeApi implements TreeAvailability {
  /** Unique per build, so caches keyed by it start over after a re-index. */
  readonly key = `tree-${++builds}`;
  /** Paths on which the tree and the knowledge base disagreed (the tree won), each told once to `onDisagreement`. */
  readonly disagreements = new Map<string, 'missing' | 'available'>();
  /** Where disagreements are told (the server's log, the CLI's --stats). */
  onDisagreement: ((path: string, kbSays: 'missing' | 'available', target: string) => void) | undefined;
  private readonly defs = new Map<string, Def[]>();
  private readonly presences = new Map<string, Presence>();
  private readonly opaqueScopes = new Map<Scope, boolean>();
  private readonly fileItems = new Map<string, Map<number, IndexedItem[]>>();
  /** What hover shows, by path (and preferred namespace) and by knowledge-base item: asked again on every hover. */
  private readonly items = new Map<string, TreeItem | undefined>();
  private readonly kbItems = new WeakMap<KbItem, TreeItem | undefined>();

  private constructor(
    private readonly surface: TreeSurface,
    private readonly parser: Parser | undefined,
  ) {}

  /** Reads a tree's API crates. Throws when its Makefile names no release. `parser` is kept to read docs on demand. */
  static build(parser: Parser, root: string): TreeApi {
    return new TreeApi(TreeSurface.build(parser, root, { shapes: false }), parser);
  }

  /** The tree's folder. */
  get root(): string {
    return this.surface.root;
  }

  /** The release its Makefile names ("7.3"). */
  get release(): string {
    return this.surface.release.release;
  }

  /** The release as the Makefile spells it ("7.3.4-rc1"). */
  get fullRelease(): string {
    return this.surface.release.full;
  }

  /** Files read and lines in them. */
  get stats(): { files: number; lines: number } {
    return { files: this.surface.stats.files, lines: this.surface.stats.lines };
  }

  /** The definitions a path names (`kernel::sync::Arc`, `kernel::pr_info!`), any visibility. */
  defsOf(p: string): readonly Def[] {
    let found = this.defs.get(p);
    if (!found) {
      const macro = p.endsWith('!');
      const segs = (macro ? p.slice(0, -1) : p).split('::');
      found = segs.some((s) => s === '') ? [] : this.surface.resolvePath(segs, undefined, macro ? 'macro' : undefined, false);
      if (this.defs.size >= MEMO_LIMIT) this.defs.clear();
      this.defs.set(p, found);
    }
    return found;
  }

  /** Records that the knowledge base says otherwise about a path than the tree (the tree wins). */
  disagreement(p: string, kbSays: 'missing' | 'available', target: string): void {
    if (this.disagreements.has(p)) return;
    this.disagreements.set(p, kbSays);
    this.onDisagreement?.(p, kbSays, target);
  }

  /**
   * Whether the tree's sources are complete enough to decide availability: its kernel crate has the `prelude` module
   * every real kernel crate has. A stand-in tree (a `lib.rs` that marks a folder as a kernel tree, a partial copy)
   * answers hover and go-to-definition for what it holds, and leaves availability to the knowledge base.
   */
  get decides(): boolean {
    return this.surface.crates.get('kernel')?.items.has('prelude') ?? false;
  }

  /** This tree, when it decides availability for `release` (it decides at all, and is of that release's stable line). */
  decidingFor(release: string): TreeApi | undefined {
    return this.decides && sameLine(this.release, release) ? this : undefined;
  }

  /** Whether the tree has the item at `p` (a macro ends in `!`); always `unknown` for a tree that does not decide. */
  presence(p: string): Presence {
    if (!this.decides) return 'unknown';
    let known = this.presences.get(p);
    if (known === undefined) {
      known = this.computePresence(p);
      if (this.presences.size >= MEMO_LIMIT) this.presences.clear();
      this.presences.set(p, known);
    }
    return known;
  }

  /**
   * The first segment of a path the tree surely lacks, checking prefixes from `startAt` (a segment count, at least 2);
   * undefined when every prefix is there or the tree cannot tell.
   */
  firstAbsent(full: readonly string[], macro: boolean, startAt = 2): number | undefined {
    let prefix = full.slice(0, Math.max(1, startAt - 1)).join('::');
    for (let k = Math.max(2, startAt); k <= full.length; k++) {
      prefix = `${prefix}::${full[k - 1]}`;
      const p = prefix + (macro && k === full.length ? '!' : '');
      const state = this.presence(p);
      if (state === 'absent') return k - 1;
      if (state === 'unknown') return undefined;
    }
    return undefined;
  }

  private computePresence(p: string): Presence {
    if (this.defsOf(p).length) return 'present';
    const macro = p.endsWith('!');
    const segs = (macro ? p.slice(0, -1) : p).split('::');
    if (segs.length < 2 || segs.some((s) => s === '')) return 'unknown';
    const name = segs[segs.length - 1];
    // Sources the tree holds but does not build as configured here (a file no `mod` declares, like 6.18's usb.rs)
    // may be built by another configuration or patch: what they would define is not surely absent.
    if (this.inStrayFile(segs, macro ? name : undefined)) return 'unknown';
    const parents = this.defsOf(segs.slice(0, -1).join('::'));
    if (!parents.length) return this.presence(segs.slice(0, -1).join('::')) === 'absent' ? 'absent' : 'unknown';
    // Only a module's names are all written down; a type's members may come from impls anywhere, derives, macros.
    for (const d of parents) {
      if (!d.module || d.kind === 'external') return 'unknown';
      if (this.isOpaque(d.module, new Set())) return 'unknown';
      if (this.surface.cfgDropped.get(d.module)?.has(name)) return 'unknown';
      // A `use` that binds the name but could not be followed still binds it.
      if (d.module.uses.some((u) => u.binding === name)) return 'unknown';
    }
    return 'absent';
  }

  /** Whether a path lies in a source file of the crates that no `mod` declares, or (for a macro) one of them defines it. */
  private inStrayFile(segs: readonly string[], macro: string | undefined): boolean {
    const stray = this.strayFiles();
    for (let n = 2; n <= segs.length; n++) if (stray.modules.has(segs.slice(0, n).join('::'))) return true;
    if (macro === undefined || !stray.files.length) return false;
    const defines = new RegExp(`macro_rules!\\s*${macro}\\b`);
    return stray.files.some((f) => {
      let text = this.strayText.get(f);
      if (text === undefined) {
        try {
          text = fs.readFileSync(f, 'utf8');
        } catch {
          text = '';
        }
        this.strayText.set(f, text);
      }
      return defines.test(text);
    });
  }

  private stray: { modules: Set<string>; files: string[] } | undefined;
  private readonly strayText = new Map<string, string>();

  /** The crates' source files the surface did not read, and the module paths their place gives them. */
  private strayFiles(): { modules: Set<string>; files: string[] } {
    if (this.stray) return this.stray;
    const modules = new Set<string>();
    const files: string[] = [];
    for (const { dir } of CRATE_DIRS) {
      for (const file of rustFilesUnder(path.join(this.root, dir), 5000)) {
        if (this.surface.readFiles.has(path.relative(this.root, file).replace(/\\/g, '/'))) continue;
        files.push(file);
        const m = this.modulePathOf(file);
        if (m) modules.add(m);
      }
    }
    this.stray = { modules, files };
    return this.stray;
  }

  /** A module whose names cannot all be known: one the surface could not read fully, or one that glob-imports such. */
  private isOpaque(scope: Scope, seen: Set<Scope>): boolean {
    const known = this.opaqueScopes.get(scope);
    if (known !== undefined) return known;
    if (seen.has(scope)) return false;
    seen.add(scope);
    let opaque = this.surface.opaque.has(scope);
    for (const g of scope.globs) {
      if (opaque) break;
      const targets = this.surface.resolvePath(g.segments, g.scope, 'type', false);
      if (!targets.length) opaque = true;
      for (const t of targets) {
        if (t.kind === 'external') opaque = true;
        else if (t.module && this.isOpaque(t.module, seen)) opaque = true;
      }
    }
    this.opaqueScopes.set(scope, opaque);
    return opaque;
  }

  /** What hover and go-to-definition show for the item at `p`, when the tree has one. */
  item(p: string, prefer?: Namespace): TreeItem | undefined {
    const key = `${prefer ?? ''}|${p}`;
    if (this.items.has(key)) return this.items.get(key);
    const defs = this.defsOf(p);
    const d = pickDef(prefer ? defs.filter((x) => x.ns === prefer) : defs) ?? pickDef(defs);
    const found = d ? this.describe(p, d) : undefined;
    if (this.items.size >= MEMO_LIMIT) this.items.clear();
    this.items.set(key, found);
    return found;
  }

  /** The tree's own definition of a knowledge-base item, by its path or an alias; a prelude name is looked up where
   *  the kernel or pin-init crate defines it. */
  kbItem(item: KbItem): TreeItem | undefined {
    if (this.kbItems.has(item)) return this.kbItems.get(item);
    const found = this.findKbItem(item);
    this.kbItems.set(item, found);
    return found;
  }

  private findKbItem(item: KbItem): TreeItem | undefined {
    const names = [item.path, ...(item.aliases ?? [])];
    const prelude = /^kernel::prelude::(.+)$/.exec(item.path);
    if (prelude) names.push(`kernel::${prelude[1]}`, `pin_init::${prelude[1]}`);
    for (const p of names) {
      let found: Def[];
      try {
        found = lookupKbPath(this.surface, p, false, item.kind === 'syntax' ? undefined : item.kind);
      } catch {
        found = [];
      }
      const d = pickDef(found);
      if (d) return this.describe(p, d);
    }
    return undefined;
  }

  /** The names directly under a module or type path (completion), with their kinds. */
  children(p: string): { name: string; kind: DefKind }[] {
    const out = new Map<string, DefKind>();
    for (const d of this.defsOf(p)) {
      const scope = d.module;
      if (scope) {
        for (const [name, list] of scope.items) if (list.some((x) => x.public)) out.set(list[0].ns === 'macro' ? `${name}!` : name, list[0].kind);
        for (const u of scope.uses) {
          if (!u.public) continue;
          for (const d of this.surface.resolvePath(u.segments, u.scope, undefined, false)) {
            const name = d.ns === 'macro' && d.kind === 'macro' ? `${u.binding}!` : u.binding;
            if (!out.has(name)) out.set(name, d.kind);
          }
        }
      } else for (const [name, list] of d.members) if (list.some((x) => x.public)) out.set(name, list[0].kind);
    }
    return [...out].map(([name, kind]) => ({ name, kind }));
  }

  /** The module path of a file of the tree's crates (`rust/kernel/sync/lock.rs` → `kernel::sync::lock`), else undefined. */
  modulePathOf(file: string): string | undefined {
    const rel = path.relative(this.root, file).replace(/\\/g, '/');
    const at = CRATE_DIRS.find(({ dir }) => rel.startsWith(`${dir}/`) && rel.endsWith('.rs'));
    return at ? modulePathOf(file, path.join(this.root, at.dir), at.crate) : undefined;
  }

  private describe(p: string, d: Def): TreeItem {
    const file = path.join(this.root, d.file);
    const line = Math.max(0, d.line - 1);
    if (d.expanded) return { path: p, kind: d.kind, signature: tidyTokens(d.kind === 'const' || d.kind === 'static' ? d.expanded.signature.replace(/\s=\s[\s\S]*$/, '') : d.expanded.signature), docs: d.expanded.docs || undefined, file, line, character: 0, viaMacro: d.viaMacro };
    // A `macro_rules!` is indexed as `name!`, a proc macro as the function that implements it.
    const hit = this.itemsAt(file).get(line)?.find((i) => i.path.endsWith(`::${d.name}`) || i.path.endsWith(`::${d.name}!`));
    // A proc macro is shown the way it is used, not as the function that implements it.
    const usage = d.kind === 'attribute' ? `#[${d.name}]` : d.kind === 'derive' ? `#[derive(${d.name})]` : d.kind === 'macro' && hit && !hit.path.endsWith('!') ? `${d.name}!(…)` : undefined;
    if (hit) return { path: p, kind: d.kind, signature: usage ?? hit.signature, docs: hit.docs || undefined, file, line, character: hit.character };
    return { path: p, kind: d.kind, file, line, character: 0, viaMacro: d.viaMacro };
  }

  /** The public items of one file by line, read the first time a hover asks about the file. */
  private itemsAt(file: string): Map<number, IndexedItem[]> {
    let byLine = this.fileItems.get(file);
    if (byLine) return byLine;
    byLine = new Map();
    this.fileItems.set(file, byLine);
    if (!this.parser) return byLine;
    let text: string;
    try {
      text = fs.readFileSync(file, 'utf8');
    } catch {
      return byLine;
    }
    const tree = parseWithLimit(this.parser, text);
    if (!tree) return byLine;
    try {
      const modulePath = this.modulePathOf(file) ?? 'crate';
      for (const it of indexFile(tree.rootNode, file, modulePath, modulePath.split('::')[0], true)) {
        const list = byLine.get(it.line);
        if (list) list.push(it);
        else byLine.set(it.line, [it]);
      }
    } finally {
      tree.delete();
    }
    return byLine;
  }
}

/** Of the definitions a path names, the one to show: a public one before a private one of the same name (the
 *  `vtable` attribute before the `mod vtable` implementing it), and never an external re-export. */
function pickDef(defs: readonly Def[]): Def | undefined {
  const own = defs.filter((d) => d.kind !== 'external');
  return own.find((d) => d.public) ?? own[0];
}

/** A signature read back from macro tokens (`super :: Error`) spelled the way people write it. */
function tidyTokens(sig: string): string {
  return sig
    .replace(/\s*::\s*/g, '::')
    .replace(/\s+:(?!:)/g, ':')
    .replace(/([(\[])\s+/g, '$1')
    .replace(/\s+([)\],.;])/g, '$1')
    .replace(/\s*([<>])\s*(?=[\w&'(])/g, '$1')
    .replace(/\s*->\s*/g, ' -> ');
}
