/**
 * Rewrites the configuration table in the README from the config definition:
 *   npm run docs:config -w control-plane
 * The README test fails when the two drift apart.
 */
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { configTableMarkdown } from '../src/config-doc.js';

const readme = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../README.md');
const text = await readFile(readme, 'utf8');
const start = '<!-- config:start -->';
const end = '<!-- config:end -->';
const from = text.indexOf(start);
const to = text.indexOf(end);
if (from < 0 || to < from) {
  process.stderr.write(`README.md has no ${start} … ${end} section\n`);
  process.exit(1);
}
await writeFile(readme, `${text.slice(0, from + start.length)}\n${configTableMarkdown()}\n${text.slice(to)}`);
process.stdout.write('README.md configuration table updated\n');
