import { TestClient } from './lsp-client';
(async () => {
  const c = new TestClient();
  const init = await c.initialize({ targetVersion: '6.15' }) as { capabilities: unknown };
  console.log(JSON.stringify(init.capabilities));
  const N = 20000;
  const cases: Record<string, string> = {
    parens: `fn f() { let x = ${'('.repeat(N)}1${')'.repeat(N)}; }\n`,
    unclosed: `fn f() { let x = ${'('.repeat(N)}1; }\n`,
    blocks: `fn f() ${'{'.repeat(N)}${'}'.repeat(N)}\n`,
    macro: `fn f() { pin_init!(${'['.repeat(N)}${']'.repeat(N)}); }\n`,
    usegroups: `use ${'a::{'.repeat(N)}b${'}'.repeat(N)};\n`,
    path: `fn f() { let x = ${'kernel::'.repeat(N)}X; }\n`,
    generics: `struct S { f: ${'Vec<'.repeat(N)}u8${'>'.repeat(N)} }\n`,
    nonascii: `// ü 😀 ünïcødé\nfn ƒ() { let é = "😀"; let t = kernel::time::Instant::now(); }\n`,
  };
  for (const [k, text] of Object.entries(cases)) {
    const uri = `file:///virtual/${k}.rs`;
    const t0 = performance.now();
    await c.open(uri, text);
    try {
      const p = await c.diagnostics(uri, () => true, 20000);
      console.log(k, Math.round(performance.now() - t0), JSON.stringify(p.diagnostics.map((d) => [d.range, d.message])).slice(0, 300));
      const h = await c.conn.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 30 } });
      console.log('  hover', JSON.stringify(h)?.slice(0, 100));
    } catch (e) { console.log(k, 'ERR', String(e).slice(0, 300)); }
  }
  console.log('logs', c.logs.join('\n').slice(0, 3000));
  console.log('stderr', c.stderr.slice(0, 2000));
  console.log('exit', await c.stop());
})();
