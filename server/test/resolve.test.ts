import assert from 'node:assert/strict';
import { test } from 'node:test';
import { buildScope, crateForPath } from '../src/analysis/resolve';
import { sharedParser } from './helpers';

test('use trees give imports, aliases, globs and self, and definitions are locals', async () => {
  const parser = await sharedParser();
  const tree = parser.parse(
    'use kernel::{prelude::*, sync::{self, Arc, Mutex as M}};\nuse crate::time::Delta;\nstruct Local;\nmacro_rules! mine { () => {} }\n',
  );
  assert.ok(tree);
  const scope = buildScope(tree.rootNode, 'kernel');
  assert.deepEqual(Object.fromEntries(scope.imports), {
    sync: 'kernel::sync',
    Arc: 'kernel::sync::Arc',
    M: 'kernel::sync::Mutex',
    Delta: 'kernel::time::Delta',
  });
  assert.deepEqual(scope.globs, ['kernel::prelude']);
  assert.ok(scope.locals.has('Local') && scope.locals.has('mine!'));
  tree.delete();
});

test('a pathologically nested use declaration is left out instead of exhausting the stack', async () => {
  const parser = await sharedParser();
  const depth = 20000;
  const tree = parser.parse(`use kernel::time::Instant;\nuse ${'a::{'.repeat(depth)}b${'}'.repeat(depth)};\n`);
  assert.ok(tree);
  const scope = buildScope(tree.rootNode);
  assert.deepEqual([...scope.imports.keys()], ['Instant']);
  tree.delete();
});

test('the crate of a file is known inside rust/kernel and rust/pin-init only', () => {
  assert.equal(crateForPath('/src/linux/rust/kernel/sync/arc.rs'), 'kernel');
  assert.equal(crateForPath('/src/linux/rust/pin-init/src/lib.rs'), 'pin_init');
  assert.equal(crateForPath('/src/linux/drivers/block/rnull.rs'), undefined);
});
