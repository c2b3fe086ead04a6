/**
 * Version-gated hrtimer, time and VMA syntax that plain path resolution cannot see: the two body forms of
 * `impl_has_hr_timer!`, the argument list of `HrTimer::new`, and method calls on a receiver (`vma.zap_page_range_single(…)`)
 * to kernel methods that were renamed. Which form a release accepts comes from the knowledge base
 * (`syntax::impl-has-hr-timer-*` entries, the signature eras of `HrTimer::new`, method entries with a replacement).
 */
import type { Node } from 'web-tree-sitter';
import { knowledgeBase, lastSegment, surelyAvailable, sureStatusAt, type KnowledgeBase } from '../../kb';
import type { KbItem, SignatureEra } from '../../kb/types';
import { compareReleases, inRange } from '../../kb/version';
import { hasHrTimerImpls } from '../../syntax/has-hr-timer-macro';
import { resolvedNames } from '../../semantics/kernel-refs';
import { delimiter, innerTokens } from '../../syntax/macro-body';
import { containsMatch, containsText, insideSkipped, spansOutside, structureOf } from '../../syntax/structure';
import { resolveSegments } from '../../semantics/resolve';
import { occurrencesInRun } from '../../parsing/tree-session';
import type { Fix, Range } from '../../core/types';
import { nodeRange } from '../../parsing/walk';
import { type Scope } from '../../semantics/scope';
import { segmentsOf } from '../../semantics/path-segments';
import { splitTopLevel } from '../../parsing/chars';

/** A use of hrtimer syntax the target release does not accept. */
export interface SyntaxGateFinding {
  range: Range;
  /** `not-yet`: the form arrived later (api-unavailable); `removed`: the form was dropped (api-removed). */
  state: 'not-yet' | 'removed';
  message: string;
  /** A mechanical rewrite, when there is one (renaming a method call). */
  fixes?: Fix[];
}

const MACRO = 'kernel::impl_has_hr_timer!';
const BARE = 'syntax::impl-has-hr-timer-bare';
const KEYED = 'syntax::impl-has-hr-timer-mode-field';
const NEW = 'kernel::time::hrtimer::HrTimer::new';

/** The `{ … }` body of the example in a syntax entry's signature (`mode: RelativeMode<Monotonic>, field: self.timer`). */
function exampleBody(item: KbItem | undefined): string | undefined {
  const m = item?.signatures?.[0]?.text.match(/\{\s*([^{}]*?)\s*\}\s*\}\s*$/);
  return m?.[1];
}

const paramLists = new Map<string, readonly string[] | null>();

/**
 * The parameters of `fn <name>(…)` in a signature text, as written (`mode: HrTimerMode`, `clock: ClockId`). The
 * texts are the knowledge base's, a handful: each is read once.
 */
export function signatureParamList(text: string, name: string): readonly string[] | undefined {
  const key = `${name}\u0000${text}`;
  let list = paramLists.get(key);
  if (list === undefined) {
    list = readParamList(text, name) ?? null;
    if (paramLists.size > 500) paramLists.clear();
    paramLists.set(key, list);
  }
  return list ?? undefined;
}

function readParamList(text: string, name: string): string[] | undefined {
  const at = text.indexOf(`fn ${name}(`);
  if (at < 0) return undefined;
  const { pieces, closedAt } = splitTopLevel(text, at + name.length + 4);
  if (closedAt < 0) return undefined;
  // A trailing comma leaves an empty last piece.
  if (pieces[pieces.length - 1] === '') pieces.pop();
  return pieces;
}

/** Just the parameter names (`new(mode: HrTimerMode, clock: ClockId)` → mode, clock). */
export function signatureParams(text: string, name: string): string[] | undefined {
  return signatureParamList(text, name)?.map((p) => p.split(':')[0].trim());
}

function eraOf(item: KbItem, era: SignatureEra): { since: string; until?: string } {
  return { since: era.since ?? item.since, until: era.until ?? item.until };
}

