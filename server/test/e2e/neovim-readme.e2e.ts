/**
 * Neovim as the README sets it up: the README's "Neovim 0.7" Lua block, taken from README.md as it stands (only the
 * placeholder path is replaced), is Neovim's whole config. A Rust file in the fixture kernel tree must then give
 * hover on `K` and completion through `omnifunc` (<C-x><C-o>), driven by keys as a user presses them.
 * KERNEL_RUST_README=<file> reads the block from another copy of the README (to try a change to it).
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { before, describe, test } from 'node:test';
import { copyFixture, keepArtifact, ROOT, runDir, xdgIn } from './helpers';

const README = process.env.KERNEL_RUST_README ?? path.join(ROOT, 'README.md');

/** The first ```lua block after the paragraph that introduces Neovim 0.7. */
export function neovim07Block(readme: string): string {
  const intro = readme.search(/^Neovim 0\.7\b/m);
  assert.ok(intro >= 0, `${README} has a paragraph starting "Neovim 0.7"`);
  const block = /```lua\n([\s\S]*?)```/.exec(readme.slice(intro));
  assert.ok(block, 'a ```lua block follows it');
  return block[1];
}

interface Outcome {
  filetype?: string;
  attached?: boolean;
  hover?: string[];
  omnifunc?: string;
  completion?: string[];
  mode?: string;
  error?: string;
}

const dir = runDir('kr-neovim-readme-');
let outcome: Outcome;
let config = '';

describe('Neovim 0.7 configured with exactly the README\'s lines', { timeout: 2 * 60 * 1000 }, () => {
  before(() => {
    const block = neovim07Block(fs.readFileSync(README, 'utf8'));
    assert.ok(block.includes('/path/to/kernel-rust/dist/server.js'), 'the README names the server by its placeholder path');
    config = block.replaceAll('/path/to/kernel-rust', ROOT);
    fs.writeFileSync(path.join(dir, 'init.lua'), config);
    const workspace = copyFixture(dir);
    const file = path.join(workspace, 'drivers', 'misc', 'beat.rs');
    const out = path.join(dir, 'outcome.json');
    const r = spawnSync('nvim', ['--headless', '-u', path.join(dir, 'init.lua'), '-i', 'NONE', '-n', '-c', `luafile ${path.join(__dirname, 'neovim-readme.lua')}`], {
      cwd: workspace,
      // The README runs `node` from PATH: make it this Node.
      env: { ...process.env, ...xdgIn(path.join(dir, 'xdg')), PATH: `${path.dirname(process.execPath)}:${process.env.PATH ?? ''}`, KR_NVIM_FILE: file, KR_NVIM_OUT: out },
      encoding: 'utf8',
      timeout: 90000,
      killSignal: 'SIGKILL',
    });
    fs.writeFileSync(path.join(dir, 'nvim.out'), `status ${r.status} signal ${r.signal}\n${r.stdout}\n${r.stderr}`);
    outcome = fs.existsSync(out) ? (JSON.parse(fs.readFileSync(out, 'utf8')) as Outcome) : { error: `neovim wrote no outcome (status ${r.status}, signal ${r.signal})` };
    if (outcome.error || !outcome.hover || !outcome.completion?.length) {
      keepArtifact(path.join(dir, 'nvim.out'), 'neovim-readme-stdout.txt');
      keepArtifact(path.join(dir, 'init.lua'), 'neovim-readme-init.lua');
    }
  });

  test('the README lines start the server for Rust buffers', () => {
    assert.equal(outcome.error, undefined);
    assert.equal(outcome.filetype, 'rust');
    assert.equal(outcome.attached, true, `the client attached; config:\n${config}`);
  });

  test('K shows the hover for pin_init! at the tree\'s release', () => {
    const text = (outcome.hover ?? []).join('\n');
    assert.ok(outcome.hover, `K opened no floating window (is K mapped to vim.lsp.buf.hover?); config:\n${config}`);
    assert.match(text, /`kernel::prelude::pin_init!` · macro · checked against Linux 6\.15/);
    assert.match(text, /Since Linux 6\.4/);
  });

  test('<C-x><C-o> completes kernel paths of the tree\'s release through omnifunc', () => {
    assert.equal(outcome.omnifunc, 'v:lua.vim.lsp.omnifunc', 'the README sets omnifunc');
    assert.equal(outcome.mode, 'i');
    const words = outcome.completion ?? [];
    assert.ok(words.includes('hrtimer') && words.includes('Ktime'), `completion offered: ${words.join(', ')}`);
    assert.ok(!words.includes('Instant'), 'Instant is not in Linux 6.15');
  });
});
