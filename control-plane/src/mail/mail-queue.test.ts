import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { Registry } from 'prom-client';
import type { DataSource } from 'typeorm';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createDataSource } from '../db/data-source.js';
import { createLogger } from '../logger.js';
import { apiTestEnv, client } from '../test-support/api-client.js';
import { createTestDatabase } from '../test-support/database.js';
import { startTestServer, type TestServer } from '../test-support/server.js';
import { createMailMetrics, registerMailOutboxGauge } from './mail.metrics.js';
import { createMailQueue } from './mail-queue.js';
import { type Mail, type Mailer, outboxMailer } from './mailer.js';

const logger = createLogger('silent');
const mail = (i: number): Mail => ({
  kind: 'notice',
  to: `user${i}@mail.test`,
  subject: `Notice ${i}`,
  text: 'Hi',
});

/**
 * The outbox folder as the real transport, behind a switch a test can throw: what an SMTP server
 * that is down looks like to the queue (no SMTP server can run here).
 */
function switchableOutbox(dir: string) {
  const real = outboxMailer({ dir, from: 'Luster <noreply@mail.test>' });
  const state = { down: false, attempts: 0 };
  const transport: Mailer = {
    async send(m) {
      state.attempts++;
      if (state.down) throw new Error('connect ECONNREFUSED 127.0.0.1:25');
      await real.send(m);
    },
  };
  return { transport, state };
}

async function delivered(dir: string) {
  const names = (await readdir(dir).catch(() => [] as string[])).filter((n) => n.endsWith('.json'));
  return Promise.all(names.map(async (n) => JSON.parse(await readFile(path.join(dir, n), 'utf8'))));
}

describe('the mail queue', () => {
  let db: Awaited<ReturnType<typeof createTestDatabase>>;
  let dataSource: DataSource;
  let dir: string;

  beforeAll(async () => {
    db = await createTestDatabase('mail');
    dataSource = createDataSource(db.url);
    await dataSource.initialize();
    await dataSource.runMigrations();
  });
  afterAll(async () => {
    await dataSource?.destroy();
    await db?.drop();
  });
  afterEach(async () => {
    await dataSource.query('DELETE FROM mail_outbox');
    await rm(dir, { recursive: true, force: true });
  });

  const rows = () =>
    dataSource.query(
      `SELECT "to", attempts, "sentAt" IS NOT NULL AS sent, "failedAt" IS NOT NULL AS failed, "lastError"
         FROM mail_outbox ORDER BY "to"`,
    );

  it('stores a mail only if the transaction that enqueued it commits', async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'luster-mail-'));
    const queue = createMailQueue({
      dataSource,
      transport: outboxMailer({ dir, from: 'x@mail.test' }),
      logger,
    });
    await dataSource
      .transaction(async (tx) => {
        await queue.enqueue(tx, mail(1));
        throw new Error('the registration failed');
      })
      .catch(() => undefined);
    await dataSource.transaction((tx) => queue.enqueue(tx, mail(2)));
    await queue.kick();

    expect(await rows()).toEqual([
      { to: 'user2@mail.test', attempts: 1, sent: true, failed: false, lastError: null },
    ]);
    expect((await delivered(dir)).map((m) => m.to)).toEqual(['user2@mail.test']);
    // Sent: the body (which may hold a one-time token) is gone from the database.
    expect(await dataSource.query('SELECT text FROM mail_outbox')).toEqual([{ text: '' }]);
  });

  it('counts sent mails, failed attempts and what waits, for /metrics', async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'luster-mail-'));
    const { transport, state } = switchableOutbox(dir);
    const registry = new Registry();
    const queue = createMailQueue({ dataSource, transport, logger, metrics: createMailMetrics(registry) });
    registerMailOutboxGauge(registry, () => queue.counts());
    await queue.send(mail(1));
    await queue.idle();
    state.down = true;
    await queue.send(mail(2));
    await queue.idle();

    const text = await registry.metrics();
    expect(text).toContain('luster_mail_sent_total{kind="notice"} 1');
    expect(text).toContain('luster_mail_attempts_failed_total{kind="notice"} 1');
    expect(text).toContain('luster_mail_outbox{state="pending"} 1');
    expect(text).toContain('luster_mail_outbox{state="failed"} 0');
  });

  it('forgets mails sent or given up more than 30 days ago, and nothing else', async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'luster-mail-'));
    const queue = createMailQueue({
      dataSource,
      transport: outboxMailer({ dir, from: 'x@mail.test' }),
      logger,
    });
    for (let i = 0; i < 4; i++) await queue.enqueue(dataSource.manager, mail(i));
    await dataSource.query(
      `UPDATE mail_outbox SET "sentAt" = now() - interval '31 days' WHERE "to" = 'user0@mail.test'`,
    );
    await dataSource.query(
      `UPDATE mail_outbox SET "failedAt" = now() - interval '31 days' WHERE "to" = 'user1@mail.test'`,
    );
    await dataSource.query(
      `UPDATE mail_outbox SET "sentAt" = now() - interval '29 days' WHERE "to" = 'user2@mail.test'`,
    );
    expect(await queue.prune()).toBe(2);
    expect((await rows()).map((r: { to: string }) => r.to)).toEqual(['user2@mail.test', 'user3@mail.test']);
  });

  it('retries a failed send after its backoff, then delivers it once', async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'luster-mail-'));
    const { transport, state } = switchableOutbox(dir);
    const queue = createMailQueue({ dataSource, transport, logger, backoffMs: 60_000 });
    state.down = true;
    await queue.send(mail(1));
    await queue.idle();
    expect(await rows()).toEqual([
      {
        to: 'user1@mail.test',
        attempts: 1,
        sent: false,
        failed: false,
        lastError: 'connect ECONNREFUSED 127.0.0.1:25',
      },
    ]);
    const [{ wait }] = await dataSource.query(
      `SELECT round(extract(epoch FROM "nextAttemptAt" - now())) AS wait FROM mail_outbox`,
    );
    expect(Number(wait)).toBeGreaterThan(50);

    // Not due yet: a pass sends nothing.
    state.down = false;
    await queue.kick();
    expect(state.attempts).toBe(1);
    // Due: delivered, once.
    await dataSource.query(`UPDATE mail_outbox SET "nextAttemptAt" = now()`);
    await queue.kick();
    await queue.kick();
    expect(await rows()).toEqual([
      { to: 'user1@mail.test', attempts: 2, sent: true, failed: false, lastError: null },
    ]);
    expect(await delivered(dir)).toHaveLength(1);
  });

  it('doubles the wait after each failure and gives up after the last attempt', async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'luster-mail-'));
    const { transport, state } = switchableOutbox(dir);
    const queue = createMailQueue({ dataSource, transport, logger, maxAttempts: 3, backoffMs: 10_000 });
    state.down = true;
    await queue.send(mail(1));
    const waits: number[] = [];
    for (let i = 0; i < 3; i++) {
      await queue.idle();
      const [{ wait }] = await dataSource.query(
        `SELECT round(extract(epoch FROM "nextAttemptAt" - now())) AS wait FROM mail_outbox`,
      );
      waits.push(Number(wait));
      await dataSource.query(`UPDATE mail_outbox SET "nextAttemptAt" = now()`);
      await queue.kick();
    }
    expect(waits[0]).toBeCloseTo(10, -1);
    expect(waits[1]).toBeCloseTo(20, -1);
    expect(await rows()).toEqual([
      {
        to: 'user1@mail.test',
        attempts: 3,
        sent: false,
        failed: true,
        lastError: 'connect ECONNREFUSED 127.0.0.1:25',
      },
    ]);
    state.down = false;
    await queue.kick();
    expect(state.attempts).toBe(3);
    expect(await delivered(dir)).toEqual([]);
  });

  it('never has two replicas send the same mail', async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'luster-mail-'));
    const writer = createMailQueue({
      dataSource,
      transport: outboxMailer({ dir, from: 'x@mail.test' }),
      logger,
    });
    for (let i = 0; i < 60; i++) await writer.enqueue(dataSource.manager, mail(i));
    const replicas = [0, 1, 2].map(() =>
      createMailQueue({ dataSource, transport: outboxMailer({ dir, from: 'x@mail.test' }), logger }),
    );
    await Promise.all(replicas.map((r) => r.kick()));

    const sent = (await delivered(dir)).map((m) => m.to).sort();
    expect(sent).toHaveLength(60);
    expect(new Set(sent).size).toBe(60);
    expect((await rows()).every((r: { sent: boolean; attempts: number }) => r.sent && r.attempts === 1)).toBe(
      true,
    );
  });
});

