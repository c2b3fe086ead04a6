/**
 * A small `macro_rules!` expander, enough to see the items kernel macros generate at item level
 * (`declare_err!(EPERM, …)` → `pub const EPERM`, accessor families inside `impl` blocks, size constants). Rules
 * are matched in order with the common fragment kinds; the expansion is produced as text for the parser to read
 * like any other source. Anything it cannot match expands to nothing: a missed item is reported as missing,
 * never invented.
 */
import type { Node } from 'web-tree-sitter';

/** A token tree: a token, or a delimited group of token trees. */
export type Tt = { readonly tok: string } | { readonly open: string; readonly close: string; readonly items: readonly Tt[] };

type Pat =
  | { readonly t: 'lit'; readonly text: string }
  | { readonly t: 'bind'; readonly name: string; readonly frag: string }
  | { readonly t: 'rep'; readonly inner: readonly Pat[]; readonly sep?: string; readonly op: string }
  | { readonly t: 'group'; readonly open: string; readonly inner: readonly Pat[] };

type Body =
  | { readonly t: 'tok'; readonly text: string }
  | { readonly t: 'var'; readonly name: string }
  | { readonly t: 'rep'; readonly inner: readonly Body[]; readonly sep?: string }
  | { readonly t: 'group'; readonly open: string; readonly close: string; readonly inner: readonly Body[] };

/** One rule of a macro: what it matches and what it expands to. */
export interface MacroRule {
  readonly matcher: readonly Pat[];
  readonly body: readonly Body[];
}

type Bindings = Map<string, Binding>;
type Binding = { readonly text: string } | { readonly reps: Bindings[] };

const CLOSE: Readonly<Record<string, string>> = { '(': ')', '[': ']', '{': '}' };

function kids(node: Node): Node[] {
  return node.children.filter((c): c is Node => c !== null && c.type !== 'line_comment' && c.type !== 'block_comment');
}

/** Token trees of an invocation's or a group's contents (without the outer delimiters). */
export function tokenTrees(group: Node): Tt[] {
  const parts = kids(group);
  return parts.slice(1, -1).map(toTt);
}

function toTt(n: Node): Tt {
  if (n.type === 'token_tree') {
    const parts = kids(n);
    const open = parts[0]?.text ?? '(';
    return { open, close: CLOSE[open] ?? ')', items: parts.slice(1, -1).map(toTt) };
  }
  return { tok: n.text };
}

/** The rules of a `macro_definition` node. */
export function macroRules(def: Node): MacroRule[] {
  const out: MacroRule[] = [];
  for (const rule of def.namedChildren) {
    if (rule?.type !== 'macro_rule') continue;
    const left = rule.childForFieldName('left');
    const right = rule.childForFieldName('right');
    if (!left || !right) continue;
    out.push({ matcher: patterns(kids(left).slice(1, -1)), body: bodies(kids(right).slice(1, -1)) });
  }
  return out;
}

/** The separator and operator after `$( … )`: the grammar does not give the separator a node, so read the text. */
function repetitionTail(rep: Node, parts: Node[], closeAt: number): { sep?: string; op: string } {
  const close = parts[closeAt];
  const tail = rep.text.slice((close ? close.endIndex : rep.endIndex) - rep.startIndex).trim();
  const op = /[*+?]$/.exec(tail)?.[0] ?? '*';
  const sep = tail.slice(0, tail.length - op.length).trim();
  return { sep: sep || undefined, op };
}

function patterns(nodes: Node[]): Pat[] {
  const out: Pat[] = [];
  for (const n of nodes) {
    if (n.type === 'token_binding_pattern') {
      out.push({ t: 'bind', name: (n.childForFieldName('name')?.text ?? '$_').slice(1), frag: n.childForFieldName('type')?.text ?? 'tt' });
    } else if (n.type === 'token_repetition_pattern') {
      const parts = kids(n);
      const closeAt = parts.findIndex((p, i) => i > 1 && p.text === ')' && p.type !== 'token_tree_pattern');
      const inner = parts.slice(2, closeAt < 0 ? parts.length : closeAt);
      const { sep, op } = repetitionTail(n, parts, closeAt);
      out.push({ t: 'rep', inner: patterns(inner), sep, op });
    } else if (n.type === 'token_tree_pattern') {
      const parts = kids(n);
      out.push({ t: 'group', open: parts[0]?.text ?? '(', inner: patterns(parts.slice(1, -1)) });
    } else out.push({ t: 'lit', text: n.text });
  }
  return out;
}

