/**
 * Version-gated snippets: loads `snippets/*.json`, checks every entry, and offers the ones whose kernel range
 * holds the target as LSP completion items (with the `use` lines they need added at the top of the file).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import {
  CompletionItemKind,
  InsertTextFormat,
  InsertTextMode,
  MarkupKind,
  type CompletionItem,
  type TextEdit,
} from 'vscode-languageserver';
import type { Node } from 'web-tree-sitter';
import { partOfRange, type TargetRange } from '../core/target-range';
import { compareReleases, inRange, isKnownRelease, releasesIn } from '../kb/version';
import type { CompletionProvider } from './completion';
import type { CompletionRequestContext } from './completion-context';
import { scopeOf } from '../semantics/scope';

/** Where a snippet's body belongs: among items, inside an `impl` block, or among a function's statements. */
export type SnippetContext = 'item' | 'impl' | 'statement';

/** One snippet, as read and checked from a JSON file. */
export interface Snippet {
  /** The entry's key in its file. */
  name: string;
  /** The file it came from (`hrtimer.json`). */
  file: string;
  prefix: string;
  /** VS Code snippet syntax, lines joined with `\n`. */
  body: string;
  description: string;
  /** First release it is offered for (inclusive). */
  since: string;
  /** First release it is no longer offered for (exclusive). */
  until?: string;
  /** Knowledge-base paths the body relies on. */
  uses: readonly string[];
  /** Paths the body names without qualification and that are not in the prelude; added as `use` lines. */
  imports: readonly string[];
  context: SnippetContext;
}

/** Snippets read from disk and what was wrong with the rest. */
export interface LoadedSnippets {
  snippets: Snippet[];
  /** One sentence per file or entry that was skipped. */
  problems: string[];
}

const CONTEXTS: readonly SnippetContext[] = ['item', 'impl', 'statement'];
const PREFIX = /^[a-z][a-z0-9_]*$/;
const PATH = /^[A-Za-z_][A-Za-z0-9_]*(::[A-Za-z_][A-Za-z0-9_]*)+$/;

// ───────────────────────── snippet syntax ─────────────────────────

/** Expands VS Code snippet syntax with every placeholder at its default (first choice, empty tab stop). */
export function expandSnippet(body: string): string {
  const r = parseSnippet(body);
  if (!r.ok) throw new Error(r.error);
  return r.text;
}

/**
 * Parses snippet syntax (`$1`, `${1}`, `${1:default}` nested, `${1|a,b|}`, `\` escapes) and returns the text with
 * defaults filled in, or an error message. Variables (`$NAME`) are rejected: kernel snippets have no use for them.
 */
export function parseSnippet(body: string): { ok: true; text: string } | { ok: false; error: string } {
  let i = 0;
  const fail = (why: string): string => `${why} at offset ${i}`;
  const parse = (inPlaceholder: boolean): { text: string } | string => {
    let out = '';
    while (i < body.length) {
      const c = body[i];
      if (c === '\\' && i + 1 < body.length && '$}\\'.includes(body[i + 1])) {
        out += body[i + 1];
        i += 2;
        continue;
      }
      if (c === '}' && inPlaceholder) return { text: out };
      if (c !== '$') {
        out += c;
        i++;
        continue;
      }
      i++;
      const digits = /^\d+/.exec(body.slice(i));
      if (digits) {
        i += digits[0].length;
        continue;
      }
      if (body[i] !== '{') return fail('`$` must start a tab stop (write `\\$` for a dollar sign)');
      i++;
      const num = /^\d+/.exec(body.slice(i));
      if (!num) return fail('only numbered tab stops are supported');
      i += num[0].length;
      if (body[i] === '}') {
        i++;
        continue;
      }
      if (body[i] === ':') {
        i++;
        const inner = parse(true);
        if (typeof inner === 'string') return inner;
        if (body[i] !== '}') return fail('unclosed placeholder');
        i++;
        out += inner.text;
        continue;
      }
      if (body[i] === '|') {
        const end = body.indexOf('|}', i + 1);
        if (end < 0) return fail('unclosed choice');
        const first = body.slice(i + 1, end).split(',')[0];
        out += first;
        i = end + 2;
        continue;
      }
      return fail('malformed tab stop');
    }
    return inPlaceholder ? fail('unclosed placeholder') : { text: out };
  };
  const r = parse(false);
  return typeof r === 'string' ? { ok: false, error: r } : { ok: true, text: r.text };
}

