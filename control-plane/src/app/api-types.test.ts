import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { adminApiTypes, adminApiTypesFile } from './api-types.js';

describe("the admin's generated API types", () => {
  it('are the ones the routes document today (npm run api:types -w admin-vue)', async () => {
    expect(await readFile(adminApiTypesFile, 'utf8')).toBe(await adminApiTypes());
  });
});
