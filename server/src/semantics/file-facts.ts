/**
 * What the rules know about the file under analysis: each fact is defined here once, computed on first use and kept
 * for one run of the engine over one tree (then dropped with the run, so no node outlives its tree). Rules read
 * `ctx.scope`, `ctx.initMacros`, … instead of computing these themselves; values a rule family shares that are not
 * facts about the file (a gate's findings) go through `memo`.
 */
import type { Node } from 'web-tree-sitter';
import { initMacros, structDefinitions, type InitMacro, type StructDef } from '../syntax/macro-body';
import { callbackImpls, type CallbackImpl } from '../syntax/has-hr-timer-macro';
import { structureOf, type Structure } from '../syntax/structure';
import { fileScope, namesKernelItem } from './kernel-refs';
import { traitImpls, type TraitImpl } from './trait-impls';
import { type Scope } from './scope';

/** What an indexed kernel tree says about paths (analysis/tree-api.ts builds it from the tree's sources). */
export interface TreeAvailability {
  /** Differs for every index built (analysis caches keyed by it start over when the tree is indexed again). */
  readonly key: string;
  /** The release the tree's Makefile names ("7.3"). */
  readonly release: string;
  /** Whether the tree has the item at a path (a macro ends in `!`). */
  presence(path: string): 'present' | 'absent' | 'unknown';
  /** The index of the first segment the tree surely lacks, checking prefixes of at least `startAt` segments. */
  firstAbsent(full: readonly string[], macro: boolean, startAt?: number): number | undefined;
  /** Told when the tree and the knowledge base disagree about a path; the tree's answer is the one used. */
  disagreement?(path: string, kbSays: 'missing' | 'available', target: string): void;
}

/** The per-run facts of one file. */
export interface FileFacts {
  readonly root: Node;
  readonly text: string;
  /** The kernel release being checked against, e.g. "6.15". */
  readonly target: string;
  /** Path of the file being checked, when known (for crate-relative paths). */
  readonly filePath?: string;
  /** The user's kernel tree, when one at the target's release is indexed: it decides what the target has. */
  readonly tree?: TreeAvailability;
  /** The file's imports and local items, resolved against the knowledge base. */
  readonly scope: Scope;
  /** The file's shared structure: its items, macro calls, attributes and paths, found from the text. */
  readonly structure: Structure;
  /** Every pin-init macro call (`pin_init!`, `try_init!`, …) of the file. */
  readonly initMacros: InitMacro[];
  /** The file's struct definitions by name. */
  readonly structs: Map<string, StructDef[]>;
  /** The file's impls of a trait named by its last segment (`Drop`, `PinnedDrop`), whatever path names it. */
  traitImpls(lastSegment: string): TraitImpl[];
  /** The file's impls of the kernel trait `path`, the trait resolved through the file's imports at the target. */
  kernelTraitImpls(path: string): CallbackImpl[];
  /** Computes a value once per run and shares it between the rules that ask for it under `key`. */
  memo<T>(key: string, compute: () => T): T;
}

/**
 * Facts for one run over `root`; nothing is computed until a rule asks for it. A class, so every run's facts share
 * one object shape: the rules read them on hot paths, and objects of many shapes would slow every read.
 */
class RunFacts implements FileFacts {
  private scopeValue: Scope | undefined;
  private initMacrosValue: InitMacro[] | undefined;
  private structsValue: Map<string, StructDef[]> | undefined;
  private readonly memos = new Map<string, unknown>();

  constructor(
    readonly root: Node,
    readonly text: string,
    readonly target: string,
    readonly filePath: string | undefined,
    readonly tree: TreeAvailability | undefined,
  ) {}

  get scope(): Scope {
    return (this.scopeValue ??= fileScope(this.root, this.filePath));
  }

  get structure(): Structure {
    return structureOf(this.root);
  }

  get initMacros(): InitMacro[] {
    return (this.initMacrosValue ??= initMacros(this.root));
  }

  get structs(): Map<string, StructDef[]> {
    return (this.structsValue ??= structDefinitions(this.root));
  }

  traitImpls(lastSegment: string): TraitImpl[] {
    return this.memo(`trait-impls:${lastSegment}`, () => traitImpls(this.root, new Set([lastSegment])));
  }

  kernelTraitImpls(path: string): CallbackImpl[] {
    return this.memo(`kernel-trait-impls:${path}`, () => callbackImpls(this.root, (t) => namesKernelItem(t, this.scope, this.target, path)));
  }

  memo<T>(key: string, compute: () => T): T {
    if (!this.memos.has(key)) this.memos.set(key, compute());
    return this.memos.get(key) as T;
  }
}

/** Facts for one run over `root`; nothing is computed until a rule asks for it. */
export function fileFacts(root: Node, text: string, target: string, filePath?: string, tree?: TreeAvailability): FileFacts {
  return new RunFacts(root, text, target, filePath, tree);
}