/** `impl_has_hr_timer!` bodies in the form the target does not accept. */
function macroForms(root: Node, target: string, scope: Scope, kb: KnowledgeBase, out: SyntaxGateFinding[]): void {
  if (!surelyAvailable(kb, MACRO, target)) return;
  const bare = kb.resolve(BARE, target);
  const keyed = kb.resolve(KEYED, target);
  for (const impl of hasHrTimerImpls(root)) {
    if (impl.hasMetavariables || !impl.bodyRange || !impl.field) continue;
    const segs = segmentsOf(impl.macro);
    if (!segs || !resolvedNames(kb, resolveSegments(segs.map((s) => s.text), scope, kb, target, true), MACRO)) continue;
    const field = impl.field.text;
    if (impl.form === 'bare' && bare) {
      const status = sureStatusAt(bare, target);
      if (status?.state !== 'removed') continue;
      const example = exampleBody(status.replacement ? kb.resolve(status.replacement, target) : keyed)?.replace(/self\.\w+/, `self.${field}`);
      const use = example ? `; use \`{ ${example} }\` with the timer's own mode type` : '';
      out.push({
        range: impl.bodyRange,
        state: 'removed',
        message: `The bare \`{ self.${field} }\` body of \`impl_has_hr_timer!\` is not in Linux ${target} (removed in ${status.until})${use}.`,
      });
    } else if (impl.form === 'mode-field' && keyed) {
      const status = sureStatusAt(keyed, target);
      if (status?.state !== 'not-yet') continue;
      out.push({
        range: impl.bodyRange,
        state: 'not-yet',
        message: `The \`mode:\`/\`field:\` body of \`impl_has_hr_timer!\` is not in Linux ${target} (added in ${status.since}); write \`{ self.${field} }\` and pass the mode to \`HrTimer::new\`.`,
      });
    }
  }
}

/** A call `…HrTimer::new(…)`: the path segments, the `new` token and (counted when asked) its arguments. */
interface NewCall {
  segments: string[];
  name: Node;
  args: Node;
  count: () => number;
}

function countTokenArgs(tokens: Node[]): number {
  if (tokens.length === 0) return 0;
  let count = 1;
  tokens.forEach((t, i) => {
    if (t.type === ',' && i < tokens.length - 1) count++;
  });
  return count;
}

/** Path calls `a::b::new(…)` written as plain tokens inside a macro's token tree. */
function tokenCalls(tokens: Node[], out: NewCall[]): void {
  for (let i = 2; i + 1 < tokens.length; i++) {
    const args = tokens[i + 1];
    if (tokens[i].type !== 'identifier' || tokens[i].text !== 'new' || tokens[i - 1].type !== '::') continue;
    if (args.type !== 'token_tree' || delimiter(args) !== '(') continue;
    let j = i - 2;
    // A turbofish `HrTimer::<Self>::new`: skip back over the generic arguments.
    if (tokens[j].type === '>' || tokens[j].type === '>>') {
      let depth = 0;
      for (; j >= 0; j--) {
        const t = tokens[j].type;
        if (t === '>') depth++;
        else if (t === '>>') depth += 2;
        else if (t === '<') depth--;
        if (depth <= 0) break;
      }
      if (j < 2 || tokens[j - 1].type !== '::') continue;
      j -= 2;
    }
    const segments = ['new'];
    while (j >= 0 && tokens[j].type === 'identifier') {
      segments.unshift(tokens[j].text);
      if (j >= 2 && tokens[j - 1].type === '::' && tokens[j - 2].type === 'identifier') j -= 2;
      else break;
    }
    if (segments.length < 2) continue;
    out.push({ segments, name: tokens[i], args, count: () => countTokenArgs(innerTokens(args)) });
  }
}