function bodies(nodes: Node[]): Body[] {
  const out: Body[] = [];
  for (const n of nodes) {
    if (n.type === 'metavariable') {
      out.push(n.text === '$crate' ? { t: 'tok', text: '$crate' } : { t: 'var', name: n.text.slice(1) });
    } else if (n.type === 'token_repetition') {
      const parts = kids(n);
      const closeAt = parts.findIndex((p, i) => i > 1 && p.text === ')' && p.type !== 'token_tree');
      const inner = parts.slice(2, closeAt < 0 ? parts.length : closeAt);
      out.push({ t: 'rep', inner: bodies(inner), sep: repetitionTail(n, parts, closeAt).sep });
    } else if (n.type === 'token_tree') {
      const parts = kids(n);
      const open = parts[0]?.text ?? '(';
      out.push({ t: 'group', open, close: CLOSE[open] ?? ')', inner: bodies(parts.slice(1, -1)) });
    } else out.push({ t: 'tok', text: n.text });
  }
  return out;
}

function ttText(t: Tt): string {
  return 'tok' in t ? t.tok : `${t.open}${t.items.map(ttText).join(' ')}${t.close}`;
}

const IDENT = /^(?:r#)?[A-Za-z_][A-Za-z0-9_]*$/;

/** Index just past what fragment `frag` takes from `toks` at `i`, stopping before `stop`; -1 when it cannot. */
function takeFragment(frag: string, toks: readonly Tt[], i: number, stop: string | undefined): number {
  const t = toks[i];
  switch (frag) {
    case 'ident':
      return t && 'tok' in t && IDENT.test(t.tok) ? i + 1 : -1;
    case 'lifetime':
      return t && 'tok' in t && t.tok.startsWith("'") ? i + 1 : -1;
    case 'tt':
      return t ? i + 1 : -1;
    case 'literal':
      return t && 'tok' in t && !IDENT.test(t.tok) ? i + 1 : t && 'tok' in t && /^(true|false)$/.test(t.tok) ? i + 1 : -1;
    case 'vis': {
      if (!t || !('tok' in t) || t.tok !== 'pub') return i;
      const n = toks[i + 1];
      return n && 'open' in n && n.open === '(' ? i + 2 : i + 1;
    }
    case 'block':
      return t && 'open' in t && t.open === '{' ? i + 1 : -1;
    default: {
      // expr, ty, path, pat, stmt, item, meta: up to the next stop token outside `<…>`; none starts with these.
      if (!t || ('tok' in t && /^(?:@|,|;|=>|=|\$)$/.test(t.tok))) return -1;
      let j = i;
      let angle = 0;
      while (j < toks.length) {
        const u = toks[j];
        if ('tok' in u) {
          if (angle === 0 && stop !== undefined && u.tok === stop) break;
          if (angle === 0 && stop === undefined && (u.tok === ';' || u.tok === '=>') && frag !== 'item') break;
          if (u.tok === '<') angle++;
          else if (u.tok === '>' && angle > 0) angle--;
          else if (u.tok === '>>' && angle > 0) angle = Math.max(0, angle - 2);
        }
        j++;
      }
      return j > i ? j : -1;
    }
  }
}

function firstLiteral(pats: readonly Pat[]): string | undefined {
  const p = pats[0];
  if (!p) return undefined;
  if (p.t === 'lit') return p.text;
  if (p.t === 'group') return undefined;
  if (p.t === 'rep') return p.op === '+' ? firstLiteral(p.inner) : undefined;
  return undefined;
}

/** Matches `pats` against `toks` from `i`; returns the index after the match, or -1. */
function matchSeq(pats: readonly Pat[], toks: readonly Tt[], i: number, b: Bindings, whole: boolean, outerStop?: string): number {
  for (let k = 0; k < pats.length; k++) {
    const p = pats[k];
    const t = toks[i];
    if (p.t === 'lit') {
      if (!t || !('tok' in t) || t.tok !== p.text) return -1;
      i++;
    } else if (p.t === 'group') {
      if (!t || !('open' in t) || t.open !== p.open) return -1;
      if (matchSeq(p.inner, t.items, 0, b, true) < 0) return -1;
      i++;
    } else if (p.t === 'bind') {
      const next = pats[k + 1];
      const stop = next === undefined ? outerStop : next.t === 'lit' ? next.text : next.t === 'rep' ? (next.sep ?? firstLiteral(next.inner)) : undefined;
      const j = takeFragment(p.frag, toks, i, stop);
      if (j < 0) return -1;
      b.set(p.name, { text: toks.slice(i, j).map(ttText).join(' ') });
      i = j;
    } else {
      const reps: Bindings[] = [];
      const after = pats[k + 1];
      const stopLit = after?.t === 'lit' ? after.text : undefined;
      for (;;) {
        if (i >= toks.length) break;
        const cur = toks[i];
        if (stopLit !== undefined && 'tok' in cur && cur.tok === stopLit && firstLiteral(p.inner) !== stopLit) break;
        const rb: Bindings = new Map();
        const j = matchSeq(p.inner, toks, i, rb, false, p.sep ?? stopLit);
        if (j <= i) break;
        reps.push(rb);
        i = j;
        if (p.op === '?') break;
        if (p.sep !== undefined) {
          const s = toks[i];
          if (s && 'tok' in s && s.tok === p.sep) i++;
          else break;
        }
      }
      if (p.op === '+' && !reps.length) return -1;
      for (const name of bindingNames(p.inner)) b.set(name, { reps: reps.map((r) => r) });
    }
  }
  return whole && i !== toks.length ? -1 : i;
}

function bindingNames(pats: readonly Pat[]): string[] {
  return pats.flatMap((p) => (p.t === 'bind' ? [p.name] : p.t === 'group' || p.t === 'rep' ? bindingNames(p.inner) : []));
}

function substitute(body: readonly Body[], b: Bindings, depth = 0): string {
  const out: string[] = [];
  for (const e of body) {
    if (e.t === 'tok') out.push(e.text);
    else if (e.t === 'var') {
      const v = b.get(e.name);
      out.push(v && 'text' in v ? v.text : `$${e.name}`);
    } else if (e.t === 'group') out.push(`${e.open} ${substitute(e.inner, b, depth)} ${e.close}`);
    else {
      const names = bodyVars(e.inner).filter((n) => { const v = b.get(n); return v !== undefined && 'reps' in v; });
      const count = names.length ? Math.max(...names.map((n) => (b.get(n) as { reps: Bindings[] }).reps.length)) : 0;
      const parts: string[] = [];
      for (let r = 0; r < count && depth < 8; r++) {
        const inner = new Map(b);
        for (const n of names) {
          const rep = (b.get(n) as { reps: Bindings[] }).reps[r];
          if (rep) for (const [k, v] of rep) inner.set(k, v);
        }
        parts.push(substitute(e.inner, inner, depth + 1));
      }
      out.push(parts.join(e.sep ? ` ${e.sep} ` : ' '));
    }
  }
  return out.join(' ');
}

function bodyVars(body: readonly Body[]): string[] {
  return body.flatMap((e) => (e.t === 'var' ? [e.name] : e.t === 'group' || e.t === 'rep' ? bodyVars(e.inner) : []));
}

/** The expansion text of the first rule that matches the invocation's tokens, or undefined. */
export function expand(rules: readonly MacroRule[], toks: readonly Tt[]): string | undefined {
  for (const rule of rules) {
    const b: Bindings = new Map();
    if (matchSeq(rule.matcher, toks, 0, b, true) >= 0) return substitute(rule.body, b);
  }
  return undefined;
}
