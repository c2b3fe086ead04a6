/** Turning a kernel tree's `///` docs (rustdoc Markdown) into something that reads well inside a hover. */

/** A block of rustdoc Markdown: a fenced code block, a heading, or a run of prose lines. */
interface Block {
  kind: 'code' | 'heading' | 'prose';
  lines: string[];
}

const FENCE = /^\s*(```+|~~~+)\s*([^`]*)$/;

function blocksOf(markdown: string): Block[] {
  const blocks: Block[] = [];
  let prose: string[] = [];
  const flush = (): void => {
    if (prose.length) blocks.push({ kind: 'prose', lines: prose });
    prose = [];
  };
  const lines = markdown.replace(/\r\n?/g, '\n').split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    const open = FENCE.exec(line);
    if (open) {
      flush();
      const code = [line];
      for (i++; i < lines.length; i++) {
        code.push(lines[i]);
        if (lines[i].trim().startsWith(open[1])) break;
      }
      blocks.push({ kind: 'code', lines: code });
    } else if (/^#{1,6}\s/.test(line)) {
      flush();
      blocks.push({ kind: 'heading', lines: [line] });
    } else if (line.trim() === '') {
      flush();
    } else {
      prose.push(line);
    }
  }
  flush();
  return blocks;
}

/** Intra-doc links name Rust paths, which mean nothing in a hover: `[`Foo`]` and `[text](crate::x)` keep their text;
 *  web links stay. */
function renderProse(lines: string[]): string[] {
  return lines
    .filter((l) => !/^\s*\[[^\]]+\]:\s*\S+\s*$/.test(l))
    .map((l) =>
      l
        .replace(/\[([^\]]+)\]\(([^)\s]+)\)/g, (whole: string, text: string, target: string) => (/^(https?:|mailto:)/.test(target) ? whole : text))
        .replace(/\[(`[^`\]]+`)\](?!\()/g, '$1'),
    );
}

/** The part of a tree's docs a hover shows: its first paragraph of prose with intra-doc links reduced to their text,
 *  and whether anything was left out. Headings (`# Invariants`, `# Examples`) and code blocks (with rustdoc's hidden
 *  `# ` lines) are never shown: they are what the "more in your tree" link is for. */
export function treeDocSummary(markdown: string): { text: string; more: boolean } {
  const blocks = blocksOf(markdown).filter((b) => b.kind !== 'prose' || renderProse(b.lines).some((l) => l.trim() !== ''));
  const first = blocks.findIndex((b) => b.kind === 'prose');
  if (first < 0) return { text: '', more: blocks.length > 0 };
  return { text: renderProse(blocks[first].lines).join('\n').trim(), more: blocks.length > 1 };
}
