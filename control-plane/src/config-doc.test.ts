import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { configTableMarkdown } from './config-doc.js';

const readme = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../README.md');

describe('the README configuration table', () => {
  it('is the one generated from the config definition (npm run docs:config -w control-plane)', async () => {
    const text = await readFile(readme, 'utf8');
    expect(text).toContain(configTableMarkdown());
  });
});
