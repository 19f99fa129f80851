import { statSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import {
  CreateBucketCommand,
  GetObjectCommand,
  HeadObjectCommand,
  PutObjectCommand,
  S3Client,
  S3ServiceException,
} from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../logger.js';
import { type EmbeddedS3, startEmbeddedS3 } from './embedded-s3.js';
import { createS3Client } from './s3-client.js';

let dir: string;
let s3: EmbeddedS3;
let client: S3Client;
// The gateway's clock, moved by the expiry tests; the SDK signs with the real one.
let now = new Date();
const bucket = 'gateway-test-media';

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'luster-s3-'));
  s3 = await startEmbeddedS3({
    dir,
    host: '127.0.0.1',
    port: 0,
    region: 'us-east-1',
    logger: createLogger('silent'),
    clock: () => now,
  });
  client = createS3Client({
    endpoint: `http://127.0.0.1:${s3.port}`,
    region: 'us-east-1',
    accessKeyId: s3.accessKeyId,
    secretAccessKey: s3.secretAccessKey,
    forcePathStyle: true,
  });
  await client.send(new CreateBucketCommand({ Bucket: bucket }));
});

afterAll(async () => {
  client?.destroy();
  await s3?.stop();
  await rm(dir, { recursive: true, force: true });
});

/** A presigned PUT bound to key, type and length, as the media API hands out. */
function presignPut(key: string, contentType: string, size: number, expiresIn = 300) {
  return getSignedUrl(
    client,
    new PutObjectCommand({ Bucket: bucket, Key: key, ContentType: contentType, ContentLength: size }),
    {
      expiresIn,
      signableHeaders: new Set(['content-type', 'content-length']),
    },
  );
}

async function s3Error(response: Response) {
  const text = await response.text();
  return { status: response.status, code: /<Code>([^<]+)<\/Code>/.exec(text)?.[1] };
}

describe('the embedded S3 gateway', () => {
  it('keeps its generated credentials private (0600)', () => {
    expect(statSync(path.join(dir, 'credentials.json')).mode & 0o777).toBe(0o600);
  });

  it('passes a header-signed SDK call through to the store', async () => {
    now = new Date();
    await client.send(
      new PutObjectCommand({
        Bucket: bucket,
        Key: '2026/12/hello.txt',
        Body: 'hello',
        ContentType: 'text/plain',
      }),
    );
    const got = await client.send(new GetObjectCommand({ Bucket: bucket, Key: '2026/12/hello.txt' }));
    expect(await got.Body?.transformToString()).toBe('hello');
  });

  it('accepts a presigned upload used as signed, and stores what was sent', async () => {
    now = new Date();
    const url = await presignPut('2026/12/photo é+1.png', 'image/png', 5);
    const response = await fetch(url, {
      method: 'PUT',
      body: 'abcde',
      headers: { 'content-type': 'image/png' },
    });
    expect(response.status).toBe(200);
    const head = await client.send(new HeadObjectCommand({ Bucket: bucket, Key: '2026/12/photo é+1.png' }));
    expect([head.ContentLength, head.ContentType]).toEqual([5, 'image/png']);
  });

  it.each([
    ['another key', (url: string) => url.replace('/2026/12/a.png', '/2026/12/b.png'), 'image/png', 'abcde'],
    ['another content type', (url: string) => url, 'text/html', 'abcde'],
    ['a larger body', (url: string) => url, 'image/png', 'abcdefgh'],
    [
      'a tampered signature',
      (url: string) =>
        url.replace(/X-Amz-Signature=([0-9a-f])/, (_, c) => `X-Amz-Signature=${c === '0' ? '1' : '0'}`),
      'image/png',
      'abcde',
    ],
  ])('refuses a presigned URL used with %s (403, S3 error XML)', async (_case, change, contentType, body) => {
    now = new Date();
    const url = change(await presignPut('2026/12/a.png', 'image/png', 5));
    const response = await fetch(url, { method: 'PUT', body, headers: { 'content-type': contentType } });
    expect(await s3Error(response)).toEqual({ status: 403, code: 'SignatureDoesNotMatch' });
    await expect(
      client.send(new HeadObjectCommand({ Bucket: bucket, Key: '2026/12/b.png' })),
    ).rejects.toThrow();
  });

  it('refuses a presigned URL after it expired', async () => {
    now = new Date();
    const url = await presignPut('2026/12/late.png', 'image/png', 5, 60);
    now = new Date(Date.now() + 61_000);
    const response = await fetch(url, {
      method: 'PUT',
      body: 'abcde',
      headers: { 'content-type': 'image/png' },
    });
    expect(await s3Error(response)).toEqual({ status: 403, code: 'AccessDenied' });
  });

  it('refuses a header-signed request outside the allowed clock skew', async () => {
    now = new Date(Date.now() + 20 * 60_000);
    const error = await client
      .send(new HeadObjectCommand({ Bucket: bucket, Key: '2026/12/hello.txt' }))
      .catch((e) => e);
    expect(error).toBeInstanceOf(S3ServiceException);
    expect(error.$metadata.httpStatusCode).toBe(403);
  });

  it('refuses anonymous requests and requests signed with another secret', async () => {
    now = new Date();
    expect(await s3Error(await fetch(`http://127.0.0.1:${s3.port}/${bucket}/2026/12/hello.txt`))).toEqual({
      status: 403,
      code: 'AccessDenied',
    });
    const stranger = new S3Client({
      endpoint: `http://127.0.0.1:${s3.port}`,
      region: 'us-east-1',
      forcePathStyle: true,
      credentials: { accessKeyId: s3.accessKeyId, secretAccessKey: 'not-the-secret' },
    });
    const error = await stranger
      .send(new GetObjectCommand({ Bucket: bucket, Key: '2026/12/hello.txt' }))
      .catch((e) => e);
    stranger.destroy();
    expect(error.Code ?? error.name).toBe('SignatureDoesNotMatch');
  });

  it('serves objects under public/ unsigned (a CDN in front), and nothing else without a signature', async () => {
    now = new Date();
    await client.send(
      new PutObjectCommand({
        Bucket: bucket,
        Key: 'public/2026/12/logo.txt',
        Body: 'logo',
        ContentType: 'text/plain',
      }),
    );
    await client.send(new PutObjectCommand({ Bucket: bucket, Key: '2026/12/private.txt', Body: 'private' }));
    const at = (rest: string, init?: RequestInit) =>
      fetch(`http://127.0.0.1:${s3.port}/${bucket}/${rest}`, init);
    const read = await at('public/2026/12/logo.txt');
    expect([read.status, await read.text()]).toEqual([200, 'logo']);
    expect((await at('public/2026/12/logo.txt', { method: 'HEAD' })).status).toBe(200);
    const refused = [
      at('2026/12/private.txt'),
      // Out of public/ by a relative path, a listing of the folder, another method.
      at('public/2026/12/../../../2026/12/private.txt'),
      at('public/2026/12/%2e%2e/private.txt'),
      fetch(`http://127.0.0.1:${s3.port}/${bucket}?prefix=public/`),
      at('public/2026/12/logo.txt?acl'),
      at('public/2026/12/logo.txt', { method: 'PUT', body: 'defaced' }),
      at('public/2026/12/logo.txt', { method: 'DELETE' }),
    ];
    for (const response of await Promise.all(refused)) expect(response.status).toBe(403);
    const still = await client.send(new GetObjectCommand({ Bucket: bucket, Key: 'public/2026/12/logo.txt' }));
    expect(await still.Body?.transformToString()).toBe('logo');
  });
});
