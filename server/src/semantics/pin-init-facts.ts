/**
 * What the pin-init rules know about kernel types and initializers: which types must stay pinned, which calls
 * produce pin-initializers, and how a name written in this file resolves to them.
 */
import type { Node } from 'web-tree-sitter';
import { compareReleases } from '../kb/version';
import type { Range, TextEdit } from '../core/types';
import type { FileFacts } from './file-facts';
import { knowledgeBase, sinceOf, sureStatusAt, surelyAvailable } from '../kb';
import { delimiter, enclosingImplType, type InitMacro, type StructDef } from '../syntax/macro-body';
import { nodeRange } from '../parsing/walk';
import { type Scope, canonicalRoot } from './scope';
import { splitTopLevel } from '../parsing/chars';


/** The pin-init API (`kernel::init`) arrived in 6.4; before it the pin-init rules have nothing to check. */
export const PIN_INIT_SINCE: string = sinceOf('kernel::init');

/**
 * Kernel types whose values must never move once initialised (they embed C objects the kernel points at, or
 * are `#[pin_data]` with `#[pin]` members), by module path; `since` when older releases had an unpinned type
 * under the same name. `PhantomPinned` is not here: an unpinned one is its own rule (unpinned-phantom-pinned),
 * since it does not move anything but only fails to make the struct `!Unpin`. `Opaque` is left out: real `#[pin_data]` structs keep C objects that do not care about
 * their address (a refcount, a GEM object pinned elsewhere) in unpinned `Opaque` fields.
 */
const ADDRESS_SENSITIVE: Readonly<Record<string, { modules: readonly string[]; since?: string }>> = {
  Mutex: { modules: ['kernel::sync', 'kernel::sync::lock::mutex'] },
  SpinLock: { modules: ['kernel::sync', 'kernel::sync::lock::spinlock'] },
  SpinLockIrq: { modules: ['kernel::sync', 'kernel::sync::lock::spinlock'] },
  Lock: { modules: ['kernel::sync::lock'] },
  CondVar: { modules: ['kernel::sync', 'kernel::sync::condvar'] },
  PollCondVar: { modules: ['kernel::sync::poll'] },
  Completion: { modules: ['kernel::sync', 'kernel::sync::completion'] },
  HrTimer: { modules: ['kernel::time::hrtimer'] },
  Work: { modules: ['kernel::workqueue'] },
  DelayedWork: { modules: ['kernel::workqueue'] },
  ListLinks: { modules: ['kernel::list'] },
  ListLinksSelfPtr: { modules: ['kernel::list'] },
  MiscDeviceRegistration: { modules: ['kernel::miscdevice'] },
  Revocable: { modules: ['kernel::revocable'] },
  XArray: { modules: ['kernel::xarray'] },
  MapleTree: { modules: ['kernel::maple_tree'] },
  MapleTreeAlloc: { modules: ['kernel::maple_tree'] },
  Subsystem: { modules: ['kernel::configfs'] },
  Group: { modules: ['kernel::configfs'] },
  ThreadedRegistration: { modules: ['kernel::irq', 'kernel::irq::request'] },
  // `kernel::irq::Registration` and `kernel::driver::Registration` are pinned; other `Registration`s are not.
  Registration: { modules: ['kernel::irq', 'kernel::irq::request', 'kernel::driver'] },
  // Read: a plain `Arc`-backed struct in 6.14, `#[pin_data]` in 6.18; 6.15–6.17 not checked.
  Devres: { modules: ['kernel::devres'], since: '6.18' },
  // Read: `#[repr(transparent)]` around `Opaque` (built as a static) up to 6.14, `#[pin_data]` from 6.15.
  LockClassKey: { modules: ['kernel::sync'], since: '6.15' },
};

/** Is this full kernel path an address-sensitive type at `target`? Returns its short name when it is. */
export function addressSensitiveType(path: string, target: string): string | undefined {
  const i = path.lastIndexOf('::');
  if (i < 0) return undefined;
  const name = path.slice(i + 2);
  const entry = Object.prototype.hasOwnProperty.call(ADDRESS_SENSITIVE, name) ? ADDRESS_SENSITIVE[name] : undefined;
  if (!entry || !entry.modules.includes(path.slice(0, i))) return undefined;
  if (entry.since && compareReleases(target, entry.since) < 0) return undefined;
  return name;
}

