/**
 * Reads `impl_has_hr_timer!` invocations, whose bodies tree-sitter leaves as flat token trees, in both syntaxes:
 * the bare `impl HasHrTimer<Self> for Foo { self.timer }` (6.15–6.16) and the keyed
 * `impl HasHrTimer<Self> for Foo { mode: RelativeMode<Monotonic>, field: self.timer }` (6.17+).
 */
import type { Node } from 'web-tree-sitter';
import type { Range } from '../core/types';
import { spansOutside, structureOf } from './structure';
import { delimiter, hasMetavariables, innerTokens } from './macro-body';
import { nodeRange } from '../parsing/walk';

/** Which body syntax an invocation uses; `other` for anything this reader does not recognise. */
export type HasHrTimerForm = 'bare' | 'mode-field' | 'other';

/** One parsed `impl_has_hr_timer!` invocation. */
export interface HasHrTimerImpl {
  /** The `macro_invocation` node. */
  invocation: Node;
  /** The macro path node as written (`impl_has_hr_timer`, `kernel::impl_has_hr_timer`). */
  macro: Node;
  /** The `{<T: Send>}` token tree after `impl`, when present. */
  generics?: Node;
  /** Tokens between `HasHrTimer<` and the matching `>`. */
  timerType: Node[];
  /** Tokens of the implementing type, between `for` and the body. */
  selfType: Node[];
  /** Last path segment of the implementing type before its generic arguments (`Foo` for `a::Foo<T>`). */
  selfName?: string;
  /** The `{ … }` token tree holding the body. */
  body?: Node;
  form: HasHrTimerForm;
  /** `mode:` tokens (the mode type), keyed form only. */
  mode?: Node[];
  /** The field name token after `self.`. */
  field?: Node;
  /** Range of the body's tokens, braces excluded (the braces when the body is empty). */
  bodyRange?: Range;
  /** True when the invocation contains `$` tokens (a macro template that cannot be judged). */
  hasMetavariables: boolean;
}


/** Is `n` an identifier token (spelling `text`, when given)? */
function isIdentifierToken(n: Node | undefined, text?: string): n is Node {
  return !!n && n.type === 'identifier' && (text === undefined || n.text === text);
}

/** The last segment of a macro path node (`kernel::impl_has_hr_timer` → `impl_has_hr_timer`). */
export function macroName(macro: Node): string {
  if (macro.type === 'scoped_identifier') return macro.childForFieldName('name')?.text ?? '';
  return macro.text;
}

/** Reads the body tokens: `self . field` or `mode : TYPE , field : self . field ,?`. */
function readBody(tokens: Node[]): Pick<HasHrTimerImpl, 'form' | 'mode' | 'field'> {
  const selfField = (t: Node[]): Node | undefined =>
    t.length === 3 && t[0].type === 'self' && t[1].type === '.' && isIdentifierToken(t[2]) ? t[2] : undefined;
  const bare = selfField(tokens);
  if (bare) return { form: 'bare', field: bare };
  const entries: Node[][] = [[]];
  for (const t of tokens) {
    if (t.type === ',') entries.push([]);
    else entries[entries.length - 1].push(t);
  }
  if (entries.length > 1 && entries[entries.length - 1].length === 0) entries.pop();
  if (entries.length === 2) {
    const [m, f] = entries;
    const field = isIdentifierToken(f[0], 'field') && f[1]?.type === ':' ? selfField(f.slice(2)) : undefined;
    if (isIdentifierToken(m[0], 'mode') && m[1]?.type === ':' && m.length > 2 && field) return { form: 'mode-field', mode: m.slice(2), field };
  }
  return { form: 'other' };
}

/**
 * What readHasHrTimer made of each invocation node: the syntax gates and the missing-link rule both read every
 * invocation that names the macro, from the same (per-run) structure nodes.
 */
const reads = new WeakMap<Node, HasHrTimerImpl | null>();

/** Reads one `impl_has_hr_timer!` invocation, or returns undefined when `node` is not one. */
export function readHasHrTimer(node: Node): HasHrTimerImpl | undefined {
  let read = reads.get(node);
  if (read === undefined) {
    read = readInvocation(node) ?? null;
    reads.set(node, read);
  }
  return read ?? undefined;
}