/** Escapes plain text for use inside a snippet body. */
export function escapeSnippetText(text: string): string {
  return text.replace(/[\\$}]/g, (c) => `\\${c}`);
}

// ───────────────────────── loading and validation ─────────────────────────

function problemsOf(name: string, raw: Record<string, unknown>): string[] {
  const out: string[] = [];
  const str = (v: unknown): v is string => typeof v === 'string' && v.trim().length > 0;
  const strList = (v: unknown): v is string[] => Array.isArray(v) && v.every(str);
  if (!str(raw.prefix) || !PREFIX.test(raw.prefix)) out.push('`prefix` must be a lower-case identifier');
  const lines = Array.isArray(raw.body) && raw.body.length > 0 && raw.body.every((l) => typeof l === 'string');
  if (!(str(raw.body) || lines)) out.push('`body` must be a string or a non-empty list of lines');
  if (!str(raw.description)) out.push('`description` is missing');
  if (!str(raw.since) || !isKnownRelease(raw.since)) out.push('`since` must be a known release such as "6.15"');
  if (raw.until !== undefined) {
    if (!str(raw.until) || !isKnownRelease(raw.until)) out.push('`until` must be a known release');
    else if (str(raw.since) && isKnownRelease(raw.since) && compareReleases(raw.since, raw.until) >= 0) out.push('`until` must be after `since`');
  }
  if (!strList(raw.uses) || raw.uses.length === 0) out.push('`uses` must list the knowledge-base paths the snippet relies on');
  if (raw.imports !== undefined && !(strList(raw.imports) && raw.imports.every((p) => PATH.test(p)))) out.push('`imports` must be a list of paths like `kernel::sync::Mutex`');
  if (!CONTEXTS.includes(raw.context as SnippetContext)) out.push(`\`context\` must be one of ${CONTEXTS.join(', ')}`);
  if (out.length === 0) {
    const body = Array.isArray(raw.body) ? raw.body.join('\n') : String(raw.body);
    const parsed = parseSnippet(body);
    if (!parsed.ok) out.push(`\`body\` is not valid snippet syntax: ${parsed.error}`);
  }
  return out.map((p) => `snippet "${name}": ${p}`);
}

/** Reads one snippet file's text; problems name the file. */
export function readSnippetFile(file: string, text: string): LoadedSnippets {
  const snippets: Snippet[] = [];
  const problems: string[] = [];
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    return { snippets, problems: [`snippets/${file} is not valid JSON (${error instanceof Error ? error.message : String(error)}); skipped`] };
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    return { snippets, problems: [`snippets/${file} must hold an object of named snippets; skipped`] };
  }
  for (const [name, value] of Object.entries(data as Record<string, unknown>)) {
    if (name.startsWith('$')) continue; // "$comment" and similar keys
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      problems.push(`snippets/${file}: snippet "${name}" is not an object; skipped`);
      continue;
    }
    const raw = value as Record<string, unknown>;
    const wrong = problemsOf(name, raw);
    if (wrong.length) {
      problems.push(...wrong.map((w) => `snippets/${file}: ${w}; skipped`));
      continue;
    }
    snippets.push({
      name,
      file,
      prefix: raw.prefix as string,
      body: Array.isArray(raw.body) ? (raw.body as string[]).join('\n') : (raw.body as string),
      description: raw.description as string,
      since: raw.since as string,
      until: raw.until as string | undefined,
      uses: raw.uses as string[],
      imports: (raw.imports as string[] | undefined) ?? [],
      context: raw.context as SnippetContext,
    });
  }
  return { snippets, problems };
}

/** The snippets folder next to the bundle (`dist/../snippets`) or the sources (`server/src/features/../../../snippets`). */
export function findSnippetsDir(): string | undefined {
  const candidates = [path.join(__dirname, '..', 'snippets'), path.join(__dirname, '..', '..', '..', 'snippets')];
  return candidates.find((d) => {
    try {
      return fs.statSync(d).isDirectory() && fs.readdirSync(d).some((f) => f.endsWith('.json'));
    } catch {
      return false;
    }
  });
}

