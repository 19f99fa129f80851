import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeTenantFiles } from '../../src/cli/write-tenant-files.js';
import { scratch } from './cli-harness.js';

const dir = 'tenants/c/ac/acme';

describe('writeTenantFiles', () => {
  it('writes what changed, leaves the rest untouched and removes stale YAML of this tenant only', () => {
    const root = scratch({
      [`${dir}/same.yaml`]: 'a: 1\n',
      [`${dir}/changed.yaml`]: 'b: 1\n',
      [`${dir}/app/stale.yaml`]: 'c: 1\n',
      [`${dir}/notes.txt`]: 'kept',
      'tenants/c/gl/globex/other.yaml': 'd: 1\n',
    });
    const before = statSync(join(root, dir, 'same.yaml')).mtimeMs;
    const changes = writeTenantFiles(root, dir, [
      { path: `${dir}/same.yaml`, content: 'a: 1\n' },
      { path: `${dir}/changed.yaml`, content: 'b: 2\n' },
      { path: `${dir}/app/new.yaml`, content: 'e: 1\n' },
    ]);
    expect(changes).toBe(3);
    expect(statSync(join(root, dir, 'same.yaml')).mtimeMs).toBe(before);
    expect(readFileSync(join(root, dir, 'changed.yaml'), 'utf8')).toBe('b: 2\n');
    expect(readdirSync(join(root, dir, 'app'))).toEqual(['new.yaml']);
    expect(readdirSync(join(root, dir)).sort()).toEqual(['app', 'changed.yaml', 'notes.txt', 'same.yaml']);
    expect(readFileSync(join(root, 'tenants/c/gl/globex/other.yaml'), 'utf8')).toBe('d: 1\n');
  });
});
