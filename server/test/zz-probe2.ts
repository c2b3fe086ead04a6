import { TestClient } from './lsp-client';
(async () => {
  const which = process.argv[2]; const N = Number(process.argv[3] ?? 20000);
  const c = new TestClient();
  await c.initialize({ targetVersion: '6.15' });
  const cases: Record<string, string> = {
    small: 'use kernel::time::Instant;\n',
    parens: `fn f() { let x = ${'('.repeat(N)}1${')'.repeat(N)}; }\n`,
    unclosed: `fn f() { let x = ${'('.repeat(N)}1; }\n`,
    blocks: `fn f() ${'{'.repeat(N)}${'}'.repeat(N)}\n`,
    macro: `fn f() { pin_init!(${'['.repeat(N)}${']'.repeat(N)}); }\n`,
    usegroups: `use ${'a::{'.repeat(N)}b${'}'.repeat(N)};\n`,
    path: `fn f() { let x = ${'kernel::'.repeat(N)}X; }\n`,
    generics: `struct S { f: ${'Vec<'.repeat(N)}u8${'>'.repeat(N)} }\n`,
    nonascii: `// ü 😀 ünïcødé\nfn ƒ() { let é = "😀"; let t = kernel::time::Instant::now(); }\n`,
  };
  const uri = `file:///virtual/${which}.rs`;
  const t0 = performance.now();
  await c.open(uri, cases[which]);
  try {
    const p = await c.diagnostics(uri, () => true, 30000);
    console.log(which, N, Math.round(performance.now() - t0), JSON.stringify(p.diagnostics.map((d) => [d.range, d.message])).slice(0, 300));
  } catch (e) { console.log(which, 'ERR', String(e).slice(0, 200)); }
  console.log('logs', c.logs.filter((l) => !l.includes('snippet')).join('\n').slice(0, 2000));
  c.proc.kill();
})();
