import { fileURLToPath } from 'node:url';
import openapiTS, { astToString, type OpenAPI3 } from 'openapi-typescript';
import { offlineApiDocument } from './api-routes.js';

/** The admin's generated API types: committed, so the admin builds without a server. */
export const adminApiTypesFile = fileURLToPath(
  new URL('../../../admin-vue/src/api/schema.d.ts', import.meta.url),
);

const banner = `/**
 * Generated from the control plane's OpenAPI document (its routes' zod schemas); do not edit.
 * Regenerate with \`npm run api:types -w admin-vue\`; a control-plane test fails when it is stale.
 */

`;

/** The admin's API types, generated from the OpenAPI document the server builds. */
export async function adminApiTypes(): Promise<string> {
  const ast = await openapiTS(offlineApiDocument() as unknown as OpenAPI3, { exportType: true });
  return `${banner}${astToString(ast)}`;
}
