import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Answer, apiTestEnv, type client } from '../test-support/api-client.js';
import { approvedAgencyWithClient, footprint } from '../test-support/approved-agency.js';
import { startTestServer, type TestServer } from '../test-support/server.js';

/*
 * The approval gate against a suspension that lands between its first check and the write. A
 * second connection suspends the agency the way the suspend path does (FOR UPDATE on the row it
 * changes, then the change) and holds its transaction open; the write is sent, passes the first
 * check (the suspension is not committed yet) and must then wait for that row inside its own
 * transaction. Once a backend of this test's database is seen waiting on a lock, the suspension
 * commits: the write must now be refused with nothing committed. Without the gate's second look
 * the write never waits and answers 2xx.
 */

type Api = ReturnType<typeof client>;

describe('the approval gate against a concurrent suspension', () => {
  let server: TestServer;
  let agency: Api;
  let platformId: string;
  let agencyId: string;
  let clientId: string;
  let provisionId: string;

  const query = (sql: string, params: unknown[] = []) => server.services.dataSource.query(sql, params);

  /** Resolves once some backend of this test's database waits for a row lock. */
  async function someoneWaitsOnALock(stop: { done: boolean }): Promise<'waiting'> {
    while (!stop.done) {
      const [{ n }] = await query(
        `SELECT count(*)::int AS n FROM pg_stat_activity
          WHERE datname = current_database() AND wait_event_type = 'Lock'`,
      );
      if (n > 0) return 'waiting';
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    return new Promise(() => {});
  }

  /** Sends `write` while the agency's suspension is in flight; commits it once the write waits. */
  async function suspendedMidway(write: () => Promise<Answer>) {
    const runner = server.services.dataSource.createQueryRunner();
    await runner.connect();
    await runner.startTransaction();
    const stop = { done: false };
    try {
      await runner.query(`SELECT id FROM tenant WHERE "organizationId" = $1 FOR UPDATE`, [agencyId]);
      await runner.query(
        `UPDATE tenant SET state = 'suspended', "suspendedByOrganizationId" = $2 WHERE "organizationId" = $1`,
        [agencyId, platformId],
      );
      const answer = write();
      const first = await Promise.race([answer.then(() => 'answered' as const), someoneWaitsOnALock(stop)]);
      stop.done = true;
      await runner.commitTransaction();
      return { first, answer: await answer };
    } finally {
      stop.done = true;
      if (runner.isTransactionActive) await runner.rollbackTransaction();
      await runner.release();
    }
  }

  beforeAll(async () => {
    server = await startTestServer(apiTestEnv);
    ({ platformId, agencyId, agency, clientId, provisionId } = await approvedAgencyWithClient(server, {
      agency: 'Racers',
      email: 'owner@racers.test',
      client: 'Race Client',
    }));
  }, 60_000);
  afterAll(() => server?.close());

  const writes: [string, () => Promise<Answer>][] = [
    [
      'create a client',
      () =>
        agency.post('/organizations', {
          organizationName: `Client ${randomUUID().slice(0, 8)}`,
          projectType: 'website',
          parentId: agencyId,
        }),
    ],
    [
      'update a client',
      () => agency.patch(`/organizations/${clientId}`, { displayName: 'Renamed in the race' }),
    ],
    [
      'invite a client admin',
      () =>
        agency.post(`/organizations/${clientId}/users`, {
          email: `${randomUUID()}@race.test`,
          role: 'client_admin',
        }),
    ],
    ['suspend a client', () => agency.post(`/organizations/${clientId}/suspend`)],
    ['revert a client', () => agency.post(`/organizations/${clientId}/revert`, { changeId: provisionId })],
  ];

  it.each(writes)('%s: refused with 409 invalid_state, nothing committed', async (_name, write) => {
    const [{ state }] = await query(`SELECT state FROM tenant WHERE "organizationId" = $1`, [agencyId]);
    const before = await footprint(server, clientId);
    try {
      const { first, answer } = await suspendedMidway(write);
      expect(first).toBe('waiting');
      expect([answer.status, answer.body.error?.code]).toEqual([409, 'invalid_state']);
      expect(answer.body.error.details).toMatchObject({ organizationId: agencyId, state: 'suspended' });
      expect(await footprint(server, clientId)).toEqual(before);
    } finally {
      await query(
        `UPDATE tenant SET state = $2, "suspendedByOrganizationId" = NULL WHERE "organizationId" = $1`,
        [agencyId, state],
      );
    }
  });
});
