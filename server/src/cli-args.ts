/** Command-line arguments of kernel-rust-check, parsed without side effects so they can be tested. */
import { readTargetSetting } from './core/target';

/** Output formats the checker writes. */
export type OutputFormat = 'text' | 'json' | 'sarif' | 'markdown';

/** What the user asked the checker to do. */
export interface CliOptions {
  paths: string[];
  target?: string;
  /** A kernel tree whose Makefile gives the release for files outside any tree (an out-of-tree module's KDIR). */
  kernelTree?: string;
  /** Further `--kernel-tree` folders: the target of files outside any tree is then the range of their releases. */
  moreKernelTrees?: string[];
  format: OutputFormat;
  rules: string[];
  stats: boolean;
  includeVendored: boolean;
  help: boolean;
  version: boolean;
  /** Apply the mechanical fixes in place (`--fix`). */
  fix: boolean;
  /** With `--fix`: print a unified diff instead of writing. */
  dryRun: boolean;
  /** Warnings tolerated before the exit status is 1 (errors always count); default 0. */
  maxWarnings: number;
  /** An earlier run's SARIF or JSON output: report only findings not in it. */
  baseline?: string;
  /** A unified diff (or `-` for stdin): report only findings on lines it adds or changes. */
  changedLinesFrom?: string;
  /** A git revision: like `changedLinesFrom` with the output of `git diff -U0 REV`. */
  diffBase?: string;
  /** The folder SARIF URIs and baseline paths are relative to; default the current folder. */
  srcroot?: string;
  /** Report the changes between this release and `target` instead of checking. */
  migrateFrom?: string;
}

/** Usage text printed by --help and after usage errors. */
export const USAGE = `Usage: kernel-rust-check [options] PATH...

Checks kernel Rust files (folders are walked for .rs files) against a kernel release.

Options:
  --target-version X   release to check against, e.g. 6.15 (default: from the nearest kernel
                       tree's Makefile above each file, else the newest known release); or a
                       range such as 6.12..7.3 (ends may be point releases: 6.12.118..7.3) for
                       code that must build on every release of it
  --kernel-tree DIR    the kernel tree an out-of-tree module builds against (as make -C DIR M=...):
                       its Makefile gives the release for files outside any kernel tree; the
                       KDIR environment variable does the same when this is not given; repeat it
                       for several trees to check the range from the oldest release to the newest
  --format F           text (default), json or sarif (SARIF 2.1.0); markdown with --migrate-from
  --migrate-from X     instead of checking, report every API the code uses that changed between
                       release X and --target-version (removed, renamed, moved, syntax, signature),
                       per file and subsystem, with the fix --fix would apply
  --rule ID            run only this rule; repeat for several
  --stats              print a summary (version and its source, files, lines, skipped, time,
                       findings per rule) to stderr
  --include-vendored   also check the vendored crates under a kernel tree's rust/ (syn, quote, ...)

CI:
  --max-warnings N     exit 1 only when there are errors or more than N warnings (default 0)
  --baseline FILE      report only findings not in FILE, the SARIF or JSON output of an earlier run
                       (matched by rule, file, message and the text of the line, not its number)
  --changed-lines-from PATCH
                       report only findings on lines a unified diff adds or changes (- reads stdin);
                       its paths are relative to --srcroot
  --diff-base REV      the same with the output of "git diff -U0 REV" (this runs git; REV may be a
                       commit or BASE...HEAD; paths are relative to the repository's top folder)
  --srcroot DIR        folder that SARIF %SRCROOT% and baseline paths are relative to (default: .)

Fixing:
  --fix                apply every mechanical fix (moves, renames, macro syntax) for the target
                       release in place, one atomic replace per file, repeated until nothing changes;
                       lists what it changed and what is left for a person, and why
  --dry-run            with --fix: print the changes as a unified diff and write nothing
  -h, --help           show this help
  --version            print the checker's version

Exit status: 0 no warnings or errors (after --fix: none left), 1 errors or more than
--max-warnings warnings (after --fix: some left, or a file could not be written), 2 usage
error, unreadable path, baseline or patch, or unknown kernel version, 3 internal error.`;

/** A usage mistake, reported with exit status 2. */
export class UsageError extends Error {}

