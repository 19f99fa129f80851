import type { S3Connection } from './s3-client.js';

/**
 * The origins a browser reaches S3 at through presigned URLs — the admin uploads there and shows
 * thumbnails from there —, as Content-Security-Policy sources: the endpoint's origin, and with
 * virtual-hosted addressing (`<bucket>.<host>`) every subdomain of it. Empty before storage starts.
 */
export function browserOrigins(
  connection: () => Pick<S3Connection, 'publicEndpoint' | 'forcePathStyle'>,
): string[] {
  let current: Pick<S3Connection, 'publicEndpoint' | 'forcePathStyle'>;
  try {
    current = connection();
  } catch {
    return [];
  }
  const url = new URL(current.publicEndpoint);
  return current.forcePathStyle ? [url.origin] : [url.origin, `${url.protocol}//*.${url.host}`];
}
