import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Node } from 'web-tree-sitter';
import { hrtimerSyntaxGates, signatureParamList, signatureParams } from '../src/lints/gates/hrtimer-syntax-gates';
import { knowledgeBase } from '../src/kb';
import { hasHrTimerImpls, readHasHrTimer, type HasHrTimerImpl } from '../src/syntax/has-hr-timer-macro';
import { walk } from '../src/parsing/walk';
import { sharedParser } from './helpers';
import { buildScope } from '../src/semantics/scope';

async function withRoot<T>(text: string, fn: (root: Node) => T): Promise<T> {
  const parser = await sharedParser();
  const tree = parser.parse(text);
  assert.ok(tree);
  try {
    return fn(tree.rootNode);
  } finally {
    tree.delete();
  }
}

/** Reads every invocation and turns node fields into plain text for easy comparison. */
async function read(text: string): Promise<Array<Record<string, unknown>>> {
  return withRoot(text, (root) => {
    const plain = (i: HasHrTimerImpl): Record<string, unknown> => ({
      form: i.form,
      selfName: i.selfName,
      field: i.field?.text,
      mode: i.mode?.map((t) => t.text).join(''),
      timerType: i.timerType.map((t) => t.text).join(''),
      generics: i.generics?.text,
      dollar: i.hasMetavariables,
    });
    return hasHrTimerImpls(root).map(plain);
  });
}

test('the bare 6.15–6.16 body', async () => {
  assert.deepEqual(await read('kernel::impl_has_hr_timer! {\n    impl HasHrTimer<Self> for Blinker { self.timer }\n}\n'), [
    { form: 'bare', selfName: 'Blinker', field: 'timer', mode: undefined, timerType: 'Self', generics: undefined, dollar: false },
  ]);
});

test('the keyed 6.17+ body, with generics, a full mode path and a trailing comma', async () => {
  const text =
    'impl_has_hr_timer! {\n    impl{<T: Send>} HasHrTimer<Self> for Poller<T> {\n        mode: kernel::time::hrtimer::RelativeMode<kernel::time::Monotonic>,\n        field: self.tick,\n    }\n}\n';
  assert.deepEqual(await read(text), [
    {
      form: 'mode-field',
      selfName: 'Poller',
      field: 'tick',
      mode: 'kernel::time::hrtimer::RelativeMode<kernel::time::Monotonic>',
      timerType: 'Self',
      generics: '{<T: Send>}',
      dollar: false,
    },
  ]);
});

test('keyed body without trailing comma, nested generic timer type, comments in the body', async () => {
  const [keyed] = await read('impl_has_hr_timer! { impl HasHrTimer<Outer<T>> for a::b::Outer<T> { mode: AbsoluteMode<BootTime>, field: self.t } }');
  assert.equal(keyed.form, 'mode-field');
  assert.equal(keyed.selfName, 'Outer');
  assert.equal(keyed.mode, 'AbsoluteMode<BootTime>');
  const [commented] = await read('impl_has_hr_timer! { impl HasHrTimer<Self> for Foo { /* the timer */ self.timer // here\n } }');
  assert.equal(commented.form, 'bare');
  assert.equal(commented.field, 'timer');
});

test('shapes the reader does not recognise are `other`, never guessed', async () => {
  const cases = [
    // an RFC spelling that never shipped
    'impl_has_hr_timer! { impl HasHrTimer<Self> for Foo { mode = AbsoluteMode<Monotonic>, self.timer } }',
    'impl_has_hr_timer! { impl HasHrTimer<Self> for Foo { field: self.timer, mode: RelativeMode<Monotonic> } }',
    'impl_has_hr_timer! { impl HasHrTimer<Self> for Foo { self.a.b } }',
    'impl_has_hr_timer! { impl HasHrTimer<Self> for Foo {} }',
    'impl_has_hr_timer! { something else }',
  ];
  for (const text of cases) assert.equal((await read(text))[0]?.form, 'other', text);
});

