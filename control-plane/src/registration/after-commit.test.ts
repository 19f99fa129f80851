import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChangesService } from '../changes/changes.service.js';
import { ConflictError } from '../errors/index.js';
import { apiTestEnv, git } from '../test-support/api-client.js';
import { startTestServer, type TestServer } from '../test-support/server.js';
import { registrationResult } from './registration.schemas.js';
import { createRegistrationService } from './registration.service.js';

/**
 * A failure that comes after the registration's transaction committed — waiting for the git
 * commit while the pool stays full — once answered 503 to a registration that had gone through,
 * and the client's retry then said `email_taken` (two replicas on a loaded machine). The failure
 * is injected into the wait (`settle`) of a real server's change writer; everything else is real.
 */
describe('a registration whose wait for the git commit fails after its transaction committed', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(apiTestEnv);
  });
  afterAll(() => server?.close());

  /** The registration service of the running server, with `settle` failing once as given. */
  const registrationFailingOnce = (failure: Error) => {
    const changes = server.services.changes;
    let failed = false;
    const failing: ChangesService = {
      ...changes,
      settle: async (id) => {
        if (failed) return changes.settle(id);
        failed = true;
        throw failure;
      },
    };
    return createRegistrationService({ ...server.services, changes: failing });
  };
  const registration = (name: string) => ({
    accountType: 'organization' as const,
    projectType: 'website' as const,
    organizationName: name,
    email: `owner@${name.toLowerCase().replace(/\W/g, '')}.test`,
    password: 'a-long-enough-password',
    ip: '127.0.0.1',
  });

  it('answers the registration with its change queued, and the writer still commits it', async () => {
    // pg-pool's own words when no connection came free in time (errors/transient.ts).
    const service = registrationFailingOnce(new Error('timeout exceeded when trying to connect'));
    const result = await service.register(registration('Late Failure'));

    expect(registrationResult.parse(result)).toEqual(result);
    expect(result.organization).toMatchObject({ slug: 'late-failure', state: 'provisioning' });
    expect(result.change).toMatchObject({
      kind: 'provision',
      state: 'queued',
      commitSha: null,
      organization: { id: result.organization.id, slug: 'late-failure', name: 'Late Failure' },
      requestedBy: { email: 'owner@latefailure.test' },
    });

    const trailers = async () =>
      git(server, 'log', '--format=%(trailers:key=Change-Request,valueonly)', 'main');
    const deadline = performance.now() + 60_000;
    while (!(await trailers()).includes(result.change?.id ?? '-') && performance.now() < deadline)
      await new Promise((resolve) => setTimeout(resolve, 100));
    expect(await trailers()).toContain(result.change?.id);
    const [row] = await server.services.dataSource.query(`SELECT state FROM change_request WHERE id = $1`, [
      result.change?.id,
    ]);
    expect(row.state).toBe('committed');
  });

  it("still answers the writer's refusal of the change as the request's error", async () => {
    const refused = new ConflictError({
      code: 'change_failed',
      message: 'The change could not be committed',
    });
    const service = registrationFailingOnce(refused);
    await expect(service.register(registration('Refused Change'))).rejects.toBe(refused);
  });
});
