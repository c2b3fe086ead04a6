/** A unified diff of two texts (Myers' O(ND) line diff), as `diff -u` and `git apply` read it, for `--fix --dry-run`. */

/** Splits a text into lines, each keeping its line break ('\n' or '\r\n'), so CRLF survives a round trip. */
function splitLines(text: string): string[] {
  const out: string[] = [];
  let at = 0;
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', at)) {
    out.push(text.slice(at, i + 1));
    at = i + 1;
  }
  if (at < text.length) out.push(text.slice(at));
  return out;
}

type Op = { kind: ' ' | '-' | '+'; line: string };

/** The shortest edit script between two line lists (Myers 1986; each round's frontier is kept for the walk back). */
function diffLines(a: readonly string[], b: readonly string[]): Op[] {
  // Common head and tail lines need no search; only the middle does.
  let head = 0;
  while (head < a.length && head < b.length && a[head] === b[head]) head++;
  let tail = 0;
  while (tail < a.length - head && tail < b.length - head && a[a.length - 1 - tail] === b[b.length - 1 - tail]) tail++;
  const ma = a.slice(head, a.length - tail);
  const mb = b.slice(head, b.length - tail);
  const n = ma.length;
  const m = mb.length;
  const max = n + m;
  const v = new Int32Array(2 * max + 3);
  const o = max + 1;
  // frontier[d] holds v[-d-1 .. d+1] as it was when round d started.
  const frontier: Int32Array[] = [];
  outer: for (let d = 0; d <= max; d++) {
    frontier.push(v.slice(o - d - 1, o + d + 2));
    for (let k = -d; k <= d; k += 2) {
      let x = k === -d || (k !== d && v[o + k - 1] < v[o + k + 1]) ? v[o + k + 1] : v[o + k - 1] + 1;
      let y = x - k;
      while (x < n && y < m && ma[x] === mb[y]) {
        x++;
        y++;
      }
      v[o + k] = x;
      if (x >= n && y >= m) break outer;
    }
  }
  const middle: Op[] = [];
  let x = n;
  let y = m;
  for (let d = frontier.length - 1; d >= 0; d--) {
    const at = (k: number): number => frontier[d][k + d + 1];
    const k = x - y;
    const prevK = k === -d || (k !== d && at(k - 1) < at(k + 1)) ? k + 1 : k - 1;
    const prevX = d === 0 ? 0 : at(prevK);
    const prevY = d === 0 ? 0 : prevX - prevK;
    while (x > prevX && y > prevY) {
      x--;
      y--;
      middle.push({ kind: ' ', line: ma[x] });
    }
    if (d > 0) {
      if (x === prevX) middle.push({ kind: '+', line: mb[--y] });
      else middle.push({ kind: '-', line: ma[--x] });
    }
  }
  middle.reverse();
  return [
    ...a.slice(0, head).map((line): Op => ({ kind: ' ', line })),
    ...middle,
    ...a.slice(a.length - tail).map((line): Op => ({ kind: ' ', line })),
  ];
}

function render(op: Op): string {
  const body = op.line.endsWith('\n') ? op.line : `${op.line}\n\\ No newline at end of file\n`;
  return `${op.kind}${body}`;
}

/** `--- a/name` / `+++ b/name` and hunks with `context` lines around each change; empty when the texts are equal. */
export function unifiedDiff(before: string, after: string, name: string, context = 3): string {
  if (before === after) return '';
  const a = splitLines(before);
  const b = splitLines(after);
  const ops = diffLines(a, b);
  const out: string[] = [`--- a/${name}\n`, `+++ b/${name}\n`];
  let i = 0;
  // Line numbers (1-based) of ops[i] in each text.
  const posA: number[] = [];
  const posB: number[] = [];
  let la = 1;
  let lb = 1;
  for (const op of ops) {
    posA.push(la);
    posB.push(lb);
    if (op.kind !== '+') la++;
    if (op.kind !== '-') lb++;
  }
  while (i < ops.length) {
    while (i < ops.length && ops[i].kind === ' ') i++;
    if (i >= ops.length) break;
    const start = Math.max(0, i - context);
    let end = i;
    // Extend the hunk while the next change is within 2 × context unchanged lines.
    for (;;) {
      while (end < ops.length && ops[end].kind !== ' ') end++;
      let gap = end;
      while (gap < ops.length && ops[gap].kind === ' ') gap++;
      if (gap < ops.length && gap - end <= 2 * context) end = gap;
      else {
        end = Math.min(ops.length, end + context);
        break;
      }
    }
    const slice = ops.slice(start, end);
    const countA = slice.filter((o) => o.kind !== '+').length;
    const countB = slice.filter((o) => o.kind !== '-').length;
    const fromA = countA ? posA[start] : posA[start] - 1;
    const fromB = countB ? posB[start] : posB[start] - 1;
    out.push(`@@ -${fromA},${countA} +${fromB},${countB} @@\n`, ...slice.map(render));
    i = end;
  }
  return out.join('');
}