test('macro templates are skipped or marked, and other macros are not read', async () => {
  const text =
    'macro_rules! link { ($t:ty) => { kernel::impl_has_hr_timer! { impl HasHrTimer<Self> for $t { self.timer } } }; }\n' +
    'other_macro! { impl HasHrTimer<Self> for Foo { self.timer } }\n';
  assert.deepEqual(await read(text), []);
  await withRoot('impl_has_hr_timer! { impl HasHrTimer<Self> for $t { self.timer } }', (root) => {
    const inv = root.namedChildren.find((c) => c?.type === 'macro_invocation');
    assert.ok(inv);
    assert.equal(readHasHrTimer(inv)?.hasMetavariables, true);
  });
});

test('parameter lists come out of the knowledge-base signatures', () => {
  const kb = knowledgeBase();
  const eras = kb.lookup('kernel::time::hrtimer::HrTimer::new')[0]?.signatures ?? [];
  assert.deepEqual(eras.map((e) => signatureParams(e.text, 'new')), [['mode', 'clock'], []]);
  const run = kb.lookup('kernel::time::hrtimer::HrTimerCallback::run')[0]?.signatures ?? [];
  assert.deepEqual(run.map((e) => signatureParams(e.text, 'run')), [['this'], ['this', 'ctx']]);
  assert.equal(signatureParamList(run[1].text, 'run')?.[1], "ctx: HrTimerCallbackContext<'_, Self>");
  assert.deepEqual(signatureParamList('fn f(a: impl Fn(u8) -> u8, b: [u8; 2])', 'f'), ['a: impl Fn(u8) -> u8', 'b: [u8; 2]']);
  assert.equal(signatureParamList('fn g(a: u8', 'g'), undefined);
});

async function gates(text: string, target: string): Promise<string[]> {
  return withRoot(text, (root) =>
    hrtimerSyntaxGates(root, target, buildScope(root)).map((g) => `${g.range.start.line}:${g.range.start.character} ${g.state}`),
  );
}

test('HrTimer::new is found in token trees (turbofish, full paths) and only when it is the kernel one', async () => {
  const text = [
    'use kernel::time::hrtimer::HrTimer;',
    'fn a() -> impl PinInit<S> { pin_init!(S { t <- HrTimer::<S>::new(m, c), u <- Other::new(1, 2) }) }',
    'fn b() -> impl PinInit<S> { try_pin_init!(S { t <- kernel::time::hrtimer::HrTimer::new(m, c) }? Error) }',
    'fn c() { let _ = HrTimer::new(m, c); let _ = crate::HrTimer::new(m, c); }',
  ].join('\n');
  assert.deepEqual(await gates(text, '6.17'), ['1:61 removed', '2:83 removed', '3:26 removed']);
  assert.deepEqual(await gates(text, '6.16'), []);
  const empty = 'use kernel::time::hrtimer::HrTimer;\nfn d() { pin_init!(S { t <- HrTimer::new() }); }\n';
  assert.deepEqual(await gates(empty, '6.15'), ['1:37 not-yet']);
  assert.deepEqual(await gates(empty, '6.17'), []);
  // Before hrtimer existed, the import is the finding; the call shape is not judged.
  assert.deepEqual(await gates(empty, '6.14'), []);
});

test('a local HrTimer or a local impl_has_hr_timer! is never judged', async () => {
  const text = [
    'struct HrTimer;',
    'impl HrTimer { fn new(a: u8, b: u8) -> Self { HrTimer } }',
    'macro_rules! impl_has_hr_timer { ($($t:tt)*) => {}; }',
    'impl_has_hr_timer! { impl HasHrTimer<Self> for Foo { self.timer } }',
    'fn f() { let _ = HrTimer::new(1, 2); }',
  ].join('\n');
  assert.deepEqual(await gates(text, '6.18'), []);
});

test('the walk never recurses on the JS stack for deeply nested token trees', async () => {
  const deep = `fn f() { m!(${'('.repeat(3000)}HrTimer::new(a, b)${')'.repeat(3000)}); }`;
  await withRoot(deep, (root) => {
    let count = 0;
    walk(root, () => {
      count++;
    });
    assert.ok(count > 3000);
    assert.deepEqual(hrtimerSyntaxGates(root, '6.18', buildScope(root)), []);
  });
});
