/**
 * fallible-in-infallible-init: error propagation inside `pin_init!`/`init!` (`?`, `return Err`, a `<-` of a fallible
 * initializer), an infallible init macro returned where a
 * fallible initializer is promised, and `pin_init::try_*!` without `? E`.
 */
import type { Node } from 'web-tree-sitter';
import type { Fix } from '../core/types';
import { knowledgeBase, surelyAvailable } from '../kb';
import { defineRule } from './engine';
import { innerTokens, tokenMacroCalls, type InitMacro } from '../syntax/macro-body';
import { classifyTokens, pinInitFile, PIN_INIT_SINCE, type InitializerKind, type PinInitFile } from '../semantics/pin-init-facts';
import type { Scope } from '../semantics/scope';
import { nodeRange } from '../parsing/walk';
import { splitTopLevel } from '../parsing/chars';

/** Tokens that start a closure, an async block or a nested function: `?` inside them is theirs. */
const OWN_SCOPE = new Set(['|', '||', 'move', 'async', 'fn', 'try']);
/** Tokens after which a `?` is the error-propagation operator (not `?Sized`). */
const EXPR_END = new Set(['identifier', 'self', 'await', 'integer_literal', 'float_literal', 'string_literal', 'raw_string_literal', 'char_literal', 'boolean_literal', '?']);
const NESTED_INIT = new Set(['pin_init', 'try_pin_init', 'init', 'try_init']);
/** A `#[default_error(E)]` attribute at the head of an init macro's body (7.0+). */
const DEFAULT_ERROR = /^[({[]\s*#\s*\[\s*default_error\b/;

/** `?` operators and `return Err` in an entry, or undefined when the entry has its own closures. */
function propagations(entry: readonly Node[]): Node[] | undefined {
  const out: Node[] = [];
  const stack: Node[][] = [[...entry]];
  while (stack.length) {
    const toks = stack.pop() as Node[];
    const skip = new Set<number>();
    for (const call of tokenMacroCalls(toks)) {
      if (NESTED_INIT.has(call.path[call.path.length - 1].text)) skip.add(call.args.id);
    }
    for (let i = 0; i < toks.length; i++) {
      const t = toks[i];
      if (OWN_SCOPE.has(t.type)) return undefined;
      if (t.type === 'token_tree') {
        if (!skip.has(t.id)) stack.push(innerTokens(t));
        continue;
      }
      const prev = toks[i - 1];
      if (t.type === '?' && prev && (EXPR_END.has(prev.type) || (prev.type === 'token_tree' && prev.firstChild?.type !== '{'))) out.push(t);
      if (t.type === 'return' && toks[i + 1]?.type === 'identifier' && toks[i + 1].text === 'Err') out.push(t);
    }
  }
  return out;
}

/** For a `try_*!` call without `? E`: true when it is surely the `pin_init` crate's macro, which has no default error. */
function isCrateMacro(m: InitMacro, scope: Scope): boolean {
  const segs = m.path.map((p) => p.text);
  if (segs.length > 1) return segs[0] === 'pin_init' || (segs[0] === 'crate' && scope.crateName === 'pin_init');
  if (scope.crateName === 'pin_init') return true;
  const imported = scope.imports.get(segs[0]);
  if (imported !== undefined) return imported.startsWith('pin_init::');
  const kernelGlob = scope.globs.some((g) => g === 'kernel' || g.startsWith('kernel::'));
  return scope.globs.includes('pin_init') && !kernelGlob;
}

/** Can `try_pin_init!`/`try_init!` be named the same way as this call, resolving to the kernel's macro? */
function renameWorks(m: InitMacro, scope: Scope, target: string): boolean {
  const segs = m.path.map((p) => p.text);
  // A written `kernel::pin_init!` can become `kernel::try_pin_init!` while the kernel crate still has the former.
  if (segs.length > 1) return segs[0] === 'kernel' && !!surelyAvailable(knowledgeBase(), `${segs.join('::')}!`, target);
  const tryName = `try_${segs[0]}`;
  const imported = scope.imports.get(tryName);
  if (imported !== undefined) return imported.startsWith('kernel::');
  return scope.globs.includes('kernel::prelude') && !scope.globs.includes('pin_init');
}


/** `-> impl PinInit<T, E>` / `-> impl Init<T, E>` written on a function. */
const RETURNS_INIT = /^impl\s+(?:(?:::)?[A-Za-z_][A-Za-z0-9_]*\s*::\s*)*(Pin)?Init\s*<([\s\S]*)>$/;

/**
 * The error type a function promises when the init macro `m` is the whole value it returns (the tail expression of
 * its body) and its return type is `impl PinInit<T, E>`/`impl Init<T, E>` with an `E` that is surely not
 * `Infallible`: a plain path, not one of the function's own generic parameters.
 */
function promisedError(m: InitMacro): string | undefined {
  const call = m.invocation;
  const block = call?.parent;
  if (!call || block?.type !== 'block') return undefined;
  const fn = block.parent;
  if (fn?.type !== 'function_item' || fn.childForFieldName('body')?.id !== block.id) return undefined;
  const named = block.namedChildren.filter((c) => c && c.type !== 'line_comment' && c.type !== 'block_comment');
  if (named[named.length - 1]?.id !== call.id) return undefined;
  const ret = RETURNS_INIT.exec(fn.childForFieldName('return_type')?.text.trim() ?? '');
  if (!ret) return undefined;
  const args = splitTopLevel(ret[2]).pieces.filter(Boolean);
  if (args.length !== 2) return undefined;
  const error = args[1].replace(/\s+/g, '');
  if (!/^(?:::)?[A-Za-z_][A-Za-z0-9_]*(?:::[A-Za-z_][A-Za-z0-9_]*)*$/.test(error) || /(?:^|:)Infallible$/.test(error)) return undefined;
  const params = fn.childForFieldName('type_parameters')?.text ?? '';
  if (new RegExp(`\\b${error.replace(/^.*::/, '')}\\b`).test(params)) return undefined;
  return error;
}

/** Last segments of the knowledge base's functions whose initializer has a concrete error type in some release. */
let kbFallible: Set<string> | undefined;

/** Could a call of `name` (last segment) be a fallible initializer: a KB function's or this file's own? */
function mayBeFallible(name: string, facts: PinInitFile): boolean {
  if (!kbFallible) {
    kbFallible = new Set();
    for (const i of knowledgeBase().items) {
      if ((i.kind === 'fn' || i.kind === 'method') && i.signatures?.some((g) => /->\s*impl\s+(?:[\w:]*::)?(?:Pin)?Init\s*<[^\n]*,\s*[A-Za-z_][\w:]*>/.test(g.text))) {
        for (const p of [i.path, ...(i.aliases ?? [])]) kbFallible.add(p.slice(p.lastIndexOf('::') + 2));
      }
    }
  }
  if (kbFallible.has(name)) return true;
  for (const [key, kind] of facts.initializers) if (kind?.error !== undefined && (key === name || key.endsWith(`::${name}`))) return true;
  return false;
}

/** The `<-` entries of a macro whose initializer surely has a real error type (knowledge base or this file's fns). */
function fallibleArrows(m: InitMacro, facts: PinInitFile, filePath: string | undefined, target: string): { value: Node[]; kind: InitializerKind & { error: string } }[] {
  const out: { value: Node[]; kind: InitializerKind & { error: string } }[] = [];
  for (const entry of m.fields) {
    if (entry.kind !== 'arrow' || entry.value.length === 0) continue;
    // Most `<-` run a lock or timer constructor: only a callee some signature makes fallible is classified.
    const v = entry.value;
    const callee = v.length === 1 ? v[0] : v[v.length - 2];
    const name = callee?.type === 'identifier' ? callee.text : undefined;
    if (!name || (v.length === 1 ? !facts.hints.mayBind(name) : !mayBeFallible(name, facts))) continue;
    const kind = classifyTokens(entry.value, facts.scope, filePath, facts.initializers, target, facts.hints);
    if (kind?.fallible && kind.error !== undefined && !kind.label.endsWith('!')) out.push({ value: entry.value, kind: kind as InitializerKind & { error: string } });
  }
  return out;
}

/** Is this error type, as written in the file or the knowledge base, `kernel::error::Error`? */
function isKernelError(error: string, scope: Scope): boolean {
  if (/^(?:::)?kernel::error::Error$/.test(error)) return true;
  if (error !== 'Error' || scope.locals.has('Error')) return false;
  const imported = scope.imports.get('Error');
  if (imported !== undefined) return imported === 'kernel::error::Error' || imported === 'kernel::prelude::Error';
  return scope.globs.includes('kernel::prelude') && !scope.globs.includes('pin_init');
}

export default defineRule({
  id: 'fallible-in-infallible-init',
  // pin-init arrived in 6.4; before it none of this syntax exists.
  since: PIN_INIT_SINCE,
  severity: 'error',
  docs: {
    what: 'Flags `?` and `return Err(…)` inside `pin_init!`/`init!`, whose error type is `Infallible`; a `<-` there that runs an initializer with a real error type (`impl PinInit<T, Error>` by the knowledge-base signature of the kernel function at the target release, or by the signature of a function in the same file); a `pin_init!`/`init!` that is the returned value of a function declared `-> impl PinInit<T, E>`/`-> impl Init<T, E>` with an `E` other than `Infallible`; and calls of the `pin_init` crate\'s `try_pin_init!`/`try_init!` (6.15+) without the `? ErrorType` suffix.',
    why: 'The field expressions of an init macro run inside a closure that returns the macro\'s error type; for `pin_init!`/`init!` that is `Infallible`, so any error propagation fails to build with a confusing `From` error. Unlike the kernel\'s `try_pin_init!`, which defaults to `kernel::error::Error`, the `pin_init` crate\'s version has no default and does not match without a suffix.',
    example: 'pin_init!(Self { regs: map_regs(pdev)?, lock <- new_mutex!(()) })',
    useInstead: 'try_pin_init!(Self { regs: map_regs(pdev)?, lock <- new_mutex!(()) })',
  },
  check(ctx) {
    const facts = pinInitFile(ctx);
    const { scope, macros } = facts;
    const crateTryHere = !!surelyAvailable(knowledgeBase(), 'pin_init::try_pin_init!', ctx.target);
    for (const m of macros) {
      if (m.hasMetavariables || !m.body) continue;
      if (m.name === 'pin_init' || m.name === 'init') {
        // From 7.0 `pin_init!(… ? E)` and `#[default_error(E)]` make the macro fallible; before 7.0 both are syntax
        // the version gates report.
        if (m.errorSuffix || DEFAULT_ERROR.test(m.args.text)) continue;
        const found: Node[] = [];
        for (const entry of m.fields) found.push(...(propagations(entry.tokens) ?? []));
        const fallible = `try_${m.name}`;
        const last = m.path[m.path.length - 1];
        const fixes: Fix[] = renameWorks(m, scope, ctx.target)
          ? [{ title: `Use \`${fallible}!\``, edits: [{ range: nodeRange(last), newText: fallible }] }]
          : [];
        const arrows = found.length === 0 ? fallibleArrows(m, facts, ctx.filePath, ctx.target) : [];
        if (arrows.length > 0) {
          // One error type for every fallible `<-` (else converting between them is the author's choice, no fix).
          const error = arrows.every((a) => a.kind.error === arrows[0].kind.error) ? arrows[0].kind.error : undefined;
          const suffixHere = !!surelyAvailable(knowledgeBase(), 'syntax::init-error-suffix', ctx.target);
          const end = nodeRange(m.body).end;
          const plainPath = error !== undefined && /^(?:::)?[A-Za-z_]\w*(?:::[A-Za-z_]\w*)*$/.test(error);
          let arrowFixes: Fix[] = [];
          if (error !== undefined && isKernelError(error, scope)) arrowFixes = fixes;
          else if (error !== undefined && plainPath && !error.startsWith('kernel::')) {
            // Only an error type this file's own signature spells is surely nameable here.
            if (suffixHere) arrowFixes = [{ title: `Add \`? ${error}\``, edits: [{ range: { start: end, end }, newText: `? ${error}` }] }];
            else if (fixes.length) arrowFixes = [{ title: `Use \`${fallible}!(… ? ${error})\``, edits: [...fixes[0].edits, { range: { start: end, end }, newText: `? ${error}` }] }];
          }
          for (const a of arrows) {
            const first = a.value[0];
            const last = a.value[a.value.length - 1];
            ctx.report(
              { start: nodeRange(first).start, end: nodeRange(last).end },
              `\`${a.kind.label}\` is an initializer with error type \`${a.kind.error}\`, so \`<-\` cannot run it inside \`${m.name}!\`, whose error type is \`Infallible\`; use \`${fallible}!\`${isKernelError(a.kind.error, scope) ? '' : ` with \`? ${a.kind.error}\``}.`,
              arrowFixes,
            );
          }
          continue;
        }
        const promised = found.length === 0 ? promisedError(m) : undefined;
        if (promised && m.body) {
          // From 7.0 the macro itself takes the error type; before, only the `try_` macros do (the kernel's
          // defaults to `kernel::error::Error`, so renaming is enough only when that is the type promised).
          const suffixHere = !!surelyAvailable(knowledgeBase(), 'syntax::init-error-suffix', ctx.target);
          const end = nodeRange(m.body).end;
          const promiseFixes: Fix[] = suffixHere
            ? [{ title: `Add \`? ${promised}\``, edits: [{ range: { start: end, end }, newText: `? ${promised}` }] }]
            : /^(?:(?:::)?kernel::error::)?Error$/.test(promised)
              ? fixes
              : [];
          const instead = suffixHere ? `write \`${m.name}!(… }? ${promised})\`` : `use \`${fallible}!\``;
          ctx.report(
            m.nameNode,
            `\`${m.name}!\` makes an initializer whose error type is \`Infallible\`, but the function returns one with error \`${promised}\`; ${instead}.`,
            promiseFixes,
          );
          continue;
        }
        if (found.length === 0) continue;
        for (const t of found) {
          const what = t.type === '?' ? '`?`' : '`return Err(…)`';
          ctx.report(t, `${what} inside \`${m.name}!\` cannot propagate an error because its error type is \`Infallible\`; use \`${fallible}!\`.`, fixes);
        }
      } else if (!m.errorSuffix && crateTryHere && isCrateMacro(m, scope)) {
        const segs = m.path.map((p) => p.text);
        const fixes: Fix[] =
          segs.length === 2 && segs[0] === 'pin_init' && !ctx.filePath?.replace(/\\/g, '/').includes('/rust/pin-init/')
            ? [{ title: `Use \`kernel::${m.name}!\` (defaults to \`kernel::error::Error\`)`, edits: [{ range: nodeRange(m.path[0]), newText: 'kernel' }] }]
            : [];
        ctx.report(
          m.nameNode,
          `\`pin_init::${m.name}!\` has no default error type (unlike \`kernel::${m.name}!\`), so it needs \`? ErrorType\` after the closing brace.`,
          fixes,
        );
      }
    }
  },
});