describe('registration and the mail queue', () => {
  // A real TCP peer that accepts SMTP connections and never greets: a mail server that hangs.
  const sockets = new Set<net.Socket>();
  const smtp = net.createServer((socket) => {
    sockets.add(socket);
    socket.on('error', () => undefined);
  });
  let server: TestServer;
  beforeAll(async () => {
    await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
    const { port } = smtp.address() as net.AddressInfo;
    server = await startTestServer({ ...apiTestEnv, SMTP_URL: `smtp://127.0.0.1:${port}` });
  });
  afterAll(async () => {
    for (const socket of sockets) socket.destroy();
    smtp.close();
    await server?.close();
  });

  it('answers 201 while the mail server hangs; the mail stays stored and the failure is retried later', async () => {
    const res = await client(server).post('/registrations', {
      accountType: 'organization',
      projectType: 'website',
      organizationName: 'Slow Mail',
      email: 'slow@mail.test',
      password: 'a-long-enough-password',
    });
    expect(res.status).toBe(201);
    // The queue is talking to the hung server right now.
    await expect.poll(() => sockets.size).toBeGreaterThan(0);
    const [row] = await server.services.dataSource.query(
      `SELECT kind, "to", "sentAt", "leaseUntil" > now() AS leased FROM mail_outbox`,
    );
    expect(row).toEqual({ kind: 'verify_email', to: 'slow@mail.test', sentAt: null, leased: true });

    // The server drops the connection: the attempt fails and is scheduled again, nothing lost.
    for (const socket of sockets) socket.destroy();
    await server.services.mail.idle();
    const [after] = await server.services.dataSource.query(
      `SELECT attempts, "sentAt", "failedAt", "lastError" IS NOT NULL AS "hasError", "nextAttemptAt" > now() AS later
         FROM mail_outbox`,
    );
    expect(after).toEqual({ attempts: 1, sentAt: null, failedAt: null, hasError: true, later: true });
  });
});
