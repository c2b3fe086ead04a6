/** hrtimer-callback-signature: `HrTimerCallback::run` written for another release, or not returning `HrTimerRestart`. */
import type { Node } from 'web-tree-sitter';
import { signatureParamList } from './gates/hrtimer-syntax-gates';
import { namesKernelItem } from '../semantics/kernel-refs';
import { resolveSegments } from '../semantics/resolve';
import type { Fix } from '../core/types';
import { knowledgeBase, lastSegment, sureStatusAt } from '../kb';
import type { KbItem, SignatureEra } from '../kb/types';
import { compareReleases } from '../kb/version';
import { walk, nodeRange } from '../parsing/walk';
import { defineRule } from './engine';
import { type Scope } from '../semantics/scope';
import { segmentsOf } from '../semantics/path-segments';

const CALLBACK = 'kernel::time::hrtimer::HrTimerCallback';
const RUN = `${CALLBACK}::run`;
const MODULE = 'kernel::time::hrtimer';
const RAW_CALLBACK = `${MODULE}::RawHrTimerCallback`;
/** The kernel's `Box` type aliases (`KBox<T>` is `Box<T, Kmalloc>`): one pointer kind for the callback. */
const BOX_ALIASES = new Set(['Box', 'KBox', 'VBox', 'KVBox']);

/**
 * The kind of a pointer or callback-target type, from its text: `Arc`, `ArcBorrow`, `Pin<Box>`, `Pin<&>`,
 * `Pin<&mut>`, `&`, `&mut`; undefined for anything else (an alias, a generic, `Self::…`), which is not judged.
 */
