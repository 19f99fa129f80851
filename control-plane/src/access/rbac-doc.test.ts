import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { permissionTableMarkdown } from './rbac-markdown.js';

const doc = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../docs/rbac.md');

describe('docs/rbac.md', () => {
  it('shows the permission table the code enforces (npm run docs:rbac -w control-plane)', async () => {
    expect(await readFile(doc, 'utf8')).toContain(permissionTableMarkdown());
  });
});