function knownTypePath(path: string): boolean {
  const i = path.lastIndexOf('::');
  const name = path.slice(i + 2);
  return Object.prototype.hasOwnProperty.call(ADDRESS_SENSITIVE, name) && ADDRESS_SENSITIVE[name].modules.includes(path.slice(0, i));
}

/**
 * The full path of a name written in this file, when it surely names something in the kernel crates;
 * `local` when the file defines or imports it from elsewhere; `unknown` when nothing says.
 */
export function resolveKernelPath(segments: readonly string[], scope: Scope, filePath?: string): string | 'local' | 'unknown' {
  if (segments.length === 0) return 'unknown';
  const [first, ...rest] = segments;
  const join = (base: string): string => [base, ...rest].join('::');
  if (first === 'crate') return scope.crateName ? join(scope.crateName) : 'local';
  if (first === 'kernel' || first === 'pin_init') return join(first);
  if (first === 'core' && segments.join('::') === 'core::marker::PhantomPinned') return 'core::marker::PhantomPinned';
  if (first === 'self' || first === 'super' || first === 'Self') return 'local';
  if (scope.locals.has(first)) {
    // Inside the kernel crate a type defined in this file is the kernel's own (`Work` in rust/kernel/workqueue.rs).
    const module = kernelModuleOf(filePath);
    return module && scope.crateName === 'kernel' ? join(`${module}::${first}`) : 'local';
  }
  const imported = scope.imports.get(first);
  if (imported !== undefined) {
    const full = join(canonicalRoot(imported, scope.crateName));
    return full.startsWith('kernel::') || full.startsWith('pin_init::') || full === 'core::marker::PhantomPinned' ? full : 'local';
  }
  for (const glob of scope.globs) {
    if (knownTypePath(`${glob}::${first}`)) return join(`${glob}::${first}`);
  }
  return 'unknown';
}

/** The kernel module a file inside rust/kernel defines (`rust/kernel/sync/lock/mutex.rs` → `kernel::sync::lock::mutex`). */
function kernelModuleOf(filePath: string | undefined): string | undefined {
  const m = filePath ? /\/rust\/kernel\/(.+)\.rs$/.exec(filePath.replace(/\\/g, '/')) : null;
  if (!m) return undefined;
  const parts = m[1].split('/');
  if (parts[parts.length - 1] === 'mod' || parts[parts.length - 1] === 'lib') parts.pop();
  return ['kernel', ...parts].join('::');
}

/** Pin-only initializer macros of the kernel (they return `impl PinInit<…>`; no `Init`). */
const PIN_MACROS = new Set(['new_mutex', 'new_spinlock', 'new_spinlock_irq', 'new_condvar', 'new_poll_condvar', 'new_work', 'pin_init', 'try_pin_init']);
/** Unpinned initializer macros (`impl Init<…>`): still initializers, not values. */
const UNPINNED_INIT_MACROS = new Set(['init', 'try_init']);

/** Constructors returning `impl PinInit<Self…>`, by type name (the type must resolve to the kernel). */
const PIN_CONSTRUCTORS: Readonly<Record<string, readonly string[]>> = {
  Mutex: ['new'],
  SpinLock: ['new'],
  SpinLockIrq: ['new'],
  CondVar: ['new'],
  PollCondVar: ['new'],
  Completion: ['new'],
  HrTimer: ['new'],
  Work: ['new'],
  ListLinks: ['new'],
  ListLinksSelfPtr: ['new'],
  Opaque: ['ffi_init', 'try_ffi_init'],
  MiscDeviceRegistration: ['register'],
  SGTable: ['new'],
};

/** What an initializer expression is. */
export interface InitializerKind {
  /** How to name it in a message, e.g. `new_mutex!` or `Mutex::new`. */
  label: string;
  /** True for pin-initializers (need `#[pin]`/`pin_init`), false for `init!`/`try_init!` (`Init`). */
  pinned: boolean;
  /** True when its error type is not `Infallible` (then `stack_pin_init!` cannot take it). */
  fallible: boolean;
  /**
   * The error type when it is surely a real one: a concrete type, not a generic parameter the caller's code picks
   * (`try_ffi_init`'s `E`). As written in the signature; the knowledge base's `Error` is `kernel::error::Error`.
   */
  error?: string;
}

