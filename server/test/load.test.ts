// Under load: 10,000 edits in bursts on a 5,000-line file, a hover after every burst. The server's memory stays
// bounded (sampled from /proc), every hover is answered, and the diagnostics of the final version equal those of
// the final text opened fresh. The same run, timed, is part of `npm run bench`.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { test } from 'node:test';
import { generateFile } from '../../scripts/bench-corpus';
import { editLoad } from './edit-load';
import { TestClient } from './lsp-client';

/** The bound the README states: the server's resident set during the load run. Measured peak: see the README. */
export const LOAD_RSS_BOUND_MB = 300;

test('10,000 edits in bursts with hovers: bounded memory, every hover answered, final diagnostics equal a fresh open', { skip: !fs.existsSync('/proc/self/status'), timeout: 300_000 }, async () => {
  const client = new TestClient();
  try {
    await client.initialize({ targetVersion: '6.15', debounceMs: 20 });
    // The debounce lets a burst of notifications end in one analysis, as in an editor.
    const r = await editLoad(client, generateFile(5000, 4242, 'load_target'));
    assert.equal(r.hovers, 100);
    assert.ok(r.peakRssMb < LOAD_RSS_BOUND_MB, `server RSS peaked at ${r.peakRssMb.toFixed(0)} MB (bound ${LOAD_RSS_BOUND_MB} MB)`);
    assert.ok(r.final.some((d) => d.includes('kernel::time::Instant')), `the line added last is seen: ${r.final.join(' | ')}`);
    assert.deepEqual(r.final, r.fresh, 'the edited document and a fresh open of its text disagree');
    const bad = client.logs.filter((l) => /unhandled rejection|uncaught exception|failed \(logged once/.test(l));
    assert.deepEqual(bad, []);
  } finally {
    assert.equal(await client.stop(), 0);
  }
});
