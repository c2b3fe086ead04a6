// The recall benchmark's core: mutation operators that each put one mistake of one rule's kind into a real kernel
// file, and a runner that checks every mutant in-process at the tree's own release and scores what the rules said.
//
// The operators are our own reading of the code, kept apart from the rules' own facts on purpose: a site counts
// whether or not the rules understand it. Each mutant records the rule that should fire, the lines where it should
// fire, and whether the mistake is visible from the file (the knowledge base and the file itself say the value is an
// initializer, the struct is in the file, …). The headline recall is over visible mutants; the others are listed.
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Node, Parser } from 'web-tree-sitter';
import { analyzeText } from '../server/src/analysis/analyze';
import { collectRustFiles } from '../server/src/core/files';
import { KernelTreeLocator, resolveTarget } from '../server/src/core/target';
import type { Finding, LintLevel } from '../server/src/core/types';
import { knowledgeBase, lastSegment, sureStatusAt } from '../server/src/kb';
import { compareReleases } from '../server/src/kb/version';
import { parseWithLimit } from '../server/src/parsing/language';

/** One mistake put into one file. Lines are 0-based and inclusive, in the mutant's text. */
export interface Mutant {
  rule: string;
  /** What the operator did, for the list of misses. */
  note: string;
  text: string;
  lines: [number, number];
  /** The file (with the knowledge base) shows the mistake; false when only a build would. */
  visible: boolean;
}

/** What an operator sees of one file. */
export interface FileContext {
  text: string;
  root: Node;
  release: string;
  /** Position of the file in its tree, to spread the version-gate operators over the knowledge base. */
  index: number;
  /** Path relative to the tree, `/`-separated. */
  rel: string;
}

/** An operator: the mutants of its kind that one file allows. */
export type Operator = (ctx: FileContext) => Mutant[];

// ───────────────────────── text helpers ─────────────────────────

function lineAt(text: string, offset: number): number {
  let n = 0;
  for (let i = 0; i < offset && i < text.length; i++) if (text.charCodeAt(i) === 10) n++;
  return n;
}

/** Replaces [from, to) with `by`; returns the text and a map from old offsets (outside the span) to new ones. */
function splice(text: string, from: number, to: number, by: string): { text: string; map: (offset: number) => number } {
  const delta = by.length - (to - from);
  return { text: text.slice(0, from) + by + text.slice(to), map: (o) => (o >= to ? o + delta : o) };
}

/** [from, to) widened to whole lines when nothing else is on them, so a removed attribute leaves no blank line. */
function wholeLines(text: string, from: number, to: number): [number, number] {
  const ls = text.lastIndexOf('\n', from - 1) + 1;
  let le = text.indexOf('\n', to);
  if (le < 0) le = text.length;
  if (text.slice(ls, from).trim() === '' && text.slice(to, le).trim() === '') return [ls, Math.min(text.length, le + 1)];
  let end = to;
  while (end < text.length && (text[end] === ' ' || text[end] === '\t')) end++;
  return [from, end];
}

function walkNodes(root: Node, visit: (n: Node) => boolean | void): void {
  const cursor = root.walk();
  let down = true;
  for (;;) {
    if (down && visit(cursor.currentNode) !== false && cursor.gotoFirstChild()) continue;
    if (cursor.gotoNextSibling()) {
      down = true;
      continue;
    }
    if (!cursor.gotoParent()) break;
    down = false;
  }
  cursor.delete();
}

/** Nodes of these types outside macro definitions. */
function nodesOf(root: Node, types: readonly string[]): Node[] {
  const out: Node[] = [];
  walkNodes(root, (n) => {
    if (n.type === 'macro_definition') return false;
    if (types.includes(n.type)) out.push(n);
    return true;
  });
  return out;
}

/** Attribute items written right before a node (its siblings), nearest last. */
function attributesOf(node: Node): Node[] {
  const out: Node[] = [];
  for (let p = node.previousNamedSibling; p; p = p.previousNamedSibling) {
    if (p.type === 'attribute_item') out.unshift(p);
    else if (p.type !== 'line_comment' && p.type !== 'block_comment') break;
  }
  return out;
}

function attrName(a: Node): string {
  return /^#\s*\[\s*([\w:]+)/.exec(a.text)?.[1].replace(/^.*::/, '') ?? '';
}

// ───────────────────────── what the file and the knowledge base say ─────────────────────────

/**
 * Names (last segment; `Owner::name` for methods; `name!` for macros) that the knowledge base says return an
 * initializer at the release: its signature there (`Devres::new` does in 6.18 and not from 7.0; `pin_init::zeroed`
 * stops in 6.17).
 */
function kbInitializers(release: string): Set<string> {
  const out = new Set<string>(['pin_init!', 'try_pin_init!', 'init!', 'try_init!']);
  const returnsInit = /->\s*impl\s+(Pin)?Init\b/;
  for (const item of knowledgeBase().items) {
    const st = item.signatures ? sureStatusAt(item, release) : undefined;
    if (st?.state !== 'available' || !st.signature || !returnsInit.test(st.signature.text)) continue;
    for (const p of [item.path, ...(item.aliases ?? [])]) {
      const parts = p.split('::');
      if (item.kind === 'method' && parts.length >= 2) out.add(parts.slice(-2).join('::'));
      else out.add(lastSegment(p));
    }
  }
  return out;
}

const kbInit = new Map<string, Set<string>>();

/** Function names of this file whose return type is `impl PinInit<…>`/`impl Init<…>`, with `Owner::name` for methods. */
function localInitializers(root: Node): Set<string> {
  const out = new Set<string>();
  for (const f of nodesOf(root, ['function_item'])) {
    const ret = f.childForFieldName('return_type')?.text ?? '';
    if (!/^impl\s+(Pin)?Init\b/.test(ret)) continue;
    const name = f.childForFieldName('name')?.text;
    if (!name) continue;
    out.add(name);
    const impl = enclosing(f, 'impl_item');
    const owner = impl ? typeName(impl.childForFieldName('type')) : undefined;
    if (owner) {
      out.add(`${owner}::${name}`);
      out.add(`Self::${name}`);
    }
  }
  return out;
}

