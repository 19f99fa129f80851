import { expect } from 'vitest';
import type { client } from './api-client.js';

/**
 * Uploads `body` as `api` the way the admin does — a presigned PUT straight to S3, then the
 * control plane records it — and answers the recorded object. `extra` goes with the presign
 * request (`{ public: true }`).
 */
export async function uploadMedia(
  api: ReturnType<typeof client>,
  organizationId: string,
  name: string,
  body: string,
  extra: Record<string, unknown> = {},
) {
  const presigned = await api.post(`/organizations/${organizationId}/media/uploads`, {
    name,
    contentType: 'text/plain',
    size: Buffer.byteLength(body),
    ...extra,
  });
  expect(presigned.status).toBe(201);
  const put = await fetch(presigned.body.url, { method: 'PUT', headers: presigned.body.headers, body });
  expect(put.status).toBe(200);
  const done = await api.post(`/organizations/${organizationId}/media/complete`, { key: presigned.body.key });
  expect(done.status).toBe(200);
  return done.body as { key: string; public: boolean };
}
