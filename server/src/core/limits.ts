/** What the analyser refuses to look at, and why: the same rules for the server and the CLI. */

/** Documents longer than this many UTF-16 code units are not parsed (the largest kernel Rust file is far smaller). */
const MAX_ANALYSED_CHARS = 1024 * 1024;

/** Why a text is not analysed. */
export interface SkipReason {
  kind: 'too-large' | 'binary';
  message: string;
}

/** Undefined when the text can be analysed, else the reason it is skipped. */
export function checkAnalysable(text: string): SkipReason | undefined {
  if (text.length > MAX_ANALYSED_CHARS) {
    const kib = Math.round(text.length / 1024);
    return {
      kind: 'too-large',
      message: `Kernel Rust analysis skipped: the file is ${kib} KiB, over the ${MAX_ANALYSED_CHARS / 1024} KiB limit.`,
    };
  }
  if (text.includes('\u0000')) {
    return { kind: 'binary', message: 'Kernel Rust analysis skipped: the file contains NUL bytes and looks binary.' };
  }
  return undefined;
}
