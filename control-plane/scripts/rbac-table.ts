/**
 * Rewrites the permission table in docs/rbac.md from control-plane/src/access/permissions.ts:
 *   npm run docs:rbac -w control-plane
 * The rbac-doc test fails when the two drift apart.
 */
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { permissionTableMarkdown } from '../src/access/rbac-markdown.js';

const doc = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../docs/rbac.md');
const text = await readFile(doc, 'utf8');
const start = '<!-- rbac:start -->';
const end = '<!-- rbac:end -->';
const from = text.indexOf(start);
const to = text.indexOf(end);
if (from < 0 || to < from) {
  process.stderr.write(`docs/rbac.md has no ${start} … ${end} section\n`);
  process.exit(1);
}
await writeFile(
  doc,
  `${text.slice(0, from + start.length)}\n${permissionTableMarkdown()}\n${text.slice(to)}`,
);
process.stdout.write('docs/rbac.md permission table updated\n');
