/**
 * The ASCII character classes the text-first readers share (syntax/structure.ts, the scope and the incremental
 * analyser): they scan the document by character code, which makes no match objects, and hand anything outside
 * ASCII to the tree (why the text is read first: README, Performance).
 */

/** `A`–`Z`, `a`–`z`, `_`: where an identifier may start. */
export function isIdentStart(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95;
}

/** An identifier character: a letter, a digit or `_`. */
export function isIdentChar(c: number): boolean {
  return isIdentStart(c) || (c >= 48 && c <= 57);
}

/**
 * The end of the ASCII identifier that starts at `from` (read up to `limit`), or -1 when none starts there or it is
 * not a whole plain word: a `#` (a raw identifier) or a character outside ASCII right after it is left to the tree.
 */
export function plainWordEnd(text: string, from: number, limit: number): number {
  if (from >= limit || !isIdentStart(text.charCodeAt(from))) return -1;
  let i = from + 1;
  while (i < limit && isIdentChar(text.charCodeAt(i))) i++;
  const c = text.charCodeAt(i);
  return c === 35 /* # */ || c >= 128 ? -1 : i;
}

/** Space, tab, line feed or carriage return. */
export function isSpace(c: number): boolean {
  return c === 32 || c === 10 || c === 9 || c === 13;
}

/** A plain path as a regex source: ASCII words joined by `::`, spaces allowed around it (`a::b :: C`). */
export const PLAIN_PATH_SOURCE = '[A-Za-z_][A-Za-z0-9_]*(?:\\s*::\\s*[A-Za-z_][A-Za-z0-9_]*)*';

/**
 * Splits `text` from `from` at its commas outside brackets (`<…>`, `(…)`, `[…]`; the `>` of `->` closes nothing),
 * each piece trimmed. The split ends at a closing bracket that opened before `from` (`closedAt` is its offset) or at
 * the end of the text (`closedAt` is -1). Used on signature texts (parameter lists, generic arguments, bounds).
 */
export function splitTopLevel(text: string, from = 0): { pieces: string[]; closedAt: number } {
  const pieces: string[] = [];
  let depth = 0;
  let start = from;
  for (let i = from; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 60 /* < */ || c === 40 /* ( */ || c === 91 /* [ */) depth++;
    else if (c === 41 /* ) */ || c === 93 /* ] */ || (c === 62 /* > */ && text.charCodeAt(i - 1) !== 45 /* - */)) {
      if (depth === 0) {
        pieces.push(text.slice(start, i).trim());
        return { pieces, closedAt: i };
      }
      depth--;
    } else if (c === 44 /* , */ && depth === 0) {
      pieces.push(text.slice(start, i).trim());
      start = i + 1;
    }
  }
  pieces.push(text.slice(start).trim());
  return { pieces, closedAt: -1 };
}