/** Loads every `*.json` in the folder, skipping (and describing) bad files and entries; never throws. */
export function loadSnippets(dir: string | undefined = findSnippetsDir()): LoadedSnippets {
  if (!dir) return { snippets: [], problems: ['no snippets folder found next to the server; snippets are off'] };
  const out: LoadedSnippets = { snippets: [], problems: [] };
  let files: string[];
  try {
    files = fs.readdirSync(dir).filter((f) => f.endsWith('.json')).sort();
  } catch (error) {
    return { snippets: [], problems: [`cannot read the snippets folder ${dir}: ${String(error)}`] };
  }
  for (const file of files) {
    let text: string;
    try {
      text = fs.readFileSync(path.join(dir, file), 'utf8');
    } catch (error) {
      out.problems.push(`cannot read snippets/${file}: ${String(error)}; skipped`);
      continue;
    }
    const one = readSnippetFile(file, text);
    out.snippets.push(...one.snippets);
    out.problems.push(...one.problems);
  }
  return out;
}

// ───────────────────────── completion ─────────────────────────

/** "Linux 6.15", "Linux 6.15–6.16" or "Linux 6.18+", from a half-open range. */
export function rangeLabel(since: string, until?: string): string {
  if (until === undefined) return `Linux ${since}+`;
  const within = releasesIn(since, until);
  const last = within[within.length - 1] ?? since;
  return last === since ? `Linux ${since}` : `Linux ${since}–${last}`;
}

/** True when `word` matches `label` the way editors filter: in order, starting at the label's start or after `_`. */
export function prefixMatches(word: string, label: string): boolean {
  const w = word.toLowerCase().replace(/!/g, '');
  if (w.length === 0) return true;
  for (let s = 0; s < label.length; s++) {
    if ((s > 0 && label[s - 1] !== '_') || label[s] !== w[0]) continue;
    let k = 1;
    for (let j = s + 1; j < label.length && k < w.length; j++) if (label[j] === w[k]) k++;
    if (k === w.length) return true;
  }
  return false;
}

/** `use` lines for the paths, grouped by module (`use kernel::sync::{Arc, Mutex};`). */
export function useLines(paths: readonly string[]): string[] {
  const byModule = new Map<string, string[]>();
  for (const p of paths) {
    const i = p.lastIndexOf('::');
    const list = byModule.get(p.slice(0, i)) ?? [];
    list.push(p.slice(i + 2));
    byModule.set(p.slice(0, i), list);
  }
  return [...byModule.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([m, names]) => (names.length === 1 ? `use ${m}::${names[0]};` : `use ${m}::{${[...new Set(names)].sort().join(', ')}};`));
}

const TOP_SKIP = new Set(['line_comment', 'block_comment', 'inner_attribute_item']);

/** What the file already imports, and the line where new `use` lines go. */
interface ImportSite {
  has(path: string): boolean;
  line: number;
  /** True when the lines go before the first item (no `use` yet), so a blank line should follow them. */
  blankAfter: boolean;
  /** The file's plain top-level `use` declarations of one module each, where new names of that module can join. */
  groups: readonly UseGroup[];
}

/** A top-level `use module::Name;` or `use module::{A, B};` (not `pub`, no nested group). */
interface UseGroup {
  module: string;
  node: Node;
}

const SIMPLE_USE = /^use\s+((?:[A-Za-z_][A-Za-z0-9_]*::)*[A-Za-z_][A-Za-z0-9_]*)::(?:([A-Za-z_][A-Za-z0-9_]*)|\{([^{}]*)\})\s*;$/;

/** The entries of a group's braces, split at commas (`Arc, Mutex as M,` → ["Arc", "Mutex as M"]). */
function groupEntries(inner: string): string[] {
  return inner.split(',').map((e) => e.trim()).filter(Boolean);
}

/** Edits that add `names` to an existing `use` of their module: `use m::A;` becomes `use m::{A, B};`, a one-line group
 *  gets the names in order, and a group spread over lines (as rustfmt writes long ones) gets one line per name. */
