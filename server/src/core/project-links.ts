/**
 * Where the project lives on the web: the one place its repository address is written. SARIF links each rule to
 * its section of docs/lints.md there (a code-scanning dashboard cannot open a local `file://` path). A test keeps
 * this equal to package.json's `repository` field once that field exists.
 */

/** The project's public repository. */
export const REPOSITORY_URL = 'https://github.com/kernel-rust/kernel-rust';

/** The branch whose documentation the links point at. */
const DOCS_BRANCH = 'main';

/** The rule's section of docs/lints.md in the repository (headings are the rule ids, so the anchor is the id). */
export function ruleHelpUri(ruleId: string): string {
  return `${REPOSITORY_URL}/blob/${DOCS_BRANCH}/docs/lints.md#${ruleId}`;
}
