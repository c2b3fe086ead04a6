/**
 * The ASCII character classes the text-first readers share (syntax/structure.ts, the scope and the incremental
 * analyser): they scan the document by character code, which makes no match objects, and hand anything outside
 * ASCII to the tree.
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
