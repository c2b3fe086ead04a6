// Writes the dropdown of `kernelRust.targetVersion` (enum + enumDescriptions) into package.json from the release
// registry (server/src/kb/releases.ts). Run after adding a release: `npm run settings:schema`. A test fails when
// package.json and the registry disagree.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { targetVersionSchema } from '../client/src/target-choices';

const file = path.join(__dirname, '..', 'package.json');
const text = fs.readFileSync(file, 'utf8');
const pkg = JSON.parse(text);
const prop = pkg.contributes.configuration.properties['kernelRust.targetVersion'];
Object.assign(prop, targetVersionSchema());
const next = JSON.stringify(pkg, null, 2) + '\n';
if (next !== text) fs.writeFileSync(file, next);
console.log(next === text ? 'package.json is up to date' : 'package.json: kernelRust.targetVersion updated');
