/**
 * The custom messages between the extension and the language server, with their types: both sides import them from
 * here, so a renamed message or a changed field is a type error on both. Any LSP client may use them; none is needed
 * for diagnostics, hover, completion or code actions.
 */
import type { Target } from './target';

/** Request, client → server: the target of a document (`uri`), or of the workspace when no URI is given. */
export const TARGET_INFO_REQUEST = 'kernelRust/targetInfo';
export interface TargetInfoParams {
  uri?: string;
}
/** The answer: the target, plus `userspaceCrate` when the file belongs to a Cargo project with no kernel tree around
 *  it (editors then show no kernel status for it). */
export interface TargetInfo extends Target {
  /** The folder of the nearest `Cargo.toml` above a file that has no kernel tree above it. */
  userspaceCrate?: string;
}

/** Notification, server → client: targets may have changed (a setting or a Makefile changed); ask again. */
export const TARGETS_CHANGED_NOTIFICATION = 'kernelRust/targetsChanged';

/** Notification, server → client: a kernel tree's index is being built, is ready, or could not be built. Editors
 *  without our client see the same as LSP work-done progress (`$/progress`). */
export const INDEXING_NOTIFICATION = 'kernelRust/indexing';
export interface IndexingParams {
  root: string;
  state: 'running' | 'done' | 'failed';
  /** Files indexed, when done. */
  files?: number;
}

/** Request, client → server: the migration report of the workspace between two releases, as Markdown. */
export const MIGRATION_REPORT_REQUEST = 'kernelRust/migrationReport';
export interface MigrationReportParams {
  from: string;
  to: string;
}
export interface MigrationReportResult {
  error?: string;
  markdown?: string;
  files?: number;
  changes?: number;
}
