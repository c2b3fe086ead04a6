/** Command-line arguments of kernel-rust-check, parsed without side effects so they can be tested. */
import { readTargetSetting } from './analysis/target';

/** Output formats the checker writes. */
export type OutputFormat = 'text' | 'json' | 'sarif';

/** What the user asked the checker to do. */
export interface CliOptions {
  paths: string[];
  target?: string;
  /** A kernel tree whose Makefile gives the release for files outside any tree (an out-of-tree module's KDIR). */
  kernelTree?: string;
  format: OutputFormat;
  rules: string[];
  stats: boolean;
  includeVendored: boolean;
  help: boolean;
  version: boolean;
}

/** Usage text printed by --help and after usage errors. */
export const USAGE = `Usage: kernel-rust-check [options] PATH...

Checks kernel Rust files (folders are walked for .rs files) against a kernel release.

Options:
  --target-version X   release to check against, e.g. 6.15 (default: from the nearest kernel
                       tree's Makefile above each file, else the newest known release)
  --kernel-tree DIR    the kernel tree an out-of-tree module builds against (as make -C DIR M=...):
                       its Makefile gives the release for files outside any kernel tree; the
                       KDIR environment variable does the same when this is not given
  --format F           text (default), json or sarif (SARIF 2.1.0)
  --rule ID            run only this rule; repeat for several
  --stats              print a summary (version and its source, files, lines, skipped, time,
                       findings per rule) to stderr
  --include-vendored   also check the vendored crates under a kernel tree's rust/ (syn, quote, ...)
  -h, --help           show this help
  --version            print the checker's version

Exit status: 0 no warnings or errors, 1 warnings or errors found, 2 usage error,
unreadable path argument or unknown kernel version.`;

/** A usage mistake, reported with exit status 2. */
export class UsageError extends Error {}

/** Parses argv (without node and script); throws UsageError on a mistake. */
export function parseArgs(argv: readonly string[], knownRules: readonly string[]): CliOptions {
  const options: CliOptions = { paths: [], format: 'text', rules: [], stats: false, includeVendored: false, help: false, version: false };
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
        options.target = setting.kind === 'release' ? setting.release : undefined;
        break;
      }
      case '--kernel-tree': {
        options.kernelTree = take();
        if (!options.kernelTree) throw new UsageError('--kernel-tree needs a folder');
        break;
      }
      case '--format': {
        const f = take();
        if (f !== 'text' && f !== 'json' && f !== 'sarif') throw new UsageError(`--format must be text, json or sarif, not "${f}"`);
        options.format = f;
        break;
      }
      case '--rule': {
        const id = take();
        if (!knownRules.includes(id)) throw new UsageError(`unknown rule "${id}" (known: ${knownRules.join(', ') || 'none'})`);
        options.rules.push(id);
        break;
      }
      default:
        if (arg.startsWith('-') && arg !== '-') throw new UsageError(`unknown option ${arg}`);
        options.paths.push(arg);
    }
  }
  if (!options.help && !options.version && options.paths.length === 0) throw new UsageError('no PATH given');
  return options;
}
