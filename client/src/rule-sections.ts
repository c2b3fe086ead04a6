/** Cutting one rule's section out of docs/lints.md, and the address that opens it (no `vscode` import, for tests). */

/** The URI scheme of a rule's documentation page, opened by the rule docs editor (rule-docs.ts). */
export const RULE_DOC_SCHEME = 'kernel-rust-rule';

/** The file suffix the rule docs editor is registered for (package.json `customEditors`). */
export const RULE_DOC_SUFFIX = '.kernel-rust-lint';

/** The path of a rule's page: `/unpinned-field.kernel-rust-lint`. */
export function ruleDocPath(rule: string): string {
  return `/${rule}${RULE_DOC_SUFFIX}`;
}

/** The rule a page path names, or undefined. */
export function ruleOfPath(p: string): string | undefined {
  const m = /^\/([a-z0-9-]+)\.kernel-rust-lint$/.exec(p);
  return m?.[1];
}

/** The Markdown of one rule's section of docs/lints.md (from its `<a id>` anchor to the next one), headings lifted one
 *  level so the rule's name is the page title; undefined when the file has no such rule. */
export function ruleSection(lintsMd: string, rule: string): string | undefined {
  const anchor = `<a id="${rule}"></a>`;
  const start = lintsMd.indexOf(anchor);
  if (start < 0) return undefined;
  const next = lintsMd.indexOf('<a id="', start + anchor.length);
  const body = lintsMd.slice(start + anchor.length, next < 0 ? undefined : next).trim();
  return body.replace(/^(#{2,6}) /gm, (_, hashes: string) => `${hashes.slice(1)} `);
}