function readInvocation(node: Node): HasHrTimerImpl | undefined {
  if (node.type !== 'macro_invocation') return undefined;
  const macro = node.childForFieldName('macro');
  const args = node.children.find((c) => c?.type === 'token_tree');
  if (!macro || !args || macroName(macro) !== 'impl_has_hr_timer') return undefined;
  const result: HasHrTimerImpl = { invocation: node, macro, timerType: [], selfType: [], form: 'other', hasMetavariables: hasMetavariables(args) };
  const tokens = innerTokens(args);
  let i = 0;
  if (tokens[i]?.type !== 'impl') return result;
  i++;
  if (tokens[i]?.type === 'token_tree' && delimiter(tokens[i]) === '{') result.generics = tokens[i++];
  if (!isIdentifierToken(tokens[i], 'HasHrTimer') || tokens[i + 1]?.type !== '<') return result;
  i += 2;
  // Angle brackets are plain tokens here; count them to find the `>` closing `HasHrTimer<`.
  let depth = 1;
  for (; i < tokens.length; i++) {
    const t = tokens[i].type;
    if (t === '<') depth++;
    else if (t === '>') depth--;
    else if (t === '>>') depth -= 2;
    if (depth <= 0) break;
    result.timerType.push(tokens[i]);
  }
  if (depth !== 0 || tokens[i + 1]?.type !== 'for') return result;
  i += 2;
  depth = 0;
  for (; i < tokens.length; i++) {
    const t = tokens[i];
    if (depth === 0 && t.type === 'token_tree' && delimiter(t) === '{') {
      result.body = t;
      break;
    }
    if (t.type === '<') depth++;
    else if (t.type === '>') depth--;
    else if (t.type === '>>') depth -= 2;
    else if (depth === 0 && isIdentifierToken(t)) result.selfName = t.text;
    result.selfType.push(t);
  }
  if (!result.body) return result;
  const inner = innerTokens(result.body);
  result.bodyRange = inner.length
    ? { start: nodeRange(inner[0]).start, end: nodeRange(inner[inner.length - 1]).end }
    : nodeRange(result.body);
  Object.assign(result, readBody(inner));
  return result;
}

/** Every `impl_has_hr_timer!` invocation in the file (macro definitions skipped), in document order. */
export function hasHrTimerImpls(root: Node): HasHrTimerImpl[] {
  const structure = structureOf(root);
  // The macro's name must be spelled in the file (and in the invocation) for any invocation to be one.
  if (!structure.text.includes('impl_has_hr_timer')) return [];
  const out: HasHrTimerImpl[] = [];
  for (const { node, start, end } of spansOutside(structure, ['macro_invocation'], ['macro_definition', 'macro_invocation'])) {
    if (!structure.text.slice(start, end).includes('impl_has_hr_timer')) continue;
    const read = readHasHrTimer(node);
    if (read) out.push(read);
  }
  return out;
}

/** An `impl … HrTimerCallback for T` block whose trait resolves to the kernel's `HrTimerCallback`. */
export interface CallbackImpl {
  impl: Node;
  /** The implementing type node as written. */
  type: Node;
  /** Its name when it is a plain, one-segment type (`Foo`, `Foo<T>`); undefined for `a::Foo`, `Pin<…>`, `&T`. */
  typeName?: string;
  /** The `fn run` inside the block, when present. */
  run?: Node;
}

/** The one-segment name of a type node (`Foo`, `Foo<T>` → `Foo`), or undefined for paths, references and the like. */
export function plainTypeName(type: Node): string | undefined {
  const t = type.type === 'generic_type' ? type.childForFieldName('type') : type;
  return t?.type === 'type_identifier' ? t.text : undefined;
}

/**
 * The `impl` blocks of the file for a trait, chosen by `isTrait` on the trait node (the caller resolves names),
 * outside macro definitions.
 */
export function callbackImpls(root: Node, isTrait: (trait: Node) => boolean): CallbackImpl[] {
  const out: CallbackImpl[] = [];
  for (const { node } of spansOutside(structureOf(root), ['impl_item'], ['macro_definition', 'macro_invocation'])) {
    const trait = node.childForFieldName('trait');
    const type = node.childForFieldName('type');
    if (trait && type && isTrait(trait)) {
      const body = node.childForFieldName('body');
      const run = body?.namedChildren.find((c) => c?.type === 'function_item' && c.childForFieldName('name')?.text === 'run') ?? undefined;
      out.push({ impl: node, type, typeName: plainTypeName(type), run });
    }
  }
  return out;
}
