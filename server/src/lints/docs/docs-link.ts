/** Where a rule's documentation lives: docs/lints.md shipped with the extension, one heading per rule. */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';

let docsFile: string | null | undefined;

function findDocsFile(): string | null {
  for (const candidate of [path.resolve(__dirname, '..', 'docs', 'lints.md'), path.resolve(__dirname, '..', '..', '..', 'docs', 'lints.md')]) {
    if (fs.existsSync(candidate)) return candidate;
  }
  return null;
}

/** A URI that opens the rule's section of docs/lints.md, or undefined when the docs are not installed. */
export function ruleDocsUri(ruleId: string): string | undefined {
  if (docsFile === undefined) docsFile = findDocsFile();
  return docsFile ? `${pathToFileURL(docsFile).href}#${ruleId}` : undefined;
}
