/** A load run against the real server: bursts of edits interleaved with hovers, shared by the load test and the bench. */
import * as fs from 'node:fs';
import { TextDocument, type TextDocumentContentChangeEvent } from 'vscode-languageserver-textdocument';
import { Rng } from '../../scripts/bench-corpus';
import type { Published, TestClient } from './lsp-client';

/** What a load run measured. */
export interface EditLoadResult {
  edits: number;
  hovers: number;
  ms: number;
  /** Highest resident set sampled from /proc/PID/status during the run, and the kernel's high-water mark at its end. */
  peakRssMb: number;
  /** The resident set before the first edit, after the document was opened and analysed. */
  startRssMb: number;
  /** Diagnostics of the final version, and of the same text opened fresh under another URI. */
  final: string[];
  fresh: string[];
}

/** A process's resident set (VmRSS) and high-water mark (VmHWM) in KiB, or undefined where /proc is not there. */
export function rssOf(pid: number): { rssKb: number; hwmKb: number } | undefined {
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (key: string) => Number(new RegExp(`^${key}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN);
    return { rssKb: kb('VmRSS'), hwmKb: kb('VmHWM') };
  } catch {
    return undefined;
  }
}

/** Diagnostics as a sorted comparable list. */
export function diagnosticShape(p: Published): string[] {
  return p.diagnostics.map((d) => `${d.range.start.line}:${d.range.start.character}-${d.range.end.line}:${d.range.end.character} ${d.code} ${d.message}`).sort();
}

/**
 * Opens `text`, then sends `edits` single-character edits in bursts of `perBurst` notifications without waiting,
 * with a hover after each burst, sampling the server's memory; finally waits for the last version's diagnostics
 * and compares them with a fresh open of the final text.
 */
export async function editLoad(client: TestClient, text: string, edits = 10_000, perBurst = 100): Promise<EditLoadResult> {
  const uri = 'file:///load/target.rs';
  let doc = TextDocument.create(uri, 'rust', 1, text);
  await client.open(uri, text, 1);
  await client.diagnostics(uri, (p) => p.version === 1, 60_000);
  const pid = client.proc.pid as number;
  const start = rssOf(pid);
  let peakKb = start?.rssKb ?? 0;
  const rng = new Rng(2024);
  const fragments = ['x', '(', ')', '{', '}', '"', ';', ' ', '<', '\n', '?', 'é', '😀', 'pin_init!('];
  const started = performance.now();
  let hovers = 0;
  let insertedAt: number | undefined;
  let typed: { start: { line: number; character: number }; end: { line: number; character: number } } | undefined;
  for (let sent = 0; sent < edits; ) {
    const burst: Promise<void>[] = [];
    for (let i = 0; i < perBurst && sent < edits; i++, sent++) {
      // Mostly typing: a character (a bracket, a quote, an astral one) goes in and comes out again with the next edit,
      // as when someone types and corrects; every fourth edit adds a comment line, which moves the findings below it.
      let change: TextDocumentContentChangeEvent;
      if (typed) {
        change = { range: { start: typed.start, end: typed.end }, text: '' };
        typed = undefined;
      } else if (rng.int(4) === 0) {
        const line = rng.int(doc.lineCount);
        change = { range: { start: { line, character: 0 }, end: { line, character: 0 } }, text: '// load\n' };
      } else {
        const at = rng.int(doc.getText().length + 1);
        change = { range: { start: doc.positionAt(at), end: doc.positionAt(at) }, text: rng.pick(fragments) };
        insertedAt = at;
      }
      doc = TextDocument.update(doc, [change], doc.version + 1);
      if (insertedAt !== undefined) typed = { start: doc.positionAt(insertedAt), end: doc.positionAt(insertedAt + change.text.length) };
      insertedAt = undefined;
      burst.push(client.change(uri, doc.version, [change]));
    }
    await Promise.all(burst);
    const line = rng.int(doc.lineCount);
    await client.conn.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line, character: rng.int(20) } });
    hovers++;
    const now = rssOf(pid);
    if (now) peakKb = Math.max(peakKb, now.rssKb);
  }
  // Last, a burst that adds code the findings depend on: a stale tree could not see it.
  const appended: TextDocumentContentChangeEvent[] = [
    { range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: 'use kernel::time::Instant;\n' },
    { range: { start: { line: doc.lineCount, character: 0 }, end: { line: doc.lineCount, character: 0 } }, text: '\nfn load_tail() -> kernel::time::Delta { kernel::time::Delta::from_millis(1) }\n' },
  ];
  for (const change of appended) {
    doc = TextDocument.update(doc, [change], doc.version + 1);
    await client.change(uri, doc.version, [change]);
  }
  const version = doc.version;
  const last = await client.diagnostics(uri, (p) => p.version === version, 60_000);
  const ms = performance.now() - started;
  const end = rssOf(pid);
  if (end) peakKb = Math.max(peakKb, end.rssKb, end.hwmKb);
  const freshUri = 'file:///load/fresh.rs';
  await client.open(freshUri, doc.getText(), 1);
  const fresh = await client.diagnostics(freshUri, (p) => p.version === 1, 60_000);
  await client.close(freshUri);
  await client.close(uri);
  return { edits, hovers, ms, peakRssMb: peakKb / 1024, startRssMb: (start?.rssKb ?? NaN) / 1024, final: diagnosticShape(last), fresh: diagnosticShape(fresh) };
}
