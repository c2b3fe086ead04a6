/** Publishing diagnostics: debounced per document, always for the newest version, re-run when targets change. */
import {
  DiagnosticSeverity,
  type Connection,
  type Diagnostic,
} from 'vscode-languageserver';
import { IncrementalAnalyzer } from '../analysis/incremental';
import { mergeRangeFindings } from '../core/target-range';
import type { AnalyzeOptions } from '../analysis/analyze';
import type { Target } from '../core/target';
import type { Finding, Severity } from '../core/types';
import type { TreeAvailability } from '../semantics/file-facts';
import { ruleDocsUri } from '../lints/docs/docs-link';
import type { OpenDocuments } from './documents';
import type { Settings } from './settings';
import { uriToPath, type Targets } from './targets';

const LSP_SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

/** Source field of every diagnostic this server publishes. */
export const DIAGNOSTIC_SOURCE = 'kernel-rust';

/** Turns a finding into an LSP diagnostic carrying its rule id, source and docs link. */
function toDiagnostic(f: Finding): Diagnostic {
  const href = ruleDocsUri(f.ruleId);
  return {
    range: f.range,
    severity: LSP_SEVERITY[f.severity],
    source: DIAGNOSTIC_SOURCE,
    code: f.ruleId,
    ...(href ? { codeDescription: { href } } : {}),
    message: f.message,
    data: { fixes: f.fixes },
  };
}

/** Schedules analysis and publishes results. */
export class DiagnosticsPublisher {
  /** Pending analyses by document, as functions that cancel them. */
  private readonly timers = new Map<string, () => void>();
  /** One analyser per open document: after an edit it re-checks only what the edit can have changed. */
  private readonly analyzers = new Map<string, IncrementalAnalyzer>();
  /** With a range of targets, one analyser per document and release of the range (made only when a range is set). */
  private readonly rangeAnalyzers = new Map<string, Map<string, IncrementalAnalyzer>>();
  private readonly failedRules = new Set<string>();
  /** The indexed kernel tree that decides availability for a target, when there is one (set by the server). */
  treeFor: ((target: Target, file: string | undefined) => TreeAvailability | undefined) | undefined;

  constructor(
    private readonly connection: Connection,
    private readonly documents: OpenDocuments,
    private readonly settings: Settings,
    private readonly targets: Targets,
    private readonly debounceMs: number,
  ) {}

  /** Wires document events to analysis. */
  register(): void {
    this.documents.onChange((uri) => this.schedule(uri));
    this.documents.onClose((uri) => {
      this.cancel(uri);
      this.analyzers.delete(uri);
      this.rangeAnalyzers.delete(uri);
      void this.connection.sendDiagnostics({ uri, diagnostics: [] });
    });
  }

  /**
   * Analyses after the debounce; a newer change restarts the wait. Without a debounce the analysis runs as soon as
   * the messages already received are handled (a zero-length timer would still wait a millisecond).
   */
  schedule(uri: string): void {
    this.cancel(uri);
    const run = (): void => {
      this.timers.delete(uri);
      this.publish(uri);
    };
    if (this.debounceMs > 0) {
      const timer = setTimeout(run, this.debounceMs);
      this.timers.set(uri, () => clearTimeout(timer));
    } else {
      const immediate = setImmediate(run);
      this.timers.set(uri, () => clearImmediate(immediate));
    }
  }

  /** Re-analyses every open document now (after a target or settings change). */
  refreshAll(): void {
    for (const doc of this.documents.all()) {
      this.cancel(doc.uri);
      this.publish(doc.uri);
    }
  }

  private cancel(uri: string): void {
    this.timers.get(uri)?.();
    this.timers.delete(uri);
  }

  /** Analyses the document as it is now and publishes for its current version. */
  publish(uri: string): void {
    const doc = this.documents.get(uri);
    if (!doc) return;
    const version = doc.version;
    if (doc.skipped) {
      void this.connection.sendDiagnostics({
        uri,
        version,
        diagnostics: [
          {
            range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
            severity: DiagnosticSeverity.Information,
            source: DIAGNOSTIC_SOURCE,
            code: `analysis-skipped`,
            message: doc.skipped.message,
          },
        ],
      });
      return;
    }
    const tree = doc.current;
    if (!tree) {
      this.connection.console.warn(`parse of ${uri} failed or timed out; keeping its previous diagnostics`);
      return;
    }
    const target = this.targets.forUri(uri);
    const options: AnalyzeOptions = {
      target: target.release,
      tree: this.treeFor?.(target, uriToPath(uri)),
      filePath: uriToPath(uri),
      levels: this.settings.levels,
      onRuleError: (ruleId, error) => {
        if (this.failedRules.has(ruleId)) return;
        this.failedRules.add(ruleId);
        const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
        this.connection.console.error(`rule ${ruleId} failed (logged once; other rules still run): ${detail}`);
      },
    };
    let findings: Finding[];
    const range = target.range;
    if (range) {
      // Each release of the range keeps its own incremental state; their findings are merged per site.
      let byRelease = this.rangeAnalyzers.get(uri);
      if (!byRelease) {
        byRelease = new Map();
        this.rangeAnalyzers.set(uri, byRelease);
      }
      for (const release of byRelease.keys()) if (!range.releases.includes(release)) byRelease.delete(release);
      const perRelease = range.releases.map((release) => {
        let one = byRelease.get(release);
        if (!one) {
          one = new IncrementalAnalyzer();
          byRelease.set(release, one);
        }
        return one.analyze(tree, doc.text, { ...options, target: release });
      });
      findings = mergeRangeFindings(range, perRelease);
    } else {
      this.rangeAnalyzers.delete(uri);
      let analyzer = this.analyzers.get(uri);
      if (!analyzer) {
        analyzer = new IncrementalAnalyzer();
        this.analyzers.set(uri, analyzer);
      }
      findings = analyzer.analyze(tree, doc.text, options);
    }
    void this.connection.sendDiagnostics({ uri, version, diagnostics: findings.map(toDiagnostic) });
  }

  /** Stops pending work. */
  dispose(): void {
    for (const cancel of this.timers.values()) cancel();
    this.timers.clear();
    this.analyzers.clear();
    this.rangeAnalyzers.clear();
  }
}