export function mergeIntoUse(text: string, startLine: number, startCol: number, names: readonly string[]): { start: { line: number; character: number }; end: { line: number; character: number }; newText: string } | undefined {
  const m = SIMPLE_USE.exec(text);
  if (!m) return undefined;
  const lines = text.split('\n');
  const end = { line: startLine + lines.length - 1, character: (lines.length === 1 ? startCol : 0) + lines[lines.length - 1].length };
  const start = { line: startLine, character: startCol };
  const existing = m[2] ? [m[2]] : groupEntries(m[3] ?? '');
  const fresh = names.filter((n) => !existing.some((e) => e === n || e.startsWith(`${n} `)));
  if (fresh.length === 0) return { start, end, newText: text };
  if (lines.length > 1 && m[3] !== undefined) {
    const indent = /^\s*/.exec(lines.find((l, i) => i > 0 && l.trim() && !l.trim().startsWith('}')) ?? '    ')?.[0] ?? '    ';
    const body = lines.slice(1, -1).filter((l) => l.trim());
    const head = lines[0];
    const kept = body.map((l, i) => (i === body.length - 1 && !l.trimEnd().endsWith(',') ? `${l.trimEnd()},` : l));
    const added = fresh.map((n) => `${indent}${n},`);
    return { start, end, newText: [head, ...kept, ...added, lines[lines.length - 1]].join('\n') };
  }
  const sorted = existing.every((e, i) => i === 0 || existing[i - 1].localeCompare(e) <= 0);
  const all = sorted ? [...existing, ...fresh].sort((a, b) => (a === 'self' ? -1 : b === 'self' ? 1 : a.localeCompare(b))) : [...existing, ...fresh];
  return { start, end, newText: `use ${m[1]}::{${all.join(', ')}};` };
}

function importSite(root: Node): ImportSite {
  const scope = scopeOf(root.tree);
  const has = (p: string): boolean => {
    const i = p.lastIndexOf('::');
    const name = p.slice(i + 2);
    // A name already bound (to this path or another) must not be imported again: that would not compile.
    return scope.imports.has(name) || scope.locals.has(name) || scope.locals.has(`${name}!`) || scope.globs.includes(p.slice(0, i));
  };
  let lastUse: Node | undefined;
  let firstItem: Node | undefined;
  const groups: UseGroup[] = [];
  for (const child of root.namedChildren) {
    if (!child) continue;
    if (child.type === 'use_declaration') {
      lastUse = child;
      const m = SIMPLE_USE.exec(child.text);
      if (m && !child.hasError) groups.push({ module: m[1], node: child });
    } else if (!firstItem && !TOP_SKIP.has(child.type)) firstItem = child;
  }
  if (lastUse) return { has, line: lastUse.endPosition.row + 1, blankAfter: false, groups };
  if (firstItem) return { has, line: firstItem.startPosition.row, blankAfter: true, groups };
  return { has, line: root.endPosition.row + (root.endPosition.column > 0 ? 1 : 0), blankAfter: false, groups };
}

/** The releases of a target range a snippet's body builds on; undefined when it builds on all of them. */
export function snippetFit(s: Snippet, range: TargetRange): Set<string> | undefined {
  const fits = new Set(range.releases.filter((r) => inRange(r, s.since, s.until)));
  return fits.size === range.releases.length ? undefined : fits;
}