function enclosing(n: Node, type: string): Node | undefined {
  for (let p = n.parent; p; p = p.parent) if (p.type === type) return p;
  return undefined;
}

function typeName(t: Node | null | undefined): string | undefined {
  if (!t) return undefined;
  const name = t.type === 'generic_type' ? t.childForFieldName('type')?.text : t.text;
  return name?.replace(/^.*::/, '');
}

/** Is this value text, as written, a call the knowledge base or the file says returns an initializer? */
function initializerCall(value: string, locals: ReadonlySet<string>, release: string): boolean {
  let known = kbInit.get(release);
  if (!known) kbInit.set(release, (known = kbInitializers(release)));
  const v = value.trim();
  const mac = /^(?:[\w]+::)*(\w+)\s*!/.exec(v);
  if (mac) return known.has(`${mac[1]}!`) || /^(new_\w+)$/.test(mac[1]) && known.has(`${mac[1]}!`);
  const call = /^((?:\w+(?:::<[^(]*?>)?::)*)(\w+)\s*(?:::<[^(]*>)?\s*\(/.exec(v);
  if (!call) return false;
  const owners = call[1].split('::').filter(Boolean).map((s) => s.replace(/<.*$/, ''));
  const owner = owners[owners.length - 1];
  const name = call[2];
  if (owner) return known.has(`${owner}::${name}`) || locals.has(`${owner}::${name}`);
  return locals.has(name) || known.has(name);
}

// ───────────────────────── init macro bodies, read as text ─────────────────────────

const INIT_MACROS = new Set(['pin_init', 'try_pin_init', 'init', 'try_init']);

interface Entry {
  name?: string;
  /** `<-`, `:` or '' (shorthand, tail, attribute). */
  op: string;
  start: number;
  end: number;
  opStart: number;
  opEnd: number;
  value: string;
  other: boolean;
}

interface InitCall {
  node: Node;
  macro: string;
  /** The struct the macro builds (`Self` resolved to the impl's type). */
  type?: string;
  braceOpen: number;
  braceClose: number;
  entries: Entry[];
  tail: boolean;
  /** Offset of `?` after the body, and the end of the error type. */
  errorFrom?: number;
  errorTo: number;
}

/** Matching close of the bracket at `open`, counting only ()[]{} outside strings and char literals. */
function closeOf(text: string, open: number, limit: number): number {
  let depth = 0;
  for (let i = open; i < limit; i++) {
    const c = text[i];
    if (c === '"') {
      for (i++; i < limit && text[i] !== '"'; i++) if (text[i] === '\\') i++;
      continue;
    }
    if (c === '/' && text[i + 1] === '/') {
      i = text.indexOf('\n', i);
      if (i < 0) return -1;
      continue;
    }
    if (c === '(' || c === '[' || c === '{') depth++;
    else if (c === ')' || c === ']' || c === '}') {
      depth--;
      if (depth === 0) return i;
    }
  }
  return -1;
}

function readEntries(text: string, from: number, to: number): Entry[] {
  const out: Entry[] = [];
  let start = from;
  let depth = 0;
  const flush = (end: number): void => {
    const raw = text.slice(start, end);
    const lead = raw.length - raw.trimStart().length;
    const s = start + lead;
    const e = start + raw.trimEnd().length;
    if (e > s) {
      const body = text.slice(s, e);
      const m = /^(?:r#)?([A-Za-z_]\w*)\s*(<-|:(?!:))\s*/.exec(body);
      if (m && !body.startsWith('#')) {
        const opStart = s + body.indexOf(m[2], m[1].length);
        out.push({ name: m[1], op: m[2], start: s, end: e, opStart, opEnd: opStart + m[2].length, value: body.slice(m[0].length), other: false });
      } else out.push({ name: /^[A-Za-z_]\w*$/.test(body) ? body : undefined, op: '', start: s, end: e, opStart: s, opEnd: s, value: '', other: !/^[A-Za-z_]\w*$/.test(body) });
    }
    start = end + 1;
  };
  for (let i = from; i < to; i++) {
    const c = text[i];
    if (c === '"') {
      for (i++; i < to && text[i] !== '"'; i++) if (text[i] === '\\') i++;
    } else if (c === '/' && text[i + 1] === '/') i = Math.max(i, text.indexOf('\n', i));
    else if (c === '(' || c === '[' || c === '{') depth++;
    else if (c === ')' || c === ']' || c === '}') depth--;
    else if (c === '<' && text[i - 1] === ':' && text[i - 2] === ':') depth++;
    else if (c === '>' && depth > 0 && text[i - 1] !== '-' && text[i - 1] !== '=') {
      // closes a turbofish only when one is open at this depth; cheap approximation: comparisons are rare in entries
      depth--;
    } else if (c === ',' && depth === 0) flush(i);
  }
  flush(to);
  return out;
}

function initCalls(ctx: FileContext): InitCall[] {
  const out: InitCall[] = [];
  for (const n of nodesOf(ctx.root, ['macro_invocation'])) {
    const macro = n.childForFieldName('macro')?.text.replace(/^.*::/, '') ?? '';
    if (!INIT_MACROS.has(macro)) continue;
    const args = n.namedChildren.find((c) => c?.type === 'token_tree');
    if (!args || args.text.includes('$')) continue;
    const t = ctx.text;
    const open = t.indexOf('{', args.startIndex + 1);
    if (open < 0 || open >= args.endIndex) continue;
    const head = t.slice(args.startIndex + 1, open).trim();
    if (/#\s*\[/.test(head)) continue;
    const close = closeOf(t, open, args.endIndex);
    if (close < 0) continue;
    let type = head.replace(/^&\s*\w+\s+in\s+/, '').replace(/::<.*$/, '').replace(/<.*$/, '').replace(/^.*::/, '').trim();
    if (type === 'Self') {
      const impl = enclosing(n, 'impl_item');
      type = typeName(impl?.childForFieldName('type')) ?? '';
    }
    const entries = readEntries(t, open + 1, close);
    const tail = entries.some((e) => t.slice(e.start, e.end).startsWith('..'));
    const after = t.slice(close + 1, args.endIndex - 1);
    const q = after.indexOf('?');
    out.push({ node: n, macro, type: /^\w+$/.test(type) ? type : undefined, braceOpen: open, braceClose: close, entries, tail, errorFrom: q >= 0 ? close + 1 + q : undefined, errorTo: args.endIndex - 1 });
  }
  return out;
}

interface StructInfo {
  node: Node;
  name: string;
  attrs: Node[];
  pinData?: Node;
  fields: { decl: Node; name: string; type: string; pins: Node[] }[];
}

function structsOf(ctx: FileContext): StructInfo[] {
  const out: StructInfo[] = [];
  for (const s of nodesOf(ctx.root, ['struct_item'])) {
    const name = s.childForFieldName('name')?.text;
    const body = s.childForFieldName('body');
    if (!name) continue;
    const attrs = attributesOf(s);
    const fields: StructInfo['fields'] = [];
    if (body?.type === 'field_declaration_list') {
      for (const f of body.namedChildren) {
        if (f?.type !== 'field_declaration') continue;
        const fname = f.childForFieldName('name')?.text;
        const ftype = f.childForFieldName('type')?.text;
        if (fname && ftype) fields.push({ decl: f, name: fname, type: ftype, pins: attributesOf(f).filter((a) => /^#\s*\[\s*pin\s*\]$/.test(a.text)) });
      }
    }
    out.push({ node: s, name, attrs, pinData: attrs.find((a) => attrName(a) === 'pin_data'), fields });
  }
  return out;
}

// ───────────────────────── the operators ─────────────────────────

/** Types that must stay pinned, as the operator author reads the kernel (our list, not the rule's). */
const MUST_PIN = /^(?:[\w:]*::)?(Mutex|SpinLock|SpinLockIrq|CondVar|PollCondVar|Completion|HrTimer|Work|DelayedWork|ListLinks|ListLinksSelfPtr|MiscDeviceRegistration|XArray|MapleTree|MapleTreeAlloc)\s*(<|$)/;

/** unpinned-field: drop `#[pin]` from a field that holds a lock, timer, work item … or is filled with `<-` from a known initializer. */
const dropPin: Operator = (ctx) => {
  const out: Mutant[] = [];
  const calls = initCalls(ctx);
  const locals = localInitializers(ctx.root);
  for (const s of structsOf(ctx)) {
    if (!s.pinData) continue;
    for (const f of s.fields) {
      if (f.pins.length !== 1) continue;
      const byType = MUST_PIN.test(f.type);
      const phantom = /^(?:[\w:]*::)?PhantomPinned$/.test(f.type);
      const byInit = calls.some((c) => c.type === s.name && c.entries.some((e) => e.name === f.name && e.op === '<-' && initializerCall(e.value, locals, ctx.release)));
      if (!byType && !phantom && !byInit) continue;
      const [from, to] = wholeLines(ctx.text, f.pins[0].startIndex, f.pins[0].endIndex);
      const m = splice(ctx.text, from, to, '');
      const line = lineAt(m.text, m.map(f.decl.startIndex));
      out.push({ rule: phantom ? 'unpinned-phantom-pinned' : 'unpinned-field', note: `drop #[pin] from ${s.name}.${f.name}: ${f.type}`, text: m.text, lines: [line, line], visible: true });
    }
  }
  return out;
};

/** duplicate-pin: write `#[pin]` twice on a pinned field. */
const doublePin: Operator = (ctx) => {
  const out: Mutant[] = [];
  for (const s of structsOf(ctx)) {
    if (!s.pinData) continue;
    for (const f of s.fields) {
      if (f.pins.length !== 1) continue;
      const p = f.pins[0];
      const m = splice(ctx.text, p.endIndex, p.endIndex, ' #[pin]');
      const line = lineAt(m.text, p.startIndex);
      out.push({ rule: 'duplicate-pin', note: `second #[pin] on ${s.name}.${f.name}`, text: m.text, lines: [line, lineAt(m.text, m.map(f.decl.endIndex))], visible: true });
    }
  }
  return out;
};

/** missing-pin-data: remove `#[pin_data]` from a struct that has `#[pin]` fields or is built with `pin_init!` here. */
const dropPinData: Operator = (ctx) => {
  const out: Mutant[] = [];
  const calls = initCalls(ctx);
  for (const s of structsOf(ctx)) {
    if (!s.pinData) continue;
    // `#[pin_data(PinnedDrop)]` with its impl: dropping it also orphans the impl (pinned-drop rules), kept simple here.
    if (/PinnedDrop/.test(s.pinData.text)) continue;
    const visible = s.fields.some((f) => f.pins.length > 0) || calls.some((c) => c.type === s.name && (c.macro === 'pin_init' || c.macro === 'try_pin_init'));
    const [from, to] = wholeLines(ctx.text, s.pinData.startIndex, s.pinData.endIndex);
    const m = splice(ctx.text, from, to, '');
    const name = s.node.childForFieldName('name') as Node;
    const line = lineAt(m.text, m.map(name.startIndex));
    out.push({ rule: 'missing-pin-data', note: `drop #[pin_data] from ${s.name}`, text: m.text, lines: [line, line], visible });
  }
  return out;
};

/** init-arrow-required: `field <- init` written `field: init`. */
const arrowToColon: Operator = (ctx) => {
  const out: Mutant[] = [];
  const locals = localInitializers(ctx.root);
  for (const c of initCalls(ctx)) {
    for (const e of c.entries) {
      if (e.op !== '<-') continue;
      const m = splice(ctx.text, e.opStart, e.opEnd, ':');
      const line = lineAt(m.text, e.start);
      out.push({ rule: 'init-arrow-required', note: `${c.macro}!(${c.type ?? '?'} { ${e.name} <- ${e.value.slice(0, 40)} }) with ':'`, text: m.text, lines: [line, line], visible: initializerCall(e.value, locals, ctx.release) });
    }
  }
  return out;
};

/** init-missing-field: leave one field out of an init macro for a struct of this file. */
const dropEntry: Operator = (ctx) => {
  const out: Mutant[] = [];
  const structs = new Map(structsOf(ctx).map((s) => [s.name, s]));
  for (const c of initCalls(ctx)) {
    if (c.tail || !c.type) continue;
    const s = structs.get(c.type);
    const named = c.entries.filter((e) => e.name && !e.other);
    if (named.length < 2 || c.entries.some((e) => e.other)) continue;
    const e = named[named.length > 2 ? 1 : 0];
    // The entry and the comma after it (or before it, for the last one).
    let to = ctx.text.indexOf(',', e.end);
    let from = e.start;
    if (to < 0 || to > c.braceClose) {
      to = e.end;
      from = ctx.text.lastIndexOf(',', e.start);
    } else to += 1;
    const m = splice(ctx.text, from, to, '');
    const first = lineAt(m.text, c.node.startIndex);
    const brace = lineAt(m.text, m.map(c.braceOpen));
    const visible = !!s && !s.fields.some((f) => attributesOf(f.decl).some((a) => attrName(a) === 'cfg')) && s.fields.length === named.length;
    out.push({ rule: 'init-missing-field', note: `${c.macro}!(${c.type} { … }) without ${e.name}`, text: m.text, lines: [first, brace], visible });
  }
  return out;
};

/** fallible-in-infallible-init: `try_pin_init!`/`try_init!` whose body propagates errors, written as the infallible macro. */
const dropTry: Operator = (ctx) => {
  const out: Mutant[] = [];
  for (const c of initCalls(ctx)) {
    if (c.macro !== 'try_pin_init' && c.macro !== 'try_init') continue;
    // `kernel::try_pin_init!` renamed would name `kernel::pin_init!`, which 6.15 moved: a different mistake.
    const written = c.node.childForFieldName('macro')?.text ?? '';
    if (written.includes('::') && !written.startsWith('pin_init::')) continue;
    const body = ctx.text.slice(c.braceOpen, c.braceClose);
    // Visible: a `?` or `return Err` at entry level, outside closures (our own coarse reading).
    const visible = c.entries.some((e) => !/\|/.test(e.value) && (/[\w)\]]\?/.test(e.value) || /\breturn\s+Err\b/.test(e.value)));
    // A body whose only possible fallibility is a `<-` is drop-try-arrow's.
    if (!/\?|Err/.test(body)) continue;
    const name = c.node.childForFieldName('macro') as Node;
    let text = ctx.text;
    if (c.errorFrom !== undefined) text = text.slice(0, c.errorFrom) + text.slice(c.errorTo);
    const nameEnd = name.endIndex;
    text = text.slice(0, name.startIndex) + ctx.text.slice(name.startIndex, nameEnd).replace(/try_(pin_)?init$/, (_, p) => `${p ?? ''}init`) + text.slice(nameEnd);
    const first = lineAt(text, c.node.startIndex);
    const span = lineAt(ctx.text.slice(c.node.startIndex, c.node.endIndex), c.node.endIndex - c.node.startIndex);
    out.push({ rule: 'fallible-in-infallible-init', note: `${c.macro}! written ${c.macro.slice(4)}!`, text, lines: [first, first + span], visible });
  }
  return out;
};

/** A return type `impl PinInit<T, E>`/`impl Init<T, E>` whose `E` is a concrete type other than `Infallible`. */
function concreteError(returns: string, generics: string): string | undefined {
  const m = /^impl\s+(?:[\w:]*::)?(?:Pin)?Init\s*<([\s\S]*)>\s*$/.exec(returns.trim());
  const last = m ? /,\s*([\w:]+)\s*$/.exec(m[1])?.[1] : undefined;
  if (!last || /(?:^|:)Infallible$/.test(last) || last.startsWith('Self::')) return undefined;
  // Only the outer parameter list names parameters (`<E: From<Error>>` declares `E`, not `Error`).
  let outer = generics;
  while (/<[^<>]*<[^<>]*>/.test(outer)) outer = outer.replace(/(<[^<>]*)<[^<>]*>/, '$1');
  return new RegExp(`[<,]\\s*${last}\\b`).test(outer) ? undefined : last;
}

/** `Owner::name` (or `name`) of knowledge-base functions that return a fallible initializer at a release. */
function kbFallibleInitializers(release: string): Set<string> {
  const out = new Set<string>();
  for (const item of knowledgeBase().items) {
    if (item.kind !== 'fn' && item.kind !== 'method') continue;
    const st = sureStatusAt(item, release);
    const text = st?.state === 'available' ? st.signature?.text.split('\n')[0] : undefined;
    const ret = text ? /->\s*(impl\s[^;]*?)(?:\s+where\b.*)?$/.exec(text.replace(/\s*\/\/.*$/, ''))?.[1] : undefined;
    const generics = text ? (/\bfn\s+\w+\s*(<[^(]*>)/.exec(text)?.[1] ?? '') : '';
    if (!ret || !concreteError(ret, generics)) continue;
    for (const p of [item.path, ...(item.aliases ?? [])]) out.add(item.kind === 'method' ? p.split('::').slice(-2).join('::') : lastSegment(p));
  }
  return out;
}

const kbFallible = new Map<string, Set<string>>();

/** Functions of this file (and `Owner::name`/`Self::name` for methods) returning a fallible initializer. */
function localFallibleInitializers(root: Node): Set<string> {
  const out = new Set<string>();
  for (const f of nodesOf(root, ['function_item'])) {
    const impl = enclosing(f, 'impl_item');
    const generics = (f.childForFieldName('type_parameters')?.text ?? '') + (impl?.childForFieldName('type_parameters')?.text ?? '');
    if (!concreteError(f.childForFieldName('return_type')?.text ?? '', generics)) continue;
    const name = f.childForFieldName('name')?.text;
    if (!name) continue;
    out.add(name);
    const owner = impl ? typeName(impl.childForFieldName('type')) : undefined;
    if (owner) {
      out.add(`${owner}::${name}`);
      out.add(`Self::${name}`);
    }
  }
  return out;
}

/**
 * fallible-in-infallible-init: a `try_pin_init!`/`try_init!` with no `?` or `Err` in its body, so that its only
 * fallibility can be a `<-` of a fallible initializer, written as the infallible macro. Visible when one `<-` runs
 * a function the knowledge base (at the release) or the file declares as returning a fallible initializer.
 */
const dropTryArrow: Operator = (ctx) => {
  const out: Mutant[] = [];
  let fallible = kbFallible.get(ctx.release);
  if (!fallible) kbFallible.set(ctx.release, (fallible = kbFallibleInitializers(ctx.release)));
  let locals: Set<string> | undefined;
  for (const c of initCalls(ctx)) {
    if (c.macro !== 'try_pin_init' && c.macro !== 'try_init') continue;
    const written = c.node.childForFieldName('macro')?.text ?? '';
    if (written.includes('::') && !written.startsWith('pin_init::')) continue;
    const body = ctx.text.slice(c.braceOpen, c.braceClose);
    if (/\?|Err/.test(body) || !c.entries.some((e) => e.op === '<-')) continue;
    // With `? E` spelled and no `?` inside, dropping both could leave an infallible macro that builds: not a mistake.
    if (c.errorFrom !== undefined) continue;
    locals ??= localFallibleInitializers(ctx.root);
    const visible = c.entries.some((e) => {
      if (e.op !== '<-') return false;
      const call = /^((?:\w+(?:::<[^(]*?>)?::)*)(\w+)\s*(?:::<[^(]*>)?\s*\(/.exec(e.value.trim());
      if (!call) return false;
      const owners = call[1].split('::').filter(Boolean).map((x) => x.replace(/<.*$/, ''));
      const key = owners.length ? `${owners[owners.length - 1]}::${call[2]}` : call[2];
      return (locals as Set<string>).has(key) || (owners.length > 0 && (fallible as Set<string>).has(key));
    });
    const name = c.node.childForFieldName('macro') as Node;
    const m = splice(ctx.text, name.startIndex, name.endIndex, ctx.text.slice(name.startIndex, name.endIndex).replace(/try_(pin_)?init$/, (_, p) => `${p ?? ''}init`));
    const first = lineAt(m.text, m.map(c.node.startIndex));
    const span = lineAt(ctx.text.slice(c.node.startIndex, c.node.endIndex), c.node.endIndex - c.node.startIndex);
    out.push({ rule: 'fallible-in-infallible-init', note: `${c.macro}! (only \`<-\` fallible) written ${c.macro.slice(4)}!`, text: m.text, lines: [first, first + span], visible });
  }
  return out;
};

const POINTERS = /^(KBox|Box|VBox|KVBox|Arc|UniqueArc)::(pin_init|init)$/;

/** unpinned-initializer: `KBox::pin_init(init, …)` written `KBox::new(init, …)`. */
const pinInitToNew: Operator = (ctx) => {
  const out: Mutant[] = [];
  const locals = localInitializers(ctx.root);
  for (const n of nodesOf(ctx.root, ['call_expression'])) {
    const f = n.childForFieldName('function');
    const args = n.childForFieldName('arguments');
    if (!f || !args || f.type !== 'scoped_identifier' || !POINTERS.test(f.text)) continue;
    const first = args.namedChildren.find((c) => c !== null && c.type !== 'line_comment' && c.type !== 'block_comment');
    if (!first) continue;
    const method = f.childForFieldName('name') as Node;
    const m = splice(ctx.text, method.startIndex, method.endIndex, 'new');
    const line = lineAt(m.text, m.map(first.startIndex));
    out.push({ rule: 'unpinned-initializer', note: `${f.text}(${first.text.slice(0, 40)}) written ::new`, text: m.text, lines: [line, line], visible: initializerCall(first.text, locals, ctx.release) });
  }
  return out;
};

/** pinned-drop-mismatch: an `impl PinnedDrop` without its `#[pinned_drop]` attribute. */
const dropPinnedDropAttr: Operator = (ctx) => {
  const out: Mutant[] = [];
  for (const impl of nodesOf(ctx.root, ['impl_item'])) {
    if (impl.childForFieldName('trait')?.text.replace(/^.*::/, '') !== 'PinnedDrop') continue;
    const attr = attributesOf(impl).find((a) => attrName(a) === 'pinned_drop');
    if (!attr) continue;
    const [from, to] = wholeLines(ctx.text, attr.startIndex, attr.endIndex);
    const m = splice(ctx.text, from, to, '');
    const line = lineAt(m.text, m.map(impl.startIndex));
    out.push({ rule: 'pinned-drop-mismatch', note: `impl PinnedDrop for ${typeName(impl.childForFieldName('type'))} without #[pinned_drop]`, text: m.text, lines: [line, line], visible: true });
  }
  return out;
};

/** pin-data-with-drop: an `impl Drop` added for a `#[pin_data]` struct without generics. */
const addDrop: Operator = (ctx) => {
  const out: Mutant[] = [];
  for (const s of structsOf(ctx)) {
    if (!s.pinData || s.node.childForFieldName('type_parameters') || s.node.parent?.type !== 'source_file') continue;
    const at = s.node.endIndex;
    const insert = `\nimpl Drop for ${s.name} {\n    fn drop(&mut self) {}\n}\n`;
    const m = splice(ctx.text, at, at, insert);
    const line = lineAt(m.text, at) + 1;
    out.push({ rule: 'pin-data-with-drop', note: `impl Drop for #[pin_data] ${s.name}`, text: m.text, lines: [line, line], visible: true });
  }
  return out;
};

/** packed-pin-data: `#[repr(packed)]` added to a `#[pin_data]` struct. */
const addPacked: Operator = (ctx) => {
  const out: Mutant[] = [];
  for (const s of structsOf(ctx)) {
    if (!s.pinData || s.attrs.some((a) => attrName(a) === 'repr')) continue;
    // Packing only matters when some field needs an alignment above one.
    const visible = s.fields.some((f) => !/^(u8|i8|bool|\(\)|\[\s*u8\s*;[^\]]*\]|PhantomData<.*>|PhantomPinned)$/.test(f.type.trim()));
    const m = splice(ctx.text, s.pinData.endIndex, s.pinData.endIndex, '\n#[repr(packed)]');
    const name = s.node.childForFieldName('name') as Node;
    const line = lineAt(m.text, m.map(name.startIndex));
    out.push({ rule: 'packed-pin-data', note: `#[repr(packed)] on #[pin_data] ${s.name}`, text: m.text, lines: [line, line], visible });
  }
  return out;
};

/** How many parameters `HrTimerCallback::run` takes at a release, by the knowledge base; undefined when unsure. */
function runArity(release: string): number | undefined {
  const item = knowledgeBase().lookup('kernel::time::hrtimer::HrTimerCallback::run')[0];
  const st = item ? sureStatusAt(item, release) : undefined;
  const text = st?.state === 'available' ? st.signature?.text : undefined;
  const params = text ? /\bfn\s+run\s*\(([^)]*)\)/.exec(text)?.[1] : undefined;
  return params === undefined ? undefined : params.split(',').filter((p) => p.trim()).length;
}

/**
 * hrtimer-callback-signature: `fn run` of an `impl HrTimerCallback for …` written for the other era: the
 * `ctx: HrTimerCallbackContext` parameter dropped where the release has it, added where it does not.
 */
const runOtherEra: Operator = (ctx) => {
  const out: Mutant[] = [];
  const want = runArity(ctx.release);
  for (const impl of nodesOf(ctx.root, ['impl_item'])) {
    if (!/(?:^|::)HrTimerCallback$/.test(impl.childForFieldName('trait')?.text ?? '')) continue;
    const run = impl.childForFieldName('body')?.namedChildren.find((c) => c?.type === 'function_item' && c.childForFieldName('name')?.text === 'run');
    const params = run?.childForFieldName('parameters');
    if (!run || !params) continue;
    const list = params.namedChildren.filter((c): c is Node => c?.type === 'parameter');
    let m: { text: string; map: (o: number) => number };
    if (list.length === 2) m = splice(ctx.text, list[0].endIndex, list[1].endIndex, '');
    else if (list.length === 1) m = splice(ctx.text, list[0].endIndex, list[0].endIndex, ", _ctx: HrTimerCallbackContext<'_, Self>");
    else continue;
    const name = run.childForFieldName('name') as Node;
    const line = lineAt(m.text, m.map(name.startIndex));
    // Visible when the knowledge base gives the release's parameter count and the mutant differs from it.
    const visible = want !== undefined && want !== (list.length === 2 ? 1 : 2);
    out.push({ rule: 'hrtimer-callback-signature', note: `fn run with ${list.length === 2 ? 'no ctx' : 'a ctx'} parameter`, text: m.text, lines: [line, line], visible });
  }
  return out;
};

/**
 * vma-mixedmap-required: the step to the `VmaMixedMap` view left out before `vm_insert_page`: `.as_mixedmap_vma()`
 * with its unwrapping (`.ok_or(E)?`) in a chain, or `.set_mixedmap()` on a `VmaNew`. Visible when the chain starts
 * at `vma_lookup(…)`, or the receiver is a parameter written `&VmaNew`.
 */
const dropMixedMap: Operator = (ctx) => {
  const out: Mutant[] = [];
  if (!ctx.text.includes('vm_insert_page')) return out;
  const step = /\.\s*as_mixedmap_vma\s*\(\s*\)\s*(?:\.\s*ok_or(?:_else)?\s*\([^()]*\)\s*)?\?\s*(?=\.\s*vm_insert_page\b)|\.\s*set_mixedmap\s*\(\s*\)\s*(?=\.\s*vm_insert_page\b)/g;
  for (const hit of ctx.text.matchAll(step)) {
    const at = hit.index ?? 0;
    const fn = ctx.root.descendantForIndex(at);
    const body = fn ? enclosing(fn, 'function_item') : undefined;
    if (!body) continue;
    const before = ctx.text.slice(body.startIndex, at);
    const mixed = hit[0].includes('set_mixedmap');
    const receiver = mixed ? /(\w+)\s*$/.exec(before)?.[1] : undefined;
    const params = body.childForFieldName('parameters')?.text ?? '';
    const visible = mixed
      ? !!receiver && new RegExp(`\\b${receiver}\\s*:\\s*&(?:'\\w+\\s+)?(?:[\\w]+::)*VmaNew\\b`).test(params)
      : /\bvma_lookup\s*\([^()]*\)\s*(?:\.\s*ok_or(?:_else)?\s*\([^()]*\)\s*)?\?\s*$/.test(before);
    const m = splice(ctx.text, at, at + hit[0].length, '');
    const line = lineAt(m.text, at);
    out.push({ rule: 'vma-mixedmap-required', note: `${mixed ? '.set_mixedmap()' : '.as_mixedmap_vma()…?'} left out before vm_insert_page`, text: m.text, lines: [line, line + 1], visible });
  }
  return out;
};

/** Knowledge-base paths that can be named in a `use`, by the status they have at a release. */
function usablePaths(release: string, state: 'not-yet' | 'removed'): string[] {
  const out: string[] = [];
  const kinds = new Set(['struct', 'enum', 'trait', 'fn', 'const', 'type-alias', 'module', 'union']);
  for (const item of knowledgeBase().items) {
    if (!kinds.has(item.kind) || !item.path.startsWith('kernel::')) continue;
    if (sureStatusAt(item, release)?.state !== state) continue;
    // The path and each of its prefixes must mean one thing at the release: an old entry removed and a new one not
    // yet added under the same name (`kernel::time::ClockId`) is a different mistake.
    const parts = item.path.split('::');
    let clear = true;
    for (let n = 2; n <= parts.length && clear; n++) {
      const states = new Set(knowledgeBase().lookup(parts.slice(0, n).join('::')).map((i) => sureStatusAt(i, release)?.state ?? 'unsure'));
      if (n < parts.length) clear = !states.has('unsure') && (states.size === 0 || (states.size === 1 && states.has('available')));
      else clear = states.size === 1;
    }
    if (!clear) continue;
    out.push(item.path);
  }
  return out.sort();
}

const pathCache = new Map<string, string[]>();

/** api-unavailable / api-removed: a `use` of an item the tree's release does not have yet (or no longer has). */
function useFromOtherRelease(rule: 'api-unavailable' | 'api-removed', state: 'not-yet' | 'removed'): Operator {
  return (ctx) => {
    const key = `${state}@${ctx.release}`;
    let paths = pathCache.get(key);
    if (!paths) pathCache.set(key, (paths = usablePaths(ctx.release, state)));
    if (paths.length === 0) return [];
    const uses = ctx.root.namedChildren.filter((c) => c?.type === 'use_declaration');
    const last = uses[uses.length - 1];
    if (!last) return [];
    const p = paths[(ctx.index * 7 + (state === 'removed' ? 3 : 0)) % paths.length];
    const m = splice(ctx.text, last.endIndex, last.endIndex, `\nuse ${p};`);
    const line = lineAt(m.text, last.endIndex) + 1;
    const kb = knowledgeBase().lookup(p)[0];
    // Crates that do not depend on `kernel` (the proc macros, uapi, bindings, the pin-init crate) cannot name it at all.
    const visible = !/^rust\/(macros|uapi|bindings|pin-init|ffi|compiler_builtins|syn|quote|proc-macro2)\b/.test(ctx.rel);
    return [{ rule, note: `use ${p} (${state === 'not-yet' ? `since ${kb.since}` : `until ${kb.until}`}) at ${ctx.release}`, text: m.text, lines: [line, line], visible }];
  };
}

/** Every operator, each named by the rule it aims at. */
export const OPERATORS: readonly { rule: string; name: string; op: Operator }[] = [
  { rule: 'unpinned-field', name: 'drop-pin', op: dropPin },
  { rule: 'duplicate-pin', name: 'double-pin', op: doublePin },
  { rule: 'missing-pin-data', name: 'drop-pin-data', op: dropPinData },
  { rule: 'init-arrow-required', name: 'arrow-to-colon', op: arrowToColon },
  { rule: 'init-missing-field', name: 'drop-entry', op: dropEntry },
  { rule: 'fallible-in-infallible-init', name: 'drop-try', op: dropTry },
  { rule: 'fallible-in-infallible-init', name: 'drop-try-arrow', op: dropTryArrow },
  { rule: 'unpinned-initializer', name: 'pin-init-to-new', op: pinInitToNew },
  { rule: 'pinned-drop-mismatch', name: 'drop-pinned-drop-attr', op: dropPinnedDropAttr },
  { rule: 'pin-data-with-drop', name: 'add-drop', op: addDrop },
  { rule: 'packed-pin-data', name: 'add-packed', op: addPacked },
  { rule: 'hrtimer-callback-signature', name: 'run-other-era', op: runOtherEra },
  { rule: 'vma-mixedmap-required', name: 'drop-mixedmap', op: dropMixedMap },
  { rule: 'api-unavailable', name: 'use-newer', op: useFromOtherRelease('api-unavailable', 'not-yet') },
  { rule: 'api-removed', name: 'use-removed', op: useFromOtherRelease('api-removed', 'removed') },
];

// ───────────────────────── running and scoring ─────────────────────────

/** Counts for one rule. */
export interface RuleScore {
  sites: number;
  caught: number;
  /** Mutants visible from the file, and those of them caught. */
  visible: number;
  caughtVisible: number;
  wrongPlace: number;
  /** Mutants that brought findings other than the expected one, and how many findings. */
  collateralMutants: number;
  collateralFindings: number;
  /** Recall over visible mutants, in percent (100 when there are none). */
  recall: number;
}

/** One mutant that was not caught at the right place, or that brought other findings. */
export interface Miss {
  rule: string;
  file: string;
  line: number;
  note: string;
  visible: boolean;
  what: 'missed' | 'wrong-place' | 'collateral';
  findings: string[];
}

/** The result over some trees. */
export interface MutantsReport {
  trees: { path: string; release: string; files: number; mutants: number; untouchedFindings: number; falsePositives: string[] }[];
  rules: Record<string, RuleScore>;
  misses: Miss[];
  ms: number;
}

/** Options of a run. */
export interface MutantsOptions {
  /** Rule levels passed to the engine (a test turns a rule off to see its recall fall). */
  levels?: Readonly<Record<string, LintLevel>>;
  /** At most this many mutants per rule and tree (spread over the files in order); unlimited when omitted. */
  perRuleCap?: number;
}

function keyOf(f: Finding): string {
  return `${f.ruleId}\0${f.message}`;
}

function emptyScore(): RuleScore {
  return { sites: 0, caught: 0, visible: 0, caughtVisible: 0, wrongPlace: 0, collateralMutants: 0, collateralFindings: 0, recall: 100 };
}

/** Findings of `after` that `before` did not have (by rule and message, so shifted lines do not count as new). */
function newFindings(before: readonly Finding[], after: readonly Finding[]): Finding[] {
  const left = new Map<string, number>();
  for (const f of before) left.set(keyOf(f), (left.get(keyOf(f)) ?? 0) + 1);
  const out: Finding[] = [];
  for (const f of after) {
    const n = left.get(keyOf(f)) ?? 0;
    if (n > 0) left.set(keyOf(f), n - 1);
    else out.push(f);
  }
  return out;
}

/** Applies every operator to every Rust file of the trees and scores the rules, each tree at its own release. */
export function runMutants(parser: Parser, trees: readonly string[], options: MutantsOptions = {}): MutantsReport {
  const t0 = performance.now();
  const rules: Record<string, RuleScore> = {};
  for (const o of OPERATORS) rules[o.rule] ??= emptyScore();
  const misses: Miss[] = [];
  const report: MutantsReport = { trees: [], rules, misses, ms: 0 };
  const locator = new KernelTreeLocator();
  for (const tree of trees) {
    const files = collectRustFiles([tree]).files;
    const entry = { path: tree, release: '', files: files.length, mutants: 0, untouchedFindings: 0, falsePositives: [] as string[] };
    report.trees.push(entry);
    const perRule = new Map<string, number>();
    files.forEach((file, index) => {
      let text: string;
      try {
        text = new TextDecoder('utf-8', { fatal: true }).decode(fs.readFileSync(file));
      } catch {
        return;
      }
      const release = resolveTarget(undefined, file, locator).release;
      entry.release ||= release;
      const lint = (t: string): Finding[] | undefined => {
        const r = analyzeText(parser, t, { target: release, filePath: file, levels: options.levels });
        return r.status === 'analysed' ? r.findings : undefined;
      };
      const base = lint(text);
      if (!base) return;
      entry.untouchedFindings += base.length;
      for (const f of base) entry.falsePositives.push(`${path.relative(tree, file)}:${f.range.start.line + 1}: ${f.ruleId}: ${f.message}`);
      const parsed = parseWithLimit(parser, text);
      if (!parsed) return;
      let mutants: Mutant[] = [];
      try {
        const ctx: FileContext = { text, root: parsed.rootNode, release, index, rel: path.relative(tree, file).split(path.sep).join('/') };
        for (const o of OPERATORS) {
          if (compareReleases(release, '6.4') < 0 && o.rule !== 'api-unavailable') continue;
          mutants.push(...o.op(ctx));
        }
      } finally {
        parsed.delete();
      }
      if (options.perRuleCap !== undefined) {
        mutants = mutants.filter((m) => {
          const n = perRule.get(m.rule) ?? 0;
          perRule.set(m.rule, n + 1);
          return n < (options.perRuleCap as number);
        });
      }
      for (const m of mutants) {
        entry.mutants++;
        const score = (rules[m.rule] ??= emptyScore());
        score.sites++;
        if (m.visible) score.visible++;
        const after = lint(m.text);
        const fresh = after ? newFindings(base, after) : [];
        const at = (f: Finding): boolean => f.ruleId === m.rule && f.range.start.line >= m.lines[0] && f.range.start.line <= m.lines[1];
        const hit = fresh.find(at);
        const wrong = !hit && fresh.some((f) => f.ruleId === m.rule);
        // Further findings of the expected rule at the expected place (one per `?`, say) belong to the hit.
        const others = fresh.filter((f) => !at(f));
        const describe = (fs: readonly Finding[]): string[] => fs.map((f) => `${f.range.start.line + 1}: ${f.ruleId}: ${f.message}`);
        const rel = path.relative(tree, file);
        if (hit) {
          score.caught++;
          if (m.visible) score.caughtVisible++;
        } else {
          if (wrong) score.wrongPlace++;
          misses.push({ rule: m.rule, file: rel, line: m.lines[0] + 1, note: m.note, visible: m.visible, what: wrong ? 'wrong-place' : 'missed', findings: describe(fresh) });
        }
        const collateral = wrong ? others.filter((f) => f.ruleId !== m.rule) : others;
        if (collateral.length > 0) {
          score.collateralMutants++;
          score.collateralFindings += collateral.length;
          misses.push({ rule: m.rule, file: rel, line: m.lines[0] + 1, note: m.note, visible: m.visible, what: 'collateral', findings: describe(collateral) });
        }
      }
    });
  }
  for (const s of Object.values(rules)) s.recall = s.visible === 0 ? 100 : Math.round((1000 * s.caughtVisible) / s.visible) / 10;
  report.ms = Math.round(performance.now() - t0);
  return report;
}

/** Rules whose recall over visible mutants is below `min` percent (rules with no visible site are not judged). */
export function belowRecall(report: MutantsReport, min: number): string[] {
  return Object.entries(report.rules)
    .filter(([, s]) => s.visible > 0 && s.recall < min)
    .map(([rule, s]) => `${rule} ${s.recall} % < ${min} %`);
}

/** A plain-text table of the report. */
export function formatReport(report: MutantsReport): string {
  const lines: string[] = [];
  for (const t of report.trees) lines.push(`${t.path} @ ${t.release}: ${t.files} files, ${t.mutants} mutants, ${t.untouchedFindings} findings on the untouched tree`);
  lines.push('');
  const head = ['rule', 'sites', 'visible', 'caught', 'recall', 'wrong place', 'collateral'];
  const rows = Object.entries(report.rules).map(([rule, s]) => [rule, String(s.sites), String(s.visible), `${s.caughtVisible}/${s.visible}`, s.visible ? `${s.recall} %` : '-', String(s.wrongPlace), String(s.collateralFindings)]);
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  for (const r of [head, ...rows]) lines.push(r.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  '));
  lines.push('', `${report.ms} ms`);
  return lines.join('\n');
}