/** `:: new (` as plain tokens, spaces allowed. */
const TOKEN_NEW_CALL = /::\s*new\s*\(/g;
/** The start of a comment, which could sit between those tokens. */
const COMMENT_START = /\/[/*]/g;
/** The word `new`. */
const NEW_WORD = /\bnew\b/g;

/**
 * Every `…::new(…)` call in the file whose path spells one of `types` before `::new`, parsed or inside macro token
 * trees (macro definitions and attributes skipped).
 */
function newCalls(root: Node, types: readonly string[]): NewCall[] {
  const out: NewCall[] = [];
  const structure = structureOf(root);
  const text = structure.text;
  const skip = ['macro_definition', 'attribute_item', 'inner_attribute_item'] as const;
  const skipped = insideSkipped(structure, skip);
  for (const call of structure.extra.get('constructor_call') ?? []) {
    if (skipped(call)) continue;
    const fn = call.childForFieldName('function');
    // The function path ends in its name: only `…::new` goes on to be read from the tree.
    const spelled = fn ? text.slice(fn.startIndex, fn.endIndex) : '';
    if (!fn || !/(?:^|[^A-Za-z0-9_])new$/.test(spelled) || !types.some((t) => spelled.includes(t))) continue;
    const name = fn.childForFieldName('name');
    if (!name || text.slice(name.startIndex, name.endIndex) !== 'new') continue;
    const args = call.childForFieldName('arguments');
    const segs = segmentsOf(fn);
    if (!segs || !args) continue;
    const count = (): number =>
      args.namedChildren.filter((c) => c && c.type !== 'line_comment' && c.type !== 'block_comment' && c.type !== 'attribute_item').length;
    out.push({ segments: segs.map((s) => s.text), name, args, count });
  }
  // Calls written as tokens: every token tree of every macro call, skipping trees whose text has no `::new(` (or,
  // when the tree holds a comment, which may sit between those tokens, no `new` at all).
  const hasCall = containsText(structure, 'new');
  const spellsCall = containsMatch(structure, TOKEN_NEW_CALL);
  const hasComment = containsMatch(structure, COMMENT_START);
  const hasNewWord = containsMatch(structure, NEW_WORD);
  for (const { node, start, end } of spansOutside(structure, ['macro_invocation'], skip)) {
    if (!hasCall(start, end)) continue;
    const spelled = text.slice(start, end);
    if (!types.some((t) => spelled.includes(t))) continue;
    const top = node.children.find((c) => c?.type === 'token_tree');
    const stack = top ? [top] : [];
    while (stack.length) {
      const tree = stack.pop() as Node;
      const from = tree.startIndex;
      const to = tree.endIndex;
      if (!spellsCall(from, to) && (!hasComment(from, to) || !hasNewWord(from, to))) continue;
      const tokens = innerTokens(tree);
      tokenCalls(tokens, out);
      for (let i = tokens.length - 1; i >= 0; i--) if (tokens[i].type === 'token_tree') stack.push(tokens[i]);
    }
  }
  out.sort((a, b) => a.name.startIndex - b.name.startIndex);
  return out;
}

/**
 * The names a path can spell just before `::new` and still resolve to `HrTimer::new`: the type's own name under any
 * of its knowledge-base paths, and local names imported for it (`use …::HrTimer as Timer`). Resolution only ever
 * rewrites a path's first segment, so a call spelling none of these cannot be one.
 */
function typeWords(kb: KnowledgeBase, scope: Scope): string[] {
  const own = new Set<string>();
  for (const item of kb.lookup(NEW)) {
    if (item.path !== NEW) continue;
    for (const p of [item.path, ...(item.aliases ?? [])]) {
      const segs = p.split('::');
      if (segs.length >= 2) own.add(segs[segs.length - 2]);
    }
  }
  const words = new Set(own);
  for (const [local, path] of scope.imports) if (own.has(path.slice(path.lastIndexOf(':') + 1))) words.add(local);
  return [...words];
}

/** `HrTimer::new` called with the argument list of another release. */
function newArguments(root: Node, target: string, scope: Scope, kb: KnowledgeBase, out: SyntaxGateFinding[]): void {
  const item = surelyAvailable(kb, NEW, target);
  const eras = item?.signatures ?? [];
  const current = item && eras.find((e) => inRange(target, e.since ?? item.since, e.until ?? item.until));
  const want = current && signatureParams(current.text, 'new');
  if (!item || !want) return;
  for (const call of newCalls(root, typeWords(kb, scope))) {
    if (!resolvedNames(kb, resolveSegments(call.segments, scope, kb, target), NEW)) continue;
    const count = call.count();
    if (count === want.length) continue;
    // Only a shape some other release accepts is a version problem; any other count is an ordinary error.
    const other = eras.find((e) => e !== current && signatureParams(e.text, 'new')?.length === count);
    if (!other) continue;
    const { since, until } = eraOf(item, other);
    const range = { start: nodeRange(call.name).start, end: nodeRange(call.args).end };
    const written = `HrTimer::new(${(signatureParams(other.text, 'new') ?? []).join(', ')})`;
    const instead = `use \`HrTimer::new(${want.join(', ')})\``;
    if (compareReleases(since, target) > 0) {
      out.push({ range, state: 'not-yet', message: `\`${written}\` is not in Linux ${target} (added in ${since}); ${instead}.` });
    } else if (until) {
      const why = want.length === 0 ? ' (the mode and clock now come from `mode:` in `impl_has_hr_timer!`)' : '';
      out.push({ range, state: 'removed', message: `\`${written}\` is not in Linux ${target} (removed in ${until}); ${instead}${why}.` });
    }
  }
}

/** A kernel method renamed on its own type: the old entry (with `until`) and the entry that replaces it. */
interface MethodRename {
  old: KbItem;
  renamed: KbItem;
  /** The type both belong to (`kernel::mm::virt::VmaRef`). */
  owner: string;
}

const renamesByKb = new WeakMap<KnowledgeBase, MethodRename[]>();

/**
 * The types whose renamed methods are gated on any receiver. Only types whose method names were checked to be theirs
 * alone in the real trees belong here: elsewhere a renamed method's name is often also a method of another type
 * (`__init`, `dma_address`), which a receiver of unknown type cannot tell apart.
 */
const RENAME_OWNERS: readonly string[] = ['kernel::mm::virt::VmaRef'];

/** Method entries whose replacement is another method of the same type under a new name, read once from the KB. */
function methodRenames(kb: KnowledgeBase): MethodRename[] {
  let list = renamesByKb.get(kb);
  if (list) return list;
  list = [];
  for (const old of kb.items) {
    if (old.kind !== 'method' || !old.until || !old.replacement) continue;
    if (!RENAME_OWNERS.some((o) => old.path.startsWith(`${o}::`))) continue;
    const owner = old.path.slice(0, old.path.lastIndexOf('::'));
    const renamed = kb.lookup(old.replacement).find((i) => i.kind === 'method' && i.path === old.replacement);
    if (!renamed || renamed.path.slice(0, renamed.path.lastIndexOf('::')) !== owner || lastSegment(renamed.path) === lastSegment(old.path)) continue;
    // A name some other kernel item also has could be that item's method.
    if ([old, renamed].some((i) => kb.named(lastSegment(i.path)).some((other) => other !== old && other !== renamed))) continue;
    list.push({ old, renamed, owner });
  }
  renamesByKb.set(kb, list);
  return list;
}

/** `x.name(…)` method calls in the file (within the run's ranges), as the `name` tokens. */
function methodCallNames(root: Node, text: string, name: string): Node[] {
  const out: Node[] = [];
  for (const at of occurrencesInRun(root, text, name)) {
    const token = root.descendantForIndex(at, at + name.length);
    if (!token || token.type !== 'field_identifier' || token.startIndex !== at || token.endIndex !== at + name.length) continue;
    const field = token.parent;
    const call = field?.parent;
    if (field?.type !== 'field_expression' || call?.type !== 'call_expression' || call.childForFieldName('function')?.id !== field.id) continue;
    out.push(token);
  }
  return out;
}

/**
 * Does the file work with the owner's module? The receiver's type is seldom written next to the call
 * (`guard.vma_lookup(addr)` gives the VMA), so a call counts when the file imports from the module of the owner's
 * top-level kernel module (`kernel::mm` for `kernel::mm::virt::VmaRef`). The method names gated here are the
 * kernel type's alone (see {@link RENAME_OWNERS}), which is what makes this enough.
 */
function usesOwnerModule(scope: Scope, owner: string): boolean {
  const top = owner.split('::').slice(0, 2).join('::');
  for (const path of scope.imports.values()) {
    const full = path.startsWith('crate::') ? `kernel::${path.slice('crate::'.length)}` : path;
    if (full === top || full.startsWith(`${top}::`)) return true;
  }
  return false;
}

/** Method calls on a receiver to a kernel method the target has under its other name. */
function renamedMethodCalls(root: Node, target: string, scope: Scope, kb: KnowledgeBase, out: SyntaxGateFinding[]): void {
  const text = structureOf(root).text;
  for (const { old, renamed, owner } of methodRenames(kb)) {
    const oldName = lastSegment(old.path);
    const newName = lastSegment(renamed.path);
    const gone = sureStatusAt(old, target);
    const notYet = sureStatusAt(renamed, target);
    const checks: { name: string; message: string; instead: string; state: 'removed' | 'not-yet' }[] = [];
    if (gone?.state === 'removed' && text.includes(oldName)) {
      checks.push({
        name: oldName,
        state: 'removed',
        instead: newName,
        message: `\`${old.path}\` is not in Linux ${target} (removed in ${gone.until}); use \`${renamed.path}\`.`,
      });
    }
    if (notYet?.state === 'not-yet' && text.includes(newName)) {
      checks.push({
        name: newName,
        state: 'not-yet',
        instead: oldName,
        message: `\`${renamed.path}\` is not in Linux ${target} (added in ${notYet.since}); use \`${old.path}\`.`,
      });
    }
    if (checks.length === 0 || !usesOwnerModule(scope, owner)) continue;
    for (const c of checks) {
      for (const token of methodCallNames(root, text, c.name)) {
        const range = nodeRange(token);
        out.push({ range, state: c.state, message: c.message, fixes: [{ title: `Call \`${c.instead}\` instead`, edits: [{ range, newText: c.instead }] }] });
      }
    }
  }
}

/** Every hrtimer syntax gate that the target release fails, for api-unavailable and api-removed to report. */
export function hrtimerSyntaxGates(root: Node, target: string, scope: Scope): SyntaxGateFinding[] {
  const kb = knowledgeBase();
  const out: SyntaxGateFinding[] = [];
  renamedMethodCalls(root, target, scope, kb, out);
  // Both the macro and the type must be spelled in the file (an alias is spelled in its `use`): skip the walks otherwise.
  const text = structureOf(root).text;
  if (!text.includes('HrTimer') && !text.includes('impl_has_hr_timer')) return out;
  macroForms(root, target, scope, kb, out);
  newArguments(root, target, scope, kb, out);
  return out;
}
