/** unpinned-initializer: a pin-initializer moved into a box or a `let` instead of being run in place. */
import type { Node } from 'web-tree-sitter';
import { knowledgeBase, surelyAvailable } from '../kb';
import type { Fix, TextEdit } from '../core/types';
import { insideSkipped, structureOf } from '../syntax/structure';
import { walk, nodeRange } from '../parsing/walk';
import { defineRule } from './engine';
import { classifyExpression, pathSegments, pinInitFile, resolveKernelPath, type InitializerKind, PIN_INIT_SINCE } from '../semantics/pin-init-facts';

/** Smart pointers whose `new` moves a value in; their `pin_init`/`init` run an initializer in place. */
const POINTERS = new Set(['KBox', 'Box', 'VBox', 'KVBox', 'Arc', 'UniqueArc']);
/** Methods of the initializer traits: calling them on the binding is correct use. */
const INIT_METHODS = new Set(['pin_chain', 'chain', '__pinned_init', '__init']);

/** A use of `name` after `from` in `block` as a receiver or field base, i.e. as if it were the value. */
function valueUse(block: Node, from: number, name: string): Node | undefined {
  let found: Node | undefined;
  walk(block, (n) => {
    if (found) return false;
    if (n.endIndex <= from) return false;
    if (n.type === 'let_declaration' && n.startIndex > from && n.childForFieldName('pattern')?.text === name) {
      // Shadowed from here on: stop looking.
      found = undefined;
      from = Number.MAX_SAFE_INTEGER;
      return false;
    }
    if (n.type === 'closure_expression' || n.type === 'macro_invocation') return false;
    if (n.type === 'field_expression' && n.startIndex > from) {
      const value = n.childForFieldName('value');
      const field = n.childForFieldName('field');
      if (value?.type === 'identifier' && value.text === name && field && !INIT_METHODS.has(field.text)) {
        found = n;
        return false;
      }
    }
    return true;
  });
  return found;
}

/** The callee of a macro or function call (where a finding about the call is shown). */
function calleeOf(expr: Node): Node {
  return expr.childForFieldName(expr.type === 'macro_invocation' ? 'macro' : 'function') ?? expr;
}

export default defineRule({
  id: 'unpinned-initializer',
  // pin-init arrived in 6.4; before it none of this syntax exists.
  since: PIN_INIT_SINCE,
  severity: 'error',
  docs: {
    what: 'Flags a pin-initializer (`new_mutex!`, `Mutex::new`, `new_spinlock!`, `new_condvar!`, `HrTimer::new`, a `pin_init!` value …) that is passed to `KBox::new`/`Box::new`/`Arc::new`/`VBox::new`/`KVBox::new`, or bound with `let` and then used as if it were the value.',
    why: 'These constructors return an initializer (`impl PinInit<T>`), not a `T`: `KBox::new(new_mutex!(0), GFP_KERNEL)` boxes the initializer itself and never creates the mutex, and `let m = new_mutex!(0); m.lock()` does not build. The value has to be created in place, at its final pinned address.',
    example: 'let counter = KBox::new(new_mutex!(0u64), GFP_KERNEL)?;',
    useInstead: 'let counter = KBox::pin_init(new_mutex!(0u64), GFP_KERNEL)?;\n// or, for a short-lived lock on the stack:\nstack_pin_init!(let counter = new_mutex!(0u64));',
  },
  check(ctx) {
    const facts = pinInitFile(ctx);
    const { scope, initializers } = facts;
    const lets: { decl: Node; name: Node; value: Node; kind: InitializerKind }[] = [];
    const structure = structureOf(ctx.root);
    const skipped = insideSkipped(structure, ['macro_definition']);
    // `KBox::new(…)` and friends: every pointer's name contains `Box` or `Arc`.
    if (ctx.text.includes('Box') || ctx.text.includes('Arc')) {
      for (const n of structure.extra.get('constructor_call') ?? []) {
        const f = n.childForFieldName('function');
        const args = n.childForFieldName('arguments');
        if (!f || !args) continue;
        const written = ctx.text.slice(f.startIndex, f.endIndex);
        if ((!written.includes('Box') && !written.includes('Arc')) || skipped(n)) continue;
        const segs = pathSegments(f);
        const method = f.childForFieldName('name');
        const first = args.namedChildren.find((c) => c !== null && c.type !== 'line_comment' && c.type !== 'block_comment');
        if (segs && segs.length === 2 && method && first && POINTERS.has(segs[0]) && (segs[1] === 'new' || segs[1] === 'try_new')) {
          const owner = resolveKernelPath([segs[0]], scope, ctx.filePath);
          const kind = owner === 'local' ? undefined : classifyExpression(first, scope, ctx.filePath, initializers, ctx.target, facts.hints);
          if (kind && (owner === 'unknown' || owner.startsWith('kernel::'))) {
            const target = kind.pinned ? 'pin_init' : 'init';
            const fix: Fix = { title: `Use \`${segs[0]}::${target}\``, edits: [{ range: nodeRange(method), newText: target }] };
            ctx.report(calleeOf(first), `\`${segs[0]}::${segs[1]}\` moves the initializer returned by \`${kind.label}\` instead of running it in place; use \`${segs[0]}::${target}\`.`, [fix]);
          }
        }
      }
    }
    for (const n of structure.extra.get('init_let') ?? []) {
      if (skipped(n)) continue;
      const pattern = n.childForFieldName('pattern');
      const value = n.childForFieldName('value');
      const kind = value ? classifyExpression(value, scope, ctx.filePath, initializers, ctx.target, facts.hints) : undefined;
      if (pattern && value && kind) lets.push({ decl: n, name: pattern, value, kind });
    }
    for (const l of lets) {
      const block = l.decl.parent;
      if (!block) continue;
      const use = valueUse(block, l.decl.endIndex, l.name.text);
      if (!use) continue;
      const fixes: Fix[] = [];
      const plain = !l.decl.childForFieldName('type') && !l.decl.children.some((c) => c?.type === 'mutable_specifier') && !l.decl.childForFieldName('alternative');
      if (plain && l.kind.pinned && !l.kind.fallible) {
        const edits: TextEdit[] = [{ range: nodeRange(l.decl), newText: `stack_pin_init!(let ${l.name.text} = ${l.value.text});` }];
        const imported = scope.imports.has('stack_pin_init') || scope.locals.has('stack_pin_init!') || scope.globs.includes('pin_init');
        if (!imported) {
          const home = surelyAvailable(knowledgeBase(), 'pin_init::stack_pin_init!', ctx.target) ? 'pin_init' : 'kernel';
          const uses = ctx.root.namedChildren.filter((c) => c?.type === 'use_declaration');
          const last = uses[uses.length - 1];
          const at = last ? nodeRange(last).end : { line: 0, character: 0 };
          edits.push({ range: { start: at, end: at }, newText: last ? `\nuse ${home}::stack_pin_init;` : `use ${home}::stack_pin_init;\n` });
        }
        fixes.push({ title: `Pin \`${l.name.text}\` on the stack with \`stack_pin_init!\``, edits });
      }
      ctx.report(
        l.name,
        `\`${l.name.text}\` holds the initializer returned by \`${l.kind.label}\`, not the value, so it cannot be used as one; pin it first with \`stack_pin_init!\` or \`KBox::pin_init\`.`,
        fixes,
      );
    }
  },
});