/** What the knowledge base says of a kernel function at a release: an initializer, something else, or nothing sure. */
type KbInitializer = Omit<InitializerKind, 'label'> | 'not-initializer' | 'not-sure' | 'unknown';

const kbInitializers = new Map<string, KbInitializer>();

/**
 * Whether the kernel function at `path` returns an initializer at `target`, read from its knowledge-base signature
 * for that release (`-> impl PinInit<Self, Error>`), with the error type it promises. `unknown` when the knowledge
 * base has no entry; `not-sure` when it has one but is not sure the target has the item or of its signature.
 */
export function kbInitializer(path: string, target: string): KbInitializer {
  const key = `${path}@${target}`;
  const hit = kbInitializers.get(key);
  if (hit !== undefined) return hit;
  const kb = knowledgeBase();
  let out: KbInitializer;
  if (kb.lookup(path).length === 0) out = 'unknown';
  else {
    const item = surelyAvailable(kb, path, target);
    const status = item ? sureStatusAt(item, target) : undefined;
    const text = status?.state === 'available' ? status.signature?.text : undefined;
    const uncertain = item?.confidence === 'uncertain' && (!item.uncertainAbout || item.uncertainAbout.includes('signatures'));
    if (!text || uncertain) out = 'not-sure';
    else {
      const line = text.split('\n')[0].replace(/\s*\/\/.*$/, '');
      const ret = /->\s*(impl\s[\s\S]*?)(?:\s+where\b[\s\S]*)?;?\s*$/.exec(line)?.[1];
      const generics = /\bfn\s+\w+\s*(<[^(]*>)\s*\(/.exec(line)?.[1] ?? '';
      const kind = ret ? initializerReturn(ret, generics) : undefined;
      out = kind ? { ...kind, ...(kind.error !== undefined ? { error: kind.error === 'Error' ? 'kernel::error::Error' : kind.error } : {}) } : 'not-initializer';
    }
  }
  kbInitializers.set(key, out);
  return out;
}

/** Last segments of the knowledge base's functions that return an initializer in some release (a quick filter). */
let everInitializers: Set<string> | undefined;

function mayReturnInitializer(name: string): boolean {
  if (!everInitializers) {
    everInitializers = new Set();
    for (const i of knowledgeBase().items) {
      if ((i.kind === 'fn' || i.kind === 'method') && i.signatures?.some((g) => /->\s*impl\s+(?:[\w:]*::)?(?:Pin)?Init\b/.test(g.text))) {
        for (const p of [i.path, ...(i.aliases ?? [])]) everInitializers.add(p.slice(p.lastIndexOf('::') + 2));
      }
    }
  }
  return everInitializers.has(name);
}

const namesMethod = new Map<string, boolean>();

/** True when some knowledge-base entry is a `Type::name` function (so a call spelled that way is worth resolving). */
function kbNamesMethod(type: string, name: string): boolean {
  const key = `${type}::${name}`;
  let known = namesMethod.get(key);
  if (known === undefined) {
    known = knowledgeBase().named(name).some((i) => [i.path, ...(i.aliases ?? [])].some((p) => p.endsWith(`::${key}`)));
    namesMethod.set(key, known);
  }
  return known;
}

/** Classifies a callee given as path segments: a macro (`new_mutex`) or a function path (`Mutex::new`). */
function classifyCallee(
  segments: readonly string[],
  macro: boolean,
  scope: Scope,
  filePath?: string,
  locals?: LocalInitializers,
  selfType?: string,
  target?: string,
): InitializerKind | undefined {
  const name = segments[segments.length - 1];
  if (!macro && locals && locals.size > 0 && segments.length <= 2) {
    const owner = segments.length === 2 ? (segments[0] === 'Self' ? selfType : segments[0]) : undefined;
    const own = locals.get(owner ? `${owner}::${name}` : name);
    if (own) return { ...own, label: segments.join('::') };
  }
  if (macro) {
    const pinned = PIN_MACROS.has(name);
    if (!pinned && !UNPINNED_INIT_MACROS.has(name)) return undefined;
    if (segments.length === 1) {
      if (scope.locals.has(`${name}!`) && scope.crateName !== 'kernel') return undefined;
      const imported = scope.imports.get(name);
      if (imported !== undefined && !/^(kernel|pin_init|crate)::/.test(imported)) return undefined;
    } else if (!['kernel', 'pin_init', 'crate', '$crate'].includes(segments[0]) && !scope.imports.get(segments[0])?.startsWith('kernel')) {
      return undefined;
    }
    return { label: `${name}!`, pinned, fallible: name.startsWith('try_') };
  }
  if (target) {
    const known = kbFunction(segments, scope, filePath, target);
    if (known === null) return undefined;
    if (known) return known;
  }
  if (segments.length < 2) return undefined;
  const type = segments[segments.length - 2];
  const methods = Object.prototype.hasOwnProperty.call(PIN_CONSTRUCTORS, type) ? PIN_CONSTRUCTORS[type] : undefined;
  const listed = !!methods && methods.includes(name);
  if (!listed && !(target && kbNamesMethod(type, name))) return undefined;
  const typePath = resolveKernelPath(segments.slice(0, -1), scope, filePath);
  if (typePath === 'local') return undefined;
  if (target && typePath !== 'unknown' && typePath.startsWith('kernel::')) {
    // The knowledge base's signature at the target decides, when it has the function; silence when it is unsure.
    const known = kbInitializer(`${typePath}::${name}`, target);
    if (typeof known === 'object') return { label: `${type}::${name}`, ...known };
    if (known !== 'unknown') return undefined;
  }
  if (!listed) return undefined;
  if (typePath === 'unknown') {
    // Unimported short names are accepted only for the unmistakable kernel lock/timer types.
    if (segments.length !== 2 || !['Mutex', 'SpinLock', 'CondVar', 'HrTimer'].includes(type)) return undefined;
  } else if (!typePath.startsWith('kernel::')) return undefined;
  return { label: `${type}::${name}`, pinned: true, fallible: name === 'try_ffi_init' || name === 'register' };
}

/**
 * A call of a kernel function the knowledge base knows, by its full path (`pin_init::zeroed`, an imported `uninit`,
 * `Devres::new` with `Devres` imported): its initializer kind at the target, null when the knowledge base has the
 * function but it is no initializer there or the base is unsure, undefined when the base does not know the path.
 */
function kbFunction(segments: readonly string[], scope: Scope, filePath: string | undefined, target: string): InitializerKind | null | undefined {
  // Names the knowledge base never gives an initializer are left to the rest of the classification.
  if (!mayReturnInitializer(segments[segments.length - 1])) return undefined;
  const label = segments.length > 1 ? segments.slice(-2).join('::') : segments[0];
  const candidates: string[] = [];
  const full = resolveKernelPath(segments, scope, filePath);
  if (full !== 'local' && full !== 'unknown') candidates.push(full);
  else if (full === 'unknown' && segments.length === 1) for (const g of scope.globs) candidates.push(`${g}::${segments[0]}`);
  for (const path of candidates) {
    if (!path.startsWith('kernel::') && !path.startsWith('pin_init::')) continue;
    const known = kbInitializer(path, target);
    if (typeof known === 'object') return { label, ...known };
    if (known !== 'unknown') return null;
  }
  return undefined;
}

/**
 * The value a plain `let name = value;` binds, when it is the binding `name` means at `at`: the nearest earlier
 * `let` of that name in an enclosing block of the same function, with no pattern, closure or arm in between that
 * could bind the name again. Undefined for `let mut`, for patterns, and when anything is unclear.
 */
export function letBoundValue(at: Node, name: string, hints?: TextHints): Node | undefined {
  // Most names in init macros (`id: id`) are never bound by a `let`: the file's text says so without a walk.
  if (hints && !hints.mayBind(name)) return undefined;
  const binds = new RegExp(`(?:^|[^\\w])${name}(?![\\w])`);
  let child: Node = at;
  for (let n = at.parent; n; child = n, n = n.parent) {
    switch (n.type) {
      case 'function_item':
      case 'source_file':
      case 'macro_definition':
      case 'impl_item':
      case 'trait_item':
        return undefined;
      case 'closure_expression':
      case 'match_arm':
      case 'for_expression':
      case 'if_expression':
      case 'while_expression':
        if (binds.test(n.text.slice(0, child.startIndex - n.startIndex))) return undefined;
        break;
      case 'block': {
        let found: Node | undefined;
        let shadowed = false;
        for (const c of n.namedChildren) {
          if (!c || c.startIndex >= child.startIndex) break;
          if (c.type !== 'let_declaration') continue;
          const pattern = c.childForFieldName('pattern');
          if (pattern?.type === 'identifier' && pattern.text === name) {
            found = c;
            shadowed = false;
          } else if (pattern && binds.test(pattern.text)) shadowed = true;
        }
        if (shadowed) return undefined;
        if (found) {
          const mutable = found.children.some((c) => c?.type === 'mutable_specifier');
          if (mutable || found.childForFieldName('alternative') || found.childForFieldName('type')) return undefined;
          return found.childForFieldName('value') ?? undefined;
        }
        break;
      }
    }
  }
  return undefined;
}

/**
 * What the file's text says before any tree is walked, each answer read on first use: whether some `let` may bind
 * a name (`let name` is written), and whether `chain(` occurs at all.
 */
export class TextHints {
  private readonly lets = new Map<string, boolean>();
  private chained: boolean | undefined;

  constructor(private readonly text: string) {}

  mayBind(name: string): boolean {
    let known = this.lets.get(name);
    if (known === undefined) {
      known = this.text.includes(`let ${name}`);
      this.lets.set(name, known);
    }
    return known;
  }

  get chains(): boolean {
    this.chained ??= this.text.includes('chain(');
    return this.chained;
  }
}

/** Methods of the initializer traits that return an initializer of the same value and error: `pin_chain`, `chain`. */
const CHAIN_METHODS = new Set(['pin_chain', 'chain']);

/** Path segments of a tree-sitter path node (`a::b::c`, `Foo::<T>::new`), generics dropped. */
export function pathSegments(node: Node): string[] | undefined {
  switch (node.type) {
    case 'identifier':
    case 'type_identifier':
    case 'crate':
    case 'self':
    case 'super':
    case 'metavariable':
      return [node.text];
    case 'scoped_identifier':
    case 'scoped_type_identifier': {
      const name = node.childForFieldName('name');
      const path = node.childForFieldName('path');
      if (!name) return undefined;
      if (!path) return [name.text];
      const head = pathSegments(path);
      return head ? [...head, name.text] : undefined;
    }
    case 'generic_type':
    case 'generic_function': {
      const inner = node.childForFieldName(node.type === 'generic_type' ? 'type' : 'function');
      return inner ? pathSegments(inner) : undefined;
    }
    default:
      return undefined;
  }
}

/** Classifies a parsed expression: a macro call or function call that produces an initializer. */
export function classifyExpression(
  expr: Node,
  scope: Scope,
  filePath?: string,
  locals?: LocalInitializers,
  target?: string,
  hints?: TextHints,
  follow = true,
): InitializerKind | undefined {
  const type = expr.type;
  if (type === 'identifier' && follow) {
    const value = target ? letBoundValue(expr, expr.text, hints) : undefined;
    return value ? classifyExpression(value, scope, filePath, locals, target, hints, false) : undefined;
  }
  const callee = type === 'call_expression' ? expr.childForFieldName('function') : null;
  // Method calls are common and `.chain(…)`/`.pin_chain(…)` rare: the text says whether to look.
  if (callee?.type === 'field_expression' && (!hints || hints.chains)) {
    // `init.pin_chain(|v| …)` / `init.chain(…)`: still an initializer of the same value and error.
    const f = callee;
    const method = f.childForFieldName('field')?.text ?? '';
    const receiver = f.childForFieldName('value');
    if (!CHAIN_METHODS.has(method) || !receiver) return undefined;
    const inner = classifyExpression(receiver, scope, filePath, locals, target, hints, follow);
    if (!inner || (method === 'chain' && inner.pinned)) return undefined;
    return { ...inner, pinned: method === 'pin_chain' || inner.pinned };
  }
  if (type === 'macro_invocation') {
    const m = expr.childForFieldName('macro');
    const segs = m ? pathSegments(m) : undefined;
    return segs ? classifyCallee(segs, true, scope, filePath) : undefined;
  }
  if (callee) {
    const f = callee;
    const segs = f ? pathSegments(f) : undefined;
    const self = segs && segs[0] === 'Self' && locals?.size ? enclosingImplType(expr) : undefined;
    return segs ? classifyCallee(segs, false, scope, filePath, locals, self, target) : undefined;
  }
  return undefined;
}

/**
 * Classifies a value written as tokens inside a macro body: exactly one call `path!(…)` or `path(…)`
 * (turbofish allowed), nothing before or after it.
 */
export function classifyTokens(
  tokens: readonly Node[],
  scope: Scope,
  filePath?: string,
  locals?: LocalInitializers,
  target?: string,
  hints?: TextHints,
): InitializerKind | undefined {
  if (tokens.length === 1 && tokens[0].type === 'identifier' && target) {
    // A name bound by `let x = Mutex::new(…);` before the macro.
    const value = letBoundValue(tokens[0], tokens[0].text, hints);
    return value ? classifyExpression(value, scope, filePath, locals, target, hints, false) : undefined;
  }
  // `init.pin_chain(…)` / `.chain(…)` after the call: the same initializer with more work after it.
  const n = tokens.length;
  if (n >= 4 && tokens[n - 1].type === 'token_tree' && delimiter(tokens[n - 1]) === '(' && tokens[n - 2].type === 'identifier' && CHAIN_METHODS.has(tokens[n - 2].text) && tokens[n - 3].type === '.') {
    const method = tokens[n - 2].text;
    const inner = classifyTokens(tokens.slice(0, n - 3), scope, filePath, locals, target, hints);
    if (!inner || (method === 'chain' && inner.pinned)) return undefined;
    return { ...inner, pinned: method === 'pin_chain' || inner.pinned };
  }
  let i = 0;
  if (tokens[i]?.type === '::') i++;
  const segs: string[] = [];
  for (;;) {
    const t = tokens[i];
    if (!t || t.type !== 'identifier') return undefined;
    segs.push(t.text);
    i++;
    if (tokens[i]?.type === '::' && tokens[i + 1]?.type === '<') {
      // turbofish: skip to the matching `>`
      let depth = 0;
      i++;
      for (; i < tokens.length; i++) {
        if (tokens[i].type === '<') depth++;
        else if (tokens[i].type === '>') depth--;
        else if (tokens[i].type === '>>') depth -= 2;
        if (depth <= 0) break;
      }
      i++;
    }
    if (tokens[i]?.type === '::' && tokens[i + 1]?.type === 'identifier') {
      i++;
      continue;
    }
    break;
  }
  const macro = tokens[i]?.type === '!';
  if (macro) i++;
  const args = tokens[i];
  if (!args || args.type !== 'token_tree' || i !== tokens.length - 1) return undefined;
  if (!macro && delimiter(args) !== '(') return undefined;
  const self = !macro && segs[0] === 'Self' && locals?.size ? enclosingImplType(tokens[0]) : undefined;
  return classifyCallee(segs, macro, scope, filePath, locals, self, target);
}

/** The pin-init view of a file, computed once per run and shared by the rules. */
export interface PinInitFile {
  scope: Scope;
  macros: InitMacro[];
  structs: Map<string, StructDef[]>;
  /** Functions of this file that return an initializer (see {@link initializersFromSignatures}). */
  initializers: LocalInitializers;
  /** What the text says about `let` names and `.chain(`, read on first use. */
  readonly hints: TextHints;
}

/**
 * A function signature as the pin-init rules read it: `fn name(…) -> returns`, inside `impl owner` when `owner` is
 * set. The file's own functions are read here; a tree index can hand in more (the signatures of the driver's other
 * files) through {@link initializersFromSignatures}.
 */
export interface InitializerSignature {
  owner?: string;
  name: string;
  /** The return type as written (`impl PinInit<Self, Error>`), empty when none. */
  returns: string;
  /** The generic parameters of the function and its impl, as written (`<E: From<Error>>`), to tell a chosen error type. */
  generics?: string;
}

/** Initializers by callee (`name` for free functions, `Owner::name` for methods); null when a name is ambiguous. */
export type LocalInitializers = ReadonlyMap<string, InitializerKind | null>;

/** The names a generic parameter list declares (`<'a, T: Foo<E>, const N: usize, E>` → T, N, E), read loosely. */
function genericNames(generics: string): Set<string> {
  const out = new Set<string>();
  let depth = 0;
  let from = 0;
  const take = (part: string): void => {
    const m = /^\s*(?:const\s+)?([A-Za-z_]\w*)/.exec(part);
    if (m) out.add(m[1]);
  };
  for (let i = 0; i < generics.length; i++) {
    const c = generics[i];
    if (c === '<' || c === '(' || c === '[') {
      if (depth === 0) from = i + 1;
      depth++;
    } else if (c === '>' || c === ')' || c === ']') {
      depth--;
      if (depth === 0) take(generics.slice(from, i));
    } else if (c === ',' && depth === 1) {
      take(generics.slice(from, i));
      from = i + 1;
    }
  }
  return out;
}

/** What a return type says, when it is `impl PinInit<T…>` or `impl Init<T…>` (with `+ 'a` bounds allowed). */
export function initializerReturn(returns: string, generics = ''): Omit<InitializerKind, 'label'> | undefined {
  const m = /^impl\s+(?:(?:pin_init|kernel(?:::init)?)::)?(PinInit|Init)\s*<([\s\S]*)>\s*(?:\+\s*'\w+\s*)*$/.exec(returns.trim());
  if (!m) return undefined;
  // A bracket that closes one never opened means the arguments are not read right: no answer.
  const { pieces: args, closedAt } = splitTopLevel(m[2]);
  if (closedAt >= 0) return undefined;
  const error = args[1]?.replace(/\s+/g, '');
  const fallible = !!error && !/^(?:(?:core|std)::convert::)?Infallible$/.test(error);
  // A concrete path only: not a generic parameter (of the function or its impl), not `Self::Error`-like projections.
  const concrete = fallible && /^(?:::)?[A-Za-z_]\w*(?:::[A-Za-z_]\w*)*$/.test(error) && !error.startsWith('Self::') && !genericNames(generics).has(error);
  return { pinned: m[1] === 'PinInit', fallible, ...(concrete ? { error } : {}) };
}

/** The initializers among some signatures; a callee that also names a function returning something else is ambiguous. */
export function initializersFromSignatures(signatures: readonly InitializerSignature[]): Map<string, InitializerKind | null> {
  const out = new Map<string, InitializerKind | null>();
  for (const s of signatures) {
    const key = s.owner ? `${s.owner}::${s.name}` : s.name;
    const kind = initializerReturn(s.returns, s.generics);
    const prev = out.get(key);
    if (!kind || prev === null) {
      out.set(key, null);
      continue;
    }
    const label = key;
    if (prev && (prev.pinned !== kind.pinned || prev.fallible !== kind.fallible || prev.error !== kind.error)) out.set(key, null);
    else out.set(key, { label, ...kind });
  }
  return out;
}

/** A return type naming an initializer trait: files without one skip reading their functions. */
export const INITIALIZER_RETURN = /\bimpl\s+(?:[\w:]*::)?(?:Pin)?Init\b/;

/**
 * Signatures of the functions this file defines outside traits that return an initializer, with the type of the impl
 * around methods. Found from the text (`-> impl PinInit`), not by walking every function: most files have few.
 * A name that the file also gives to another function is dropped (the call might mean that one).
 */
function fileSignatures(ctx: FileFacts): InitializerSignature[] {
  const out: InitializerSignature[] = [];
  for (const m of ctx.text.matchAll(/->\s*impl\s+(?:[\w:]*::)?(?:Pin)?Init\b/g)) {
    const arrow = ctx.root.descendantForIndex(m.index ?? 0);
    const node = arrow?.type === '->' ? arrow.parent : null;
    if (node?.type !== 'function_item') continue;
    const name = node.childForFieldName('name')?.text;
    if (!name) continue;
    const container = node.parent?.type === 'declaration_list' ? node.parent.parent : null;
    let owner: string | undefined;
    let generics = node.childForFieldName('type_parameters')?.text ?? '';
    if (container?.type === 'impl_item') {
      generics += container.childForFieldName('type_parameters')?.text ?? '';
      let t = container.childForFieldName('type');
      if (t?.type === 'generic_type') t = t.childForFieldName('type');
      if (t?.type === 'scoped_type_identifier') t = t.childForFieldName('name');
      if (t?.type !== 'type_identifier') continue;
      owner = t.text;
    } else if (node.parent?.type !== 'source_file') continue; // in a trait, a module or a body: not named like this
    out.push({ owner, name, returns: node.childForFieldName('return_type')?.text ?? '', generics });
  }
  const perName = new Map<string, number>();
  for (const s of out) perName.set(s.name, (perName.get(s.name) ?? 0) + 1);
  for (const [name, n] of perName) {
    const others = [...ctx.text.matchAll(new RegExp(`\\bfn\\s+${name}\\b`, 'g'))];
    if (others.length <= n) continue;
    // Another `fn name` in the file: a call may mean that one. It only can where it has the same key: a free
    // function for a free function, an inherent method of the same type for a method (`GpuBuddy::new` does not
    // make `GpuBuddyInner::new` ambiguous; trait methods lose to inherent ones). Unclear places count as clashes.
    const keys = new Map<string, number>();
    for (const m of others) {
      const at = (m.index ?? 0) + m[0].length - name.length;
      const fn = ctx.root.descendantForIndex(at)?.parent;
      const container = fn?.type === 'function_item' && fn.parent?.type === 'declaration_list' ? fn.parent.parent : null;
      let key = name;
      if (container?.type === 'trait_item') continue;
      if (container?.type === 'impl_item') {
        if (container.childForFieldName('trait')) continue;
        let t = container.childForFieldName('type');
        if (t?.type === 'generic_type') t = t.childForFieldName('type');
        if (t?.type === 'scoped_type_identifier') t = t.childForFieldName('name');
        if (t?.type !== 'type_identifier') key = '?';
        else key = `${t.text}::${name}`;
      } else if (fn?.type !== 'function_item') key = '?';
      keys.set(key, (keys.get(key) ?? 0) + 1);
    }
    for (const s of out) {
      if (s.name !== name) continue;
      const key = s.owner ? `${s.owner}::${name}` : name;
      const same = out.filter((o) => o.name === name && (o.owner ? `${o.owner}::${name}` : name) === key).length;
      if ((keys.get(key) ?? 0) > same || keys.has('?')) s.returns = '';
    }
  }
  return out;
}

/** The file's scope, init macro calls, struct definitions and initializer-returning functions (facts of the run). */
export function pinInitFile(ctx: FileFacts): PinInitFile {
  const initializers = ctx.memo('pin-init:initializers', () =>
    INITIALIZER_RETURN.test(ctx.text) ? initializersFromSignatures(fileSignatures(ctx)) : new Map<string, InitializerKind | null>(),
  );
  return {
    scope: ctx.scope,
    macros: ctx.initMacros,
    structs: ctx.structs,
    initializers,
    get hints(): TextHints {
      return ctx.memo('pin-init:text-hints', () => new TextHints(ctx.text));
    },
  };
}

/** Leading whitespace of the line holding `node`, and whether `node` is the first thing on it. */
export function lineIndent(text: string, node: Node): { indent: string; first: boolean; lineStart: Range['start'] } {
  const row = node.startPosition.row;
  let start = node.startIndex;
  while (start > 0 && text[start - 1] !== '\n') start--;
  const before = text.slice(start, node.startIndex);
  const first = /^[ \t]*$/.test(before);
  return { indent: first ? before : (/^[ \t]*/.exec(before)?.[0] ?? ''), first, lineStart: { line: row, character: 0 } };
}

/** An edit that puts an attribute line (`#[pin]`) before `node`, at the same indentation. */
export function insertAttributeBefore(text: string, node: Node, attribute: string): TextEdit {
  const { indent, first, lineStart } = lineIndent(text, node);
  if (first) return { range: { start: lineStart, end: lineStart }, newText: `${indent}${attribute}\n` };
  const at = nodeRange(node).start;
  return { range: { start: at, end: at }, newText: `${attribute} ` };
}
