import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../../devtools/projectPaths';
import { readManifest, updatedReadme } from './manifestTables';

/** `npm run docs`: rewrites the README's command and settings tables from package.json. */
const path = join(PROJECT_ROOT, 'README.md');
const before = readFileSync(path, 'utf8');
const after = updatedReadme(before, readManifest(PROJECT_ROOT));
writeFileSync(path, after);
console.log(before === after ? 'README.md tables already match package.json.' : 'README.md tables updated from package.json.');
