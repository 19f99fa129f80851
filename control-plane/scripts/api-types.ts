/**
 * Writes the admin's API types from the OpenAPI document the server builds:
 *   npm run api:types -w admin-vue
 * api-types.test.ts fails when the committed file and the routes' schemas drift apart.
 */
import { writeFile } from 'node:fs/promises';
import { adminApiTypes, adminApiTypesFile } from '../src/app/api-types.js';

await writeFile(adminApiTypesFile, await adminApiTypes());
process.stdout.write(`${adminApiTypesFile} written\n`);
