/**
 * Media on a real control plane (embedded PostgreSQL, embedded S3 behind its verifying gateway):
 * listing p95 with 10,000 recorded objects, presign p95 (service and HTTP), and one 100 MB upload
 * through a presigned URL while every byte the control plane's API receives is counted by a TCP
 * proxy in front of it. Baseline in the same run: GET /healthz.
 *   npm run bench -- media
 */
import { mkdtemp, rm } from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { PutObjectCommand } from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import { startServer } from '../../control-plane/src/app/server.js';
import { loadConfig } from '../../control-plane/src/config.js';
import { createLogger } from '../../control-plane/src/logger.js';
import { writeSection } from '../results.mjs';
import { percentile } from '../support/load.js';
import { jsonApi, probeCells, timed } from '../support/probe.js';

const OBJECTS = 10_000;
const ROUNDS = Number(process.env.BENCH_MEDIA_ROUNDS ?? 300);
const UPLOAD_BYTES = 100_000_000;
const PASSWORD = 'bench-password-123';

const ms = (n: number) => n.toFixed(2);

/** A TCP proxy to the API that counts the bytes clients send it: what the control plane receives. */
async function countingProxy(target: URL) {
  let received = 0;
  const server = net.createServer((socket) => {
    const upstream = net.connect(Number(target.port), target.hostname);
    socket.on('data', (chunk) => {
      received += chunk.length;
    });
    socket.pipe(upstream).pipe(socket);
    socket.on('error', () => upstream.destroy());
    upstream.on('error', () => socket.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as net.AddressInfo).port}`,
    received: () => received,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

const dir = await mkdtemp(path.join(os.tmpdir(), 'luster-bench-media-'));
const config = loadConfig({
  LUSTER_DATA_DIR: dir,
  PORT: '0',
  S3_EMBEDDED_PORT: '0',
  HOST: '127.0.0.1',
  LOG_LEVEL: 'silent',
  LUSTER_ADMIN_PASSWORD: PASSWORD,
  PASSWORD_ARGON2_MEMORY_KIB: '1024',
  PASSWORD_ARGON2_TIME_COST: '1',
});
const loadBefore = os.loadavg()[0] ?? 0;
const server = await startServer(config, createLogger('silent'));
const proxy = await countingProxy(new URL(server.url));
try {
  const api = jsonApi(proxy.url);
  const login = await api('POST', '/auth/login', undefined, {
    email: config.LUSTER_ADMIN_EMAIL,
    password: PASSWORD,
  });
  const token: string = login.accessToken;
  const org = await api('POST', '/registrations', undefined, {
    accountType: 'organization',
    projectType: 'website',
    organizationName: 'Bench Media',
    email: 'owner@bench-media.test',
    password: 'a-long-enough-password',
  });
  const orgId: string = org.organization.id;
  await server.services.buckets.kick();
  await server.services.dataSource.query(`UPDATE tier SET "mediaQuotaBytes" = 1e12`);
  // 10,000 recorded objects over 24 months: what the listing reads.
  await server.services.dataSource.query(
    `INSERT INTO media_object ("organizationId", key, size, "contentType", "uploadedBy", "uploadedAt")
     SELECT $1, format('%s/%s/file-%s.jpg', 2024 + (i % 24) / 12, lpad(((i % 12) + 1)::text, 2, '0'), i), 1000 + i, 'image/jpeg', NULL, now()
       FROM generate_series(1, $2) AS i`,
    [orgId, OBJECTS],
  );

  const health = await timed(ROUNDS, () => fetch(`${proxy.url}/healthz`).then((r) => r.text()));
  const listFirst = await timed(ROUNDS, () => api('GET', `/organizations/${orgId}/media?limit=100`, token));
  const listMonth = await timed(ROUNDS, (i) =>
    api('GET', `/organizations/${orgId}/media?year=${2024 + (i % 2)}&month=${(i % 12) + 1}&limit=100`, token),
  );
  let cursor: string | null = null;
  const listPages = await timed(ROUNDS, async () => {
    const page = await api(
      'GET',
      `/organizations/${orgId}/media?limit=100${cursor ? `&cursor=${cursor}` : ''}`,
      token,
    );
    cursor = page.nextCursor;
  });
  const actor = await server.services.auth.authenticate({
    authorization: `Bearer ${token}`,
    orgContext: undefined,
  });
  const presignService = await timed(ROUNDS * 3, (i) =>
    server.services.media.createUpload({
      actor,
      organizationId: orgId,
      name: `bench-${i}.jpg`,
      contentType: 'image/jpeg',
      size: 1000,
    }),
  );
  const { presignClient } = server.services.storage.connection();
  const signOnly = await timed(ROUNDS * 3, (i) =>
    getSignedUrl(
      presignClient,
      new PutObjectCommand({
        Bucket: 'org-bench-media-media',
        Key: `2026/01/s-${i}.jpg`,
        ContentType: 'image/jpeg',
        ContentLength: 1000,
      }),
      { expiresIn: 600, signableHeaders: new Set(['content-type', 'content-length']) },
    ),
  );
  const presignHttp = await timed(ROUNDS, (i) =>
    api('POST', `/organizations/${orgId}/media/uploads`, token, {
      name: `http-${i}.jpg`,
      contentType: 'image/jpeg',
      size: 1000,
    }),
  );

  // 100 MB through the presigned URL; the proxy counts what reaches the API meanwhile.
  const file = Buffer.alloc(UPLOAD_BYTES, 7);
  const before = proxy.received();
  const upload = await api('POST', `/organizations/${orgId}/media/uploads`, token, {
    name: 'big-video.mp4',
    contentType: 'video/mp4',
    size: UPLOAD_BYTES,
  });
  const putStart = performance.now();
  const put = await fetch(upload.url, { method: 'PUT', headers: upload.headers, body: file });
  const putMs = performance.now() - putStart;
  if (put.status !== 200) throw new Error(`upload answered ${put.status}: ${await put.text()}`);
  const recorded = await api('POST', `/organizations/${orgId}/media/complete`, token, { key: upload.key });
  const apiBytes = proxy.received() - before;
  if (recorded.size !== UPLOAD_BYTES) throw new Error(`recorded ${recorded.size} bytes`);
  const loadAfter = os.loadavg()[0] ?? 0;

  const row = (name: string, t: number[], note: string) => `| ${name} | ${probeCells(t)} | ${note} |`;
  const body = `
\`npm run bench -- media\` (bench/media/media.bench.ts): one control plane with embedded PostgreSQL and
the embedded S3 behind its SigV4-verifying gateway; one organization with ${OBJECTS.toLocaleString('en')} recorded objects;
requests one at a time over HTTP (through a counting TCP proxy in front of the API). Load average
${loadBefore.toFixed(2)} before, ${loadAfter.toFixed(2)} after (the machine is shared: 2 cores).
Presigning makes one database query — the golden rule with the bucket, the bytes used, the tier's
quota and the taken keys (media/upload-target.ts) — and then signs locally.

| measure | n | p50 ms | p95 ms | note |
|---|---|---|---|---|
${row('GET /healthz (baseline)', health, 'HTTP floor')}
${row('list, first page of 100', listFirst, `target: p95 at ${OBJECTS.toLocaleString('en')} objects`)}
${row('list, one month (year+month)', listMonth, 'prefix filter')}
${row('list, walking pages by cursor', listPages, 'keyset pagination')}
${row('presign (service, in-process)', presignService, `target ≤ 5 ms p95: ${percentile(presignService, 95) <= 5 ? 'met' : 'missed'}`)}
${row('presign, the SDK signature alone', signOnly, 'getSignedUrl, no database')}
${row('presign (POST …/media/uploads)', presignHttp, 'with auth, golden rule, quota')}

100 MB upload (${UPLOAD_BYTES.toLocaleString('en')} bytes) with the presigned URL: ${ms(putMs)} ms
(${(UPLOAD_BYTES / 2 ** 20 / (putMs / 1000)).toFixed(0)} MiB/s into the embedded S3); recorded size ${recorded.size.toLocaleString('en')}.
Bytes the control plane's API received for presign + complete: **${apiBytes.toLocaleString('en')}**
— 0 bytes of the file (target: 0).
`;
  await writeSection('media', body);
  console.log(body);
} finally {
  await proxy.close();
  await server.stop();
  await rm(dir, { recursive: true, force: true });
}
