/** Shapes of the kernel knowledge base: versioned facts about the kernel Rust API, kept as plain data. */

/** A kernel release such as "6.15". Compare them only through `kb/version.ts`. */
export type Release = string;

/** What sort of thing a knowledge-base entry describes. */
export type ItemKind =
  | 'module'
  | 'struct'
  | 'enum'
  | 'variant'
  | 'union'
  | 'trait'
  | 'fn'
  | 'method'
  | 'assoc-type'
  | 'const'
  | 'type-alias'
  | 'macro'
  | 'attribute'
  | 'derive'
  | 'syntax';

/** One signature valid over a half-open release range [since, until). Omitted bounds mean "the item's own". */
export interface SignatureEra {
  since?: Release;
  until?: Release;
  /** Rust-like signature text, as a developer would write it; several forms (macro arms, impls) one per line. */
  text: string;
}

/** A dated change to an item that did not remove it. */
export interface ItemChange {
  version: Release;
  /** One sentence, our own words. */
  note: string;
}

/** One kernel API item (or module, or macro syntax) and its history. */
export interface KbItem {
  /** Canonical path, e.g. `kernel::sync::Mutex`, `kernel::time::hrtimer::HrTimer::new`, `pin_init::pin_init!`.
   *  Macros end in `!`; attributes are written `#[pin_data]`-style as `pin_init::#[pin_data]`; macro-syntax
   *  entries use `syntax::<name>`. */
  path: string;
  /** Other paths that name the same item over the same releases (re-exports, the prelude, `kernel::sync::lock::Mutex`). */
  aliases?: readonly string[];
  kind: ItemKind;
  /** First release that has it (inclusive). "6.1" means present since the first Rust-enabled release. */
  since: Release;
  /** First release that no longer has it (exclusive). */
  until?: Release;
  /** Path of the entry that replaces it at `until`. Must resolve at `until`. */
  replacement?: string;
  /** Signatures by release range; at least one for items that have a signature. */
  signatures?: readonly SignatureEra[];
  /** Changes that did not remove it (renamed argument, new parameter, changed bound). */
  changes?: readonly ItemChange[];
  /** What it is and how to use it correctly, in our own words (Markdown). */
  docs: string;
  /** Docs that differ by release (how to call it changed): the era covering the target replaces `docs` in hovers,
   *  so a 6.15 hover describes the 6.15 form only. Before the first era the first applies, after the last the
   *  last; `docs` stays the text that covers every release (completion and the docs pages show it). */
  docsByRelease?: readonly SignatureEra[];
  /** Link to the official kernel Rust docs. */
  link: string;
  /** Set when a fact could not be checked exactly against the sources; `note` then says what is known. */
  confidence?: 'uncertain';
  /** Which facts are uncertain when `confidence` is set; all of them when omitted. */
  uncertainAbout?: readonly ('since' | 'until' | 'signatures')[];
  /** With an uncertain `since`: the newest release read and found WITHOUT the item, so targets up to it surely lack it. */
  knownAbsentIn?: Release;
  /** With an uncertain `until`: the oldest release read and found WITHOUT the item, so targets from it on surely lack it
   *  (e.g. present in 7.0, absent in 7.2, 7.1 unread: `until: '7.1'`, `knownRemovedBy: '7.2'`). */
  knownRemovedBy?: Release;
  /** Stable lines whose later point releases dropped the item although their first release had it (a removal
   *  carried back with a backport): `6.12.40` means 6.12.40 and later lack it; a bare `6.12` means some later point
   *  does, which one is not known (those targets stay unsure). */
  removedInStable?: readonly Release[];
  /** Stable lines that carry the item although their first release did not: `6.15.3` means 6.15.3 and later 6.15.y
   *  have it; a bare `6.12` means some later 6.12.y has it, which point is not known (those targets stay unsure). */
  backportedTo?: readonly Release[];
  /** Where the facts come from and what is known beyond them. */
  note?: string;
}