function shapeOf(text: string): string | undefined {
  const t = text.replace(/'\w+\b\s*,?/g, '').replace(/\s+/g, '');
  if (t.startsWith('Pin<&mut')) return 'Pin<&mut>';
  if (t.startsWith('Pin<&')) return 'Pin<&>';
  const boxed = /^Pin<(?:(?:::)?[\w]+::)*(\w+)</.exec(t);
  if (boxed) return BOX_ALIASES.has(boxed[1]) ? 'Pin<Box>' : undefined;
  if (t.startsWith('&mut')) return '&mut';
  if (t.startsWith('&')) return '&';
  const named = /^(?:(?:::)?\w+::)*(\w+)(?:<|$)/.exec(t)?.[1];
  return named === 'Arc' || named === 'ArcBorrow' ? named : undefined;
}

/** What `run` receives for each pointer kind, read from the knowledge base's impls of `RawHrTimerCallback` at the target. */
function callbackTargets(target: string): Map<string, string> {
  const out = new Map<string, string>();
  const item = knowledgeBase().resolve(RAW_CALLBACK, target);
  const status = item && sureStatusAt(item, target);
  if (status?.state !== 'available' || !status.signature) return out;
  for (const line of status.signature.text.split('\n')) {
    const m = /^impl<[^>]*>\s+RawHrTimerCallback\s+for\s+(.+?)\s*\{\s*type\s+CallbackTarget<'\w+>\s*=\s*(.+?);\s*\}$/.exec(line.trim());
    if (!m) continue;
    const pointer = shapeOf(m[1]);
    const receives = m[2] === 'Self' ? m[1] : m[2];
    if (pointer) out.set(pointer, receives.replace(/&'\w+\s*/g, '&').replace(/'\w+/g, "'_").replace(/\bT\b/g, 'Self'));
  }
  return out;
}

/** The type text of `type Pointer<'a> = …;` in an impl, read from the text before `fn run` (no tree walk). */
function pointerType(text: string, impl: Node, run: Node): string | undefined {
  const head = text.slice(impl.startIndex, run.startIndex);
  const m = /\btype\s+Pointer\s*<\s*'\w+\s*>\s*=\s*([^;{}]+);/.exec(head);
  return m?.[1].trim();
}

function eraRange(item: KbItem, era: SignatureEra): { since: string; until?: string } {
  return { since: era.since ?? item.since, until: era.until ?? item.until };
}

/** The binding name of a parameter (`mut ctx: …` → `ctx`), undefined for `_` and destructuring patterns. */
function bindingName(param: Node): string | undefined {
  const pattern = param.childForFieldName('pattern');
  return pattern?.type === 'identifier' ? pattern.text : undefined;
}

/** Is `name` mentioned in the function body (as an identifier or a macro token)? */
function usedIn(body: Node | null, name: string): boolean {
  if (!body) return false;
  let used = false;
  walk(body, (n) => {
    if (n.type === 'identifier' && n.text === name) used = true;
    return !used;
  });
  return used;
}

/** A parameter text from the knowledge base, written so that it compiles in this file (`_ctx: HrTimerCallbackContext<'_, Self>`). */
function parameterForFile(param: string, scope: Scope, target: string): string | undefined {
  const m = /^(\w+)\s*:\s*([A-Za-z_]\w*)(.*)$/.exec(param);
  if (!m) return undefined;
  const [, name, typeName, rest] = m;
  const kb = knowledgeBase();
  const full = `${MODULE}::${typeName}`;
  if (!kb.resolve(full, target)) return undefined;
  const visible = resolveSegments([typeName], scope, kb, target) === full;
  const path = visible ? typeName : scope.crateName === 'kernel' ? `crate${full.slice('kernel'.length)}` : full;
  return `_${name}: ${path}${rest}`;
}

/** Does the written return type name `HrTimerRestart` (or something we cannot judge, such as a local alias)? */
function returnTypeFine(ret: Node, expected: string, scope: Scope, target: string): boolean {
  const segs = segmentsOf(ret);
  if (!segs) return ret.type !== 'unit_type' && ret.type !== 'primitive_type' && ret.type !== 'tuple_type' && ret.type !== 'reference_type';
  const last = segs[segs.length - 1].text;
  if (last === lastSegment(expected)) return true;
  if (namesKernelItem(ret, scope, target, expected)) return true;
  const kb = knowledgeBase();
  // A path we cannot resolve (local alias, `Self::…`, a re-export) may well be the right type.
  return !resolveSegments(segs.map((s) => s.text), scope, kb, target) || segs[0].text === 'Self';
}

export default defineRule({
  id: 'hrtimer-callback-signature',
  severity: 'error',
  since: knowledgeBase().lookup(RUN)[0]?.since,
  docs: {
    what:
      'Checks `fn run` in an `impl HrTimerCallback for …` block against the target release: one parameter (`this`) before 6.18, ' +
      'two from 6.18 (`this` and `ctx: HrTimerCallbackContext<\'_, Self>`), a return type of `HrTimerRestart` in every release, ' +
      'and a `this` of the type the `type Pointer<\'a>` hands out (`ArcBorrow<\'_, Self>` for `Arc<Self>`, `Pin<&mut Self>` for `Pin<KBox<Self>>` and `Pin<&mut Self>`, `Pin<&Self>` for `Pin<&Self>`, as the knowledge base lists the impls of `RawHrTimerCallback`).',
    why:
      'A trait method whose parameters differ from the trait does not compile, and the error ("method `run` has 1 parameter but the declaration in trait has 2") does not say that the trait changed in 6.18. ' +
      'Returning anything but `HrTimerRestart` is rejected too; the value tells the hrtimer core whether to re-queue the timer.',
    example:
      '// target: Linux 6.18\nimpl HrTimerCallback for Blinker {\n    type Pointer<\'a> = Arc<Self>;\n    fn run(this: ArcBorrow<\'_, Self>) -> HrTimerRestart {\n        HrTimerRestart::NoRestart\n    }\n}',
    useInstead:
      'impl HrTimerCallback for Blinker {\n    type Pointer<\'a> = Arc<Self>;\n    fn run(this: ArcBorrow<\'_, Self>, _ctx: HrTimerCallbackContext<\'_, Self>) -> HrTimerRestart {\n        HrTimerRestart::NoRestart\n    }\n}',
  },
  check(ctx) {
    if (!ctx.text.includes('HrTimerCallback')) return;
    const kb = knowledgeBase();
    const item = kb.resolve(RUN, ctx.target);
    const status = item && sureStatusAt(item, ctx.target);
    if (!item || status?.state !== 'available' || !status.signature) return;
    const eras = item.signatures ?? [];
    const current = status.signature;
    const want = signatureParamList(current.text, 'run');
    const returns = /->\s*([A-Za-z_]\w*)/.exec(current.text.slice(current.text.indexOf('fn run(')))?.[1];
    if (!want) return;
    const scope = ctx.scope;
    const expectedReturn = returns ? `${MODULE}::${returns}` : undefined;
    const impls = ctx.kernelTraitImpls(CALLBACK);
    let targets: Map<string, string> | undefined;
    for (const impl of impls) {
      const run = impl.run;
      const name = run?.childForFieldName('name');
      const params = run?.childForFieldName('parameters');
      if (!run || !name || !params) continue;
      const have = params.namedChildren.filter((c): c is Node => !!c && (c.type === 'parameter' || c.type === 'self_parameter' || c.type === 'variadic_parameter'));
      // `this` must be what the pointer kind hands out (`Pointer = Arc<Self>` → `ArcBorrow<'_, Self>`).
      const pointer = pointerType(ctx.text, impl.impl, run);
      const thisType = pointer && have[0]?.type === 'parameter' ? have[0].childForFieldName('type') : null;
      if (pointer && thisType) {
        targets ??= callbackTargets(ctx.target);
        const pointerShape = shapeOf(pointer);
        const expected = pointerShape ? targets.get(pointerShape) : undefined;
        const written = shapeOf(thisType.text);
        if (expected && written && written !== shapeOf(expected)) {
          ctx.report(thisType, `With \`type Pointer<'a> = ${pointer}\`, \`HrTimerCallback::run\` receives \`${expected}\` in Linux ${ctx.target}, not \`${thisType.text}\`.`);
        }
      }
      if (have.length !== want.length) {
        const fits = eras.find((e) => e !== current && signatureParamList(e.text, 'run')?.length === have.length);
        const fitsRange = fits ? eraRange(item, fits) : undefined;
        const fixes: Fix[] = [];
        let message: string;
        if (have.length < want.length) {
          const missing = want.slice(have.length);
          const since = fitsRange?.until && compareReleases(fitsRange.until, ctx.target) <= 0 ? ` (added in ${eraRange(item, current).since})` : '';
          message = `\`HrTimerCallback::run\` takes ${missing.length === 1 ? 'a further parameter' : 'further parameters'} \`${missing.join('`, `')}\` in Linux ${ctx.target}${since}.`;
          const texts = missing.map((p) => parameterForFile(p, scope, ctx.target));
          const after = have[have.length - 1];
          if (after && texts.every((t): t is string => !!t)) {
            const end = nodeRange(after).end;
            fixes.push({ title: `Add the \`${texts.join(', ')}\` parameter`, edits: [{ range: { start: end, end }, newText: `, ${texts.join(', ')}` }] });
          }
        } else {
          const extra = have.slice(want.length);
          const arrived = fitsRange && compareReleases(fitsRange.since, ctx.target) > 0 ? ` (the extra parameter arrived in ${fitsRange.since})` : '';
          const only = want.length ? `only \`${want.map((p) => p.split(':')[0].trim()).join('`, `')}\`` : 'no parameters';
          message = `\`HrTimerCallback::run\` takes ${only} in Linux ${ctx.target}${arrived}.`;
          const body = run.childForFieldName('body');
          const removable = extra.every((p) => {
            const n = bindingName(p);
            return p.type === 'parameter' && (!n || n.startsWith('_') || !usedIn(body, n));
          });
          const keep = have[want.length - 1];
          if (keep && removable) {
            fixes.push({
              title: 'Remove the extra parameter',
              edits: [{ range: { start: nodeRange(keep).end, end: nodeRange(extra[extra.length - 1]).end }, newText: '' }],
            });
          }
        }
        ctx.report(name, message, fixes);
      }
      if (!expectedReturn || !kb.resolve(expectedReturn, ctx.target)) continue;
      const ret = run.childForFieldName('return_type');
      if (!ret) {
        // No `->` at all: point at the closing parenthesis, where the return type belongs.
        ctx.report(params.lastChild ?? name, `\`HrTimerCallback::run\` must return \`${returns}\` in Linux ${ctx.target}; this one returns \`()\`.`);
      } else if (!returnTypeFine(ret, expectedReturn, scope, ctx.target)) {
        ctx.report(ret, `\`HrTimerCallback::run\` must return \`${returns}\` in Linux ${ctx.target}, not \`${ret.text}\`.`);
      }
    }
  },
});

