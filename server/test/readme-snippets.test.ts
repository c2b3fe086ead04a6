import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { ROOT, tempDir } from './helpers';

// The editor set-ups the README gives people to paste: each must at least parse in its own language. (The Neovim 0.7
// block is also run for real by server/test/e2e/neovim-readme.e2e.ts.)
const README = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');
const blocks = (lang: string): string[] => [...README.matchAll(new RegExp('```' + lang + '\\n([\\s\\S]*?)```', 'g'))].map((m) => m[1]);
const has = (cmd: string): boolean => spawnSync('sh', ['-c', `command -v ${cmd}`]).status === 0;

test('every Lua block of the README parses (LuaJIT, as Neovim runs it)', { skip: !has('nvim') && 'nvim is not installed' }, () => {
  const lua = blocks('lua');
  assert.ok(lua.length >= 2, 'the README has Neovim set-ups');
  const dir = tempDir();
  lua.forEach((code, i) => {
    const file = path.join(dir, `block-${i}.lua`);
    fs.writeFileSync(file, code);
    const check = `local f, e = loadfile(${JSON.stringify(file)}); if not f then io.stderr:write(e) vim.cmd('cquit 1') end; vim.cmd('qa!')`;
    const r = spawnSync('nvim', ['--headless', '-u', 'NONE', '-i', 'NONE', '-n', '-c', `lua ${check}`], { encoding: 'utf8', timeout: 20000 });
    assert.equal(r.status, 0, `README lua block ${i} does not parse: ${r.stderr}\n${code}`);
  });
  // A broken block is caught: the check is real.
  fs.writeFileSync(path.join(dir, 'bad.lua'), 'vim.api.nvim_create_autocmd(');
  const bad = spawnSync('nvim', ['--headless', '-u', 'NONE', '-i', 'NONE', '-n', '-c', `lua local f = loadfile(${JSON.stringify(path.join(dir, 'bad.lua'))}); vim.cmd(f and 'qa!' or 'cquit 1')`], { encoding: 'utf8', timeout: 20000 });
  assert.notEqual(bad.status, 0);
});

test('every TOML block of the README parses (Helix languages.toml)', { skip: !has('python3') && 'python3 is not installed' }, () => {
  const toml = blocks('toml');
  assert.ok(toml.length >= 1);
  for (const code of toml) {
    const r = spawnSync('python3', ['-c', 'import sys, tomllib, json; d = tomllib.loads(sys.stdin.read()); print(json.dumps(d))'], { input: code, encoding: 'utf8' });
    assert.equal(r.status, 0, `README toml block does not parse: ${r.stderr}\n${code}`);
    const parsed = JSON.parse(r.stdout) as { 'language-server'?: Record<string, { command?: string; args?: string[] }>; language?: { name: string; 'language-servers'?: string[] }[] };
    const server = parsed['language-server']?.['kernel-rust'];
    assert.equal(server?.command, 'node');
    assert.ok(server?.args?.includes('--stdio'));
    assert.ok(parsed.language?.some((l) => l.name === 'rust' && l['language-servers']?.includes('kernel-rust')), 'Rust buffers use the server');
  }
});

/** Reads Emacs Lisp far enough to find unbalanced brackets, unterminated strings and stray characters. */
function readElisp(code: string): void {
  const stack: string[] = [];
  for (let i = 0; i < code.length; i++) {
    const c = code[i];
    if (c === ';') while (i < code.length && code[i] !== '\n') i++;
    else if (c === '"') {
      for (i++; i < code.length && code[i] !== '"'; i++) if (code[i] === '\\') i++;
      if (i >= code.length) throw new Error('unterminated string');
    } else if (c === '?' && code[i + 1] === '\\') i += 2;
    else if (c === '(' || c === '[') stack.push(c === '(' ? ')' : ']');
    else if (c === ')' || c === ']') {
      if (stack.pop() !== c) throw new Error(`unbalanced ${c} at ${i}`);
    }
  }
  if (stack.length) throw new Error(`${stack.length} unclosed bracket(s)`);
}

test('every Emacs Lisp block of the README reads as balanced forms', () => {
  const elisp = blocks('elisp');
  assert.ok(elisp.length >= 1);
  for (const code of elisp) {
    readElisp(code);
    assert.match(code, /eglot-server-programs/);
    assert.match(code, /"--stdio"/);
  }
  assert.throws(() => readElisp('(with-eval-after-load \'eglot (add-to-list x)'));
  assert.throws(() => readElisp('(a "b)'));
});
