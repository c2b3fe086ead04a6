/**
 * Baselines: the findings of an earlier run (its SARIF or JSON output), so a run on a patch to old code reports only
 * what is new. A finding matches a baseline entry with the same rule, file (relative to the source root), message
 * and fingerprint — a hash of the text of the line it starts on, not its line number, so edits above it do not
 * make it new. Each baseline entry absorbs one finding, so a second copy of a known finding is still new.
 */
import * as crypto from 'node:crypto';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { FINGERPRINT_KEY, SRCROOT } from './sarif';
import type { Finding } from '../core/types';

/** The fingerprint of a finding: its rule and the whitespace-normalised text of the line it starts on. */
export function fingerprintOf(finding: Finding, lines: readonly string[]): string {
  const line = (lines[finding.range.start.line] ?? '').replace(/\s+/g, ' ').trim();
  return crypto.createHash('sha256').update(`${finding.ruleId}\0${line}`).digest('hex').slice(0, 32);
}

/** A file's key in a baseline: its path relative to the source root, with `/`, or its absolute path outside it. */
export function baselinePath(file: string, srcroot: string): string {
  const abs = path.resolve(srcroot, file);
  const rel = path.relative(srcroot, abs);
  return rel && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel.split(path.sep).join('/') : abs;
}

interface Entry {
  rule: string;
  file: string;
  message: string;
  fingerprint?: string;
}

/** A baseline file's findings, ready to match; {@link Baseline.take} consumes one match. */
export class Baseline {
  private readonly exact = new Map<string, number>();
  private readonly loose = new Map<string, number>();
  /** How many entries the file held. */
  readonly size: number;

  constructor(entries: readonly Entry[]) {
    this.size = entries.length;
    for (const e of entries) {
      const map = e.fingerprint ? this.exact : this.loose;
      const key = e.fingerprint ? Baseline.key(e.rule, e.file, e.message, e.fingerprint) : Baseline.key(e.rule, e.file, e.message);
      map.set(key, (map.get(key) ?? 0) + 1);
    }
  }

  private static key(...parts: string[]): string {
    return parts.join('\0');
  }

  /** Whether the finding was already in the baseline; if so, that entry is used up. */
  take(rule: string, file: string, message: string, fingerprint: string): boolean {
    for (const [map, key] of [
      [this.exact, Baseline.key(rule, file, message, fingerprint)],
      [this.loose, Baseline.key(rule, file, message)],
    ] as const) {
      const n = map.get(key) ?? 0;
      if (n > 0) {
        map.set(key, n - 1);
        return true;
      }
    }
    return false;
  }
}

/** A baseline file that cannot be read as one. */
export class BaselineError extends Error {}

function str(v: unknown): string | undefined {
  return typeof v === 'string' ? v : undefined;
}

/** The file an artifact location names, as a baseline key. */
function sarifFile(loc: Record<string, unknown> | undefined, bases: Record<string, string>, srcroot: string): string | undefined {
  const uri = str(loc?.uri);
  if (!uri) return undefined;
  const base = str(loc?.uriBaseId);
  if (/^file:/i.test(uri)) return baselinePath(fileURLToPath(uri), srcroot);
  const rel = decodeURIComponent(uri);
  if (base && base !== SRCROOT && bases[base] && /^file:/i.test(bases[base])) return baselinePath(path.join(fileURLToPath(bases[base]), rel), srcroot);
  return rel.replace(/^\.\//, '');
}

/** Reads a baseline from the text of an earlier run's `--format sarif` or `--format json` output. */
export function parseBaseline(text: string, srcroot: string): Baseline {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (error) {
    throw new BaselineError(`not JSON (${error instanceof Error ? error.message : String(error)})`);
  }
  const entries: Entry[] = [];
  const obj = doc as Record<string, unknown> | null;
  if (obj && Array.isArray(obj.runs)) {
    for (const run of obj.runs as Record<string, unknown>[]) {
      const bases: Record<string, string> = {};
      for (const [id, v] of Object.entries((run?.originalUriBaseIds ?? {}) as Record<string, { uri?: unknown }>)) {
        const u = str(v?.uri);
        if (u) bases[id] = u;
      }
      for (const r of (Array.isArray(run?.results) ? run.results : []) as Record<string, unknown>[]) {
        const loc = ((r.locations as Record<string, unknown>[] | undefined)?.[0]?.physicalLocation as Record<string, unknown> | undefined)?.artifactLocation;
        const file = sarifFile(loc as Record<string, unknown> | undefined, bases, srcroot);
        const rule = str(r.ruleId);
        const message = str((r.message as Record<string, unknown> | undefined)?.text);
        if (!file || !rule || message === undefined) continue;
        entries.push({ rule, file, message, fingerprint: str((r.partialFingerprints as Record<string, unknown> | undefined)?.[FINGERPRINT_KEY]) });
      }
    }
  } else if (obj && Array.isArray(obj.findings)) {
    for (const f of obj.findings as Record<string, unknown>[]) {
      const file = str(f?.path);
      const rule = str(f?.rule);
      const message = str(f?.message);
      if (!file || !rule || message === undefined) continue;
      // The JSON output names files relative to the folder it ran in, like the text output.
      entries.push({ rule, file: baselinePath(path.resolve(file), srcroot), message, fingerprint: str(f.fingerprint) });
    }
  } else {
    throw new BaselineError('neither SARIF (no "runs") nor the JSON output of kernel-rust-check (no "findings")');
  }
  return new Baseline(entries);
}
