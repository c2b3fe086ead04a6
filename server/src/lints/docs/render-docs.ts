/** Renders docs/lints.md from the rules' own metadata, so the docs cannot drift from the code. */
import type { Rule } from '../engine';

/** The Markdown of docs/lints.md for these rules. */
export function renderLintDocs(rules: readonly Rule[]): string {
  const out: string[] = [
    '# Kernel Rust lints',
    '',
    '<!-- Generated from the rule files by `npm run rules:gen`; do not edit by hand. -->',
    '',
    'Every diagnostic carries `source: kernel-rust` and the rule id as its `code`.',
    'Silence one finding with `// kernel-rust: allow(<rule-id>)` on the line before it (or on the same line),',
    'or every rule with `// kernel-rust: allow(all)`. Change a rule\'s level with the setting',
    '`kernelRust.lints` (`{ "<rule-id>": "off" | "hint" | "info" | "warning" | "error" }`).',
    '',
    '| rule | default level | kernel releases |',
    '|---|---|---|',
    ...rules.map((r) => `| [\`${r.id}\`](#${r.id}) | ${r.severity} | ${r.since || r.until ? `${r.since ?? 'any'} … ${r.until ? `before ${r.until}` : 'newest'}` : 'all'} |`),
    '',
  ];
  for (const r of rules) {
    out.push(
      `<a id="${r.id}"></a>`,
      `## ${r.id}`,
      '',
      `Default level: **${r.severity}**.`,
      '',
      '### What it does',
      '',
      r.docs.what,
      '',
      '### Why is this bad',
      '',
      r.docs.why,
      '',
      '### Example',
      '',
      '```rust',
      r.docs.example,
      '```',
      '',
      '### Use instead',
      '',
      '```rust',
      r.docs.useInstead,
      '```',
      '',
    );
  }
  return out.join('\n');
}