/** Parses argv (without node and script); throws UsageError on a mistake. */
export function parseArgs(argv: readonly string[], knownRules: readonly string[]): CliOptions {
  const options: CliOptions = {
    paths: [],
    format: 'text',
    rules: [],
    stats: false,
    includeVendored: false,
    help: false,
    version: false,
    fix: false,
    dryRun: false,
    maxWarnings: 0,
  };
  const value = (i: number, flag: string): string => {
    const v = argv[i + 1];
    if (v === undefined || v.startsWith('--')) throw new UsageError(`${flag} needs a value`);
    return v;
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const eq = arg.startsWith('--') ? arg.indexOf('=') : -1;
    const flag = eq > 0 ? arg.slice(0, eq) : arg;
    const inline = eq > 0 ? arg.slice(eq + 1) : undefined;
    const take = (): string => {
      if (inline !== undefined) return inline;
      const v = value(i, flag);
      i++;
      return v;
    };
    switch (flag) {
      case '-h':
      case '--help':
        options.help = true;
        break;
      case '--version':
        options.version = true;
        break;
      case '--stats':
        options.stats = true;
        break;
      case '--include-vendored':
        options.includeVendored = true;
        break;
      case '--target-version': {
        const setting = readTargetSetting(take());
        if (setting.kind === 'invalid') throw new UsageError(`--target-version: ${setting.reason}`);
        options.target = setting.kind === 'release' ? setting.release : setting.kind === 'range' ? setting.range.label : undefined;
        break;
      }
      case '--kernel-tree': {
        const tree = take();
        if (!tree) throw new UsageError('--kernel-tree needs a folder');
        if (options.kernelTree === undefined) options.kernelTree = tree;
        else (options.moreKernelTrees ??= []).push(tree);
        break;
      }
      case '--format': {
        const f = take();
        if (f !== 'text' && f !== 'json' && f !== 'sarif' && f !== 'markdown') throw new UsageError(`--format must be text, json, sarif or markdown, not "${f}"`);
        options.format = f;
        break;
      }
      case '--rule': {
        const id = take();
        if (!knownRules.includes(id)) throw new UsageError(`unknown rule "${id}" (known: ${knownRules.join(', ') || 'none'})`);
        options.rules.push(id);
        break;
      }
      case '--fix':
        options.fix = true;
        break;
      case '--dry-run':
        options.dryRun = true;
        break;
      case '--max-warnings': {
        const v = take();
        if (!/^\d+$/.test(v) || !Number.isSafeInteger(Number(v))) throw new UsageError(`--max-warnings needs a whole number of 0 or more, not "${v}"`);
        options.maxWarnings = Number(v);
        break;
      }
      case '--baseline':
        options.baseline = take();
        break;
      case '--changed-lines-from':
        options.changedLinesFrom = take();
        break;
      case '--diff-base': {
        const v = take();
        if (v === '' || v.startsWith('-')) throw new UsageError(`--diff-base needs a git revision, not "${v}"`);
        options.diffBase = v;
        break;
      }
      case '--migrate-from': {
        const setting = readTargetSetting(take());
        if (setting.kind !== 'release') throw new UsageError(`--migrate-from: ${setting.kind === 'invalid' ? setting.reason : 'needs a release such as 6.19'}`);
        options.migrateFrom = setting.release;
        break;
      }
      case '--srcroot':
        options.srcroot = take();
        break;
      default:
        if (arg.startsWith('-') && arg !== '-') throw new UsageError(`unknown option ${arg}`);
        options.paths.push(arg);
    }
  }
  if (options.help || options.version) return options;
  if (options.paths.length === 0) throw new UsageError('no PATH given');
  if (options.dryRun && !options.fix) throw new UsageError('--dry-run only goes with --fix');
  if (options.migrateFrom !== undefined) {
    if (!options.target) throw new UsageError('--migrate-from needs --target-version, the release to move to');
    if (options.target.includes('..')) throw new UsageError('--migrate-from needs a single --target-version release to move to, not a range');
    if (options.fix) throw new UsageError('--migrate-from reports; run --fix separately to apply the mechanical changes');
    if (options.format === 'sarif') throw new UsageError('--migrate-from reports in text, json or markdown');
  } else if (options.format === 'markdown') throw new UsageError('--format markdown goes with --migrate-from');
  if (options.changedLinesFrom !== undefined && options.diffBase !== undefined) throw new UsageError('give --changed-lines-from or --diff-base, not both');
  if (options.fix) {
    if (options.format === 'sarif') throw new UsageError('--fix reports in text or json, not sarif');
    for (const [flag, v] of [['--baseline', options.baseline], ['--changed-lines-from', options.changedLinesFrom], ['--diff-base', options.diffBase]] as const) {
      if (v !== undefined) throw new UsageError(`${flag} filters what a check reports and does not go with --fix`);
    }
  }
  return options;
}