/** Markdown shown next to the item: what it is for, where it applies, what it uses, and a preview. */
function documentation(s: Snippet, part?: string): string {
  const parts = [
    ...(part ? [`**Fits only ${part}**: the other releases of the range do not build this body (the diagnostics will say where).`] : []),
    s.description,
    `**${rangeLabel(s.since, s.until)}** — offered only for targets in this range.`,
    `Uses: ${s.uses.map((u) => `\`${u}\``).join(', ')}.`,
  ];
  if (s.imports.length) parts.push(`Adds, when missing: ${useLines(s.imports).map((l) => `\`${l}\``).join(' ')}`);
  parts.push('```rust\n' + expandSnippet(s.body) + '\n```');
  return parts.join('\n\n');
}

/** The completion items for one request: every in-range snippet the typed word matches, outside comments and strings. */
export function snippetItems(snippets: readonly Snippet[], ctx: CompletionRequestContext): CompletionItem[] {
  if (ctx.inCommentOrString) return [];
  const start = ctx.offset - ctx.prefix.length;
  const before = ctx.text.slice(Math.max(0, start - 2), start);
  // After `.`, `::` or `'` the user is naming a member, a path segment or a lifetime, not writing code.
  if (/(\.|::|')$/.test(before)) return [];
  for (let n: Node | null = ctx.node; n; n = n.parent) if (n.type === 'use_declaration' || n.type === 'attribute_item') return [];
  // With a range of targets, a snippet whose body builds on only part of the range is still offered (a driver for
  // several kernels needs both eras' forms, e.g. under `#[cfg]`), but says which part it fits and sorts after the
  // snippets that fit the whole range; one that fits none of it is not offered.
  const range = ctx.range;
  const inTarget = (s: Snippet): boolean => (range ? range.releases.some((r) => inRange(r, s.since, s.until)) : inRange(ctx.target, s.since, s.until));
  const chosen = snippets.filter((s) => inTarget(s) && prefixMatches(ctx.prefix, s.prefix));
  if (chosen.length === 0) return [];
  const replaced = { start: { line: ctx.line, character: ctx.character - ctx.prefix.length }, end: { line: ctx.line, character: ctx.character } };
  const site = importSite(ctx.tree.rootNode);
  return chosen.map((s) => {
    let paths = s.imports.filter((p) => !site.has(p));
    const { line, blankAfter } = site;
    let body = s.body;
    const additionalTextEdits: TextEdit[] = [];
    // Names whose module the file already imports from join that `use` instead of getting a line of their own.
    for (const group of site.groups) {
      const names = paths.filter((p) => p.slice(0, p.lastIndexOf('::')) === group.module).map((p) => p.slice(p.lastIndexOf('::') + 2));
      if (names.length === 0 || group.node.startPosition.row === ctx.line) continue;
      const edit = mergeIntoUse(group.node.text, group.node.startPosition.row, group.node.startPosition.column, names);
      if (!edit) continue;
      additionalTextEdits.push({ range: { start: edit.start, end: edit.end }, newText: edit.newText });
      paths = paths.filter((p) => p.slice(0, p.lastIndexOf('::')) !== group.module);
    }
    if (paths.length) {
      const lines = useLines(paths);
      if (line < ctx.line) {
        const at = { line, character: 0 };
        additionalTextEdits.push({ range: { start: at, end: at }, newText: lines.join('\n') + '\n' + (blankAfter ? '\n' : '') });
      } else {
        body = lines.map(escapeSnippetText).join('\n') + '\n\n' + body;
      }
    }
    const fit = range ? snippetFit(s, range) : undefined;
    const part = range && fit ? partOfRange(range, fit) : undefined;
    const where = part ? `${rangeLabel(s.since, s.until)}; only ${part}` : rangeLabel(s.since, s.until);
    return {
      label: s.prefix,
      labelDetails: { description: part ? `${rangeLabel(s.since, s.until)} · part of range` : rangeLabel(s.since, s.until) },
      kind: CompletionItemKind.Snippet,
      // One short line, as native snippets have: the snippet's title (its range is said once, at the end); the
      // description, with its code spans, is in the documentation below.
      detail: `${s.name.replace(/\s*\([^()]*\)$/, '')} (${where})`,
      documentation: { kind: MarkupKind.Markdown, value: documentation(s, part) },
      filterText: s.prefix,
      sortText: `${part ? '~~' : '~'}${s.prefix}`,
      insertTextFormat: InsertTextFormat.Snippet,
      insertTextMode: InsertTextMode.adjustIndentation,
      textEdit: { range: replaced, newText: body },
      additionalTextEdits: additionalTextEdits.length ? additionalTextEdits : undefined,
    };
  });
}

/** The snippet completion provider, loading the data once; bad files are reported through `log` and skipped. */
export function snippetProvider(log: (message: string) => void, dir?: string): CompletionProvider {
  const loaded = loadSnippets(dir ?? findSnippetsDir());
  for (const p of loaded.problems) log(`Kernel Rust snippets: ${p}`);
  return { name: 'snippets', provide: (ctx) => snippetItems(loaded.snippets, ctx) };
}
