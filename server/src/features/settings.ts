/** The server's settings: target release and per-rule levels, from initializationOptions or the `kernelRust` section. */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { readTargetSetting } from '../core/target';

function isKernelTree(dir: string): boolean {
  try {
    return fs.statSync(path.join(dir, 'rust', 'kernel')).isDirectory();
  } catch {
    return false;
  }
}
import type { LintLevel } from '../core/types';

const LEVELS: readonly LintLevel[] = ['off', 'hint', 'info', 'warning', 'error'];

/** Settings in force. Bad values are reported and the last good value stays. */
export class Settings {
  /** An explicit release or range ("6.12..7.3"), or undefined for "auto". */
  explicitTarget: string | undefined;
  levels: Record<string, LintLevel> = {};
  /** A kernel tree to index for hover and go-to-definition, when not found above the files. */
  kernelTree: string | undefined;

  /** Applies a raw `kernelRust` object; returns warnings for values it refused. */
  apply(raw: unknown, knownRules: readonly string[]): string[] {
    const warnings: string[] = [];
    if (raw === undefined || raw === null) return warnings;
    if (typeof raw !== 'object') return [`kernelRust settings must be an object, got ${typeof raw}`];
    const obj = raw as Record<string, unknown>;
    if ('targetVersion' in obj) {
      const t = readTargetSetting(obj.targetVersion);
      if (t.kind === 'invalid') warnings.push(`kernelRust.targetVersion: ${t.reason}; keeping ${this.explicitTarget ?? 'auto'}`);
      else this.explicitTarget = t.kind === 'release' ? t.release : t.kind === 'range' ? t.range.label : undefined;
    }
    if ('kernelTree' in obj) {
      const v = obj.kernelTree;
      if (v === undefined || v === null || v === '') this.kernelTree = undefined;
      else if (typeof v !== 'string') warnings.push('kernelRust.kernelTree must be a folder path');
      else if (!isKernelTree(v)) warnings.push(`kernelRust.kernelTree: ${v} has no rust/kernel folder; keeping ${this.kernelTree ?? 'none'}`);
      else this.kernelTree = path.resolve(v);
    }
    if ('lints' in obj && obj.lints !== undefined && obj.lints !== null) {
      if (typeof obj.lints !== 'object') {
        warnings.push('kernelRust.lints must be an object mapping rule ids to off|hint|info|warning|error');
      } else {
        const next: Record<string, LintLevel> = { ...this.levels };
        for (const [id, level] of Object.entries(obj.lints as Record<string, unknown>)) {
          if (!knownRules.includes(id)) warnings.push(`kernelRust.lints: unknown rule "${id}"`);
          else if (!LEVELS.includes(level as LintLevel)) warnings.push(`kernelRust.lints.${id}: "${String(level)}" is not one of ${LEVELS.join('|')}`);
          else next[id] = level as LintLevel;
        }
        this.levels = next;
      }
    }
    return warnings;
  }
}

/** Decides which setting warnings to show the user: a warning is shown when it appears, not again while the same
 *  bad value keeps being read (VS Code sends the whole section on every settings change, and the server reads it
 *  both from initializationOptions and by asking), and again if it comes back after the value was fixed. */
export class WarnOnce {
  private current = new Set<string>();

  /** The warnings of one reading of the settings that were not in force after the previous reading. */
  fresh(warnings: readonly string[]): string[] {
    const out = warnings.filter((w) => !this.current.has(w));
    this.current = new Set(warnings);
    return out;
  }
}
