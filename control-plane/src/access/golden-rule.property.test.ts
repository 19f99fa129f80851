import { randomUUID } from 'node:crypto';
import { type TenantState, tenantStates } from '@luster/contract';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiTestEnv, client, tokenFor } from '../test-support/api-client.js';
import { startTestServer, type TestServer } from '../test-support/server.js';
import type { Role } from './organization.entities.js';
import { type Action, allows, permissionTable } from './permissions.js';

/*
 * Property: over random trees of any shape, no actor ever reads or changes an organization outside
 * what it may see — its subtree for group and agency admins, its own organization for everyone
 * else — over REST and GraphQL, for lists, reads and writes. The expected set is computed from the
 * generated parent pointers, not from materialised paths (which is what the implementation uses).
 *
 * Roots (directly under the platform) may be partner groups, their children then agencies: four
 * levels. A group admin stands in a group and sees its agencies and everything below, never
 * another group's agencies, the platform or anything sideways; everyone else stands in a node that
 * is not a group.
 *
 * Each node also gets a random tenant state (or no tenant), and the writes inside the visible set
 * obey the approval gate: refused with `agency_not_approved` / `invalid_state` naming the first
 * organization, root first, that is not approved and live among the target's ancestors — plus the
 * target itself when the role is held there or when it is to become a parent.
 */

const roleArb = fc.constantFrom<Role>('group_admin', 'agency_admin', 'client_admin', 'editor', 'viewer');

/** A tree as parent indexes: node i's parent is parents[i] < i, or -1 (under the platform). */
const treeArb = fc
  .integer({ min: 1, max: 14 })
  .chain((n) =>
    fc.tuple(
      ...Array.from({ length: n }, (_, i) =>
        i === 0 ? fc.constant(-1) : fc.integer({ min: -1, max: i - 1 }),
      ),
    ),
  );

/** Each node's tenant state; null = no tenant. Live states are weighted so that writes also land. */
const stateArb = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom<TenantState | null>(null, 'provisioning', 'active') },
  { weight: 2, arbitrary: fc.constantFrom<TenantState | null>(...tenantStates) },
);

const live: (TenantState | null)[] = [null, 'provisioning', 'active'];

describe('the golden rule over random trees', () => {
  let server: TestServer;
  let platform: { id: string; path: string };
  let theme: { name: string; version: string };
  beforeAll(async () => {
    server = await startTestServer(apiTestEnv);
    [platform] = await server.services.dataSource.query(
      `SELECT id, path FROM organization WHERE kind = 'platform'`,
    );
    [theme] = await server.services.dataSource.query(
      `SELECT name, version FROM theme_version WHERE 'website' = ANY("defaultFor") LIMIT 1`,
    );
  });
  afterAll(() => server?.close());

  /**
   * Inserts the tree under the platform — the groups without a tenant, every other node with a
   * tenant per non-null state —; returns the ids in order.
   */
  async function insertTree(
    parents: number[],
    states: (TenantState | null)[],
    groups: Set<number>,
  ): Promise<string[]> {
    const ids: string[] = [];
    const paths: string[] = [];
    const run = randomUUID().slice(0, 8);
    for (const [i, parent] of parents.entries()) {
      const id = randomUUID();
      const parentPath = parent === -1 ? platform.path : (paths[parent] as string);
      ids.push(id);
      paths.push(`${parentPath}${id}/`);
      const kind = groups.has(i) ? 'partner_group' : groups.has(parent) ? 'agency' : 'organization';
      await server.services.dataSource.query(
        `INSERT INTO organization (id, slug, name, kind, "parentId", path) VALUES ($1, $2, $3, $4, $5, $6)`,
        [id, `p-${run}-${i}`, `Node ${i}`, kind, parent === -1 ? platform.id : ids[parent], paths[i]],
      );
      const state = states[i] ?? null;
      if (state === null) continue;
      await server.services.dataSource.query(
        `INSERT INTO tenant ("organizationId", slug, tier, "projectType", "themeName", "themeVersion", state, cluster)
         VALUES ($1, $2, 'starter', 'website', $3, $4, $5, $6)`,
        [id, `p-${run}-${i}`, theme.name, theme.version, state, server.config.LUSTER_CLUSTER],
      );
    }
    return ids;
  }

  async function userWithRole(organizationId: string, role: Role): Promise<string> {
    const [user] = await server.services.dataSource.query(
      `INSERT INTO "user" (email, name, "passwordHash") VALUES ($1, 'Prop', '!') RETURNING id`,
      [`${randomUUID()}@prop.test`],
    );
    await server.services.dataSource.query(
      `INSERT INTO membership ("userId", "organizationId", role) VALUES ($1, $2, $3)`,
      [user.id, organizationId, role],
    );
    return user.id;
  }

  function expectedVisible(parents: number[], at: number, role: Role): Set<number> {
    if (role !== 'group_admin' && role !== 'agency_admin') return new Set([at]);
    const below = (i: number): boolean => i === at || (parents[i] !== -1 && below(parents[i] as number));
    return new Set(parents.map((_, i) => i).filter(below));
  }

  /** The gate's answer for `action` on `target` by a role held at `at`, from the parent pointers. */
  function expectedGate(
    parents: number[],
    states: (TenantState | null)[],
    at: number,
    target: number,
    action: Action,
  ): { code: string; node: number } | null {
    const ancestors: number[] = [];
    for (let i = parents[target] as number; i !== -1; i = parents[i] as number) ancestors.unshift(i);
    const chain =
      target === at || permissionTable[action].gate === 'parent' ? [...ancestors, target] : ancestors;
    const node = chain.find((i) => !live.includes(states[i] ?? null));
    if (node === undefined) return null;
    const state = states[node];
    return {
      code: state === 'pending_review' || state === 'rejected' ? 'agency_not_approved' : 'invalid_state',
      node,
    };
  }

  it('lists, reads and writes only inside the visible set', async () => {
    await fc.assert(
      fc.asyncProperty(
        treeArb,
        fc.array(stateArb, { minLength: 14, maxLength: 14 }),
        fc.array(fc.boolean(), { minLength: 14, maxLength: 14 }),
        fc.nat(),
        roleArb,
        fc.nat(),
        async (parents, drawnStates, groupFlags, atSeed, role, targetSeed) => {
          // Node 0 is a root: a group exactly when the actor is a group admin, so every role has
          // somewhere it belongs; the other roots are groups as drawn.
          const groups = new Set(
            parents
              .map((_, i) => i)
              .filter((i) => parents[i] === -1 && (i === 0 ? role === 'group_admin' : groupFlags[i])),
          );
          const states = drawnStates.map((state, i) => (groups.has(i) ? null : state));
          const ids = await insertTree(parents, states, groups);
          const places = ids.map((_, i) => i).filter((i) => groups.has(i) === (role === 'group_admin'));
          const at = places[atSeed % places.length] as number;
          const target = targetSeed % ids.length;
          const token = tokenFor(server, await userWithRole(ids[at] as string, role));
          const api = client(server, token);
          const visible = expectedVisible(parents, at, role);
          const mine = new Set(ids);

          const list = await api.get('/organizations?limit=500');
          const listed = list.body.items.map((o: { id: string }) => o.id);
          // Nothing of any other run or of the platform leaks in, and every visible node is there.
          expect(listed.filter((id: string) => !mine.has(id))).toEqual([]);
          expect(new Set(listed)).toEqual(new Set([...visible].map((i) => ids[i])));

          const gqlList = await api.graphql('{ organizations(limit: 500) { items { id } } }');
          expect(new Set(gqlList.data.organizations.items.map((o: { id: string }) => o.id))).toEqual(
            new Set(listed),
          );

          // Never up: the platform is no one's to read here.
          expect((await api.get(`/organizations/${platform.id}`)).status).toBe(404);

          const targetId = ids[target] as string;
          const isVisible = visible.has(target);
          const read = await api.get(`/organizations/${targetId}`);
          expect(read.status).toBe(isVisible ? 200 : 404);
          const gqlRead = await api.graphql('query($id: ID!) { organization(id: $id) { id } }', {
            id: targetId,
          });
          expect(gqlRead.errors?.[0]?.extensions.code ?? 'ok').toBe(
            isVisible ? 'ok' : 'organization_not_found',
          );

          const [before] = await server.services.dataSource.query(
            `SELECT name FROM organization WHERE id = $1`,
            [targetId],
          );
          // The suspend goes last: it changes the target's state, which the gate reads.
          const writeActions: Action[] = [
            'organization.update',
            'users.invite',
            'organization.create',
            'organization.suspend',
          ];
          const writes = [
            await api.patch(`/organizations/${targetId}`, { displayName: 'Hijacked' }),
            await api.post(`/organizations/${targetId}/users`, {
              email: `${randomUUID()}@x.test`,
              role: 'viewer',
            }),
            await api.post('/organizations', {
              organizationName: `child ${randomUUID()}`,
              projectType: 'website',
              parentId: targetId,
            }),
            await api.post(`/organizations/${targetId}/suspend`),
          ];
          if (!isVisible) {
            expect(writes.map((w) => w.body?.error?.code)).toEqual(Array(4).fill('organization_not_found'));
            const [after] = await server.services.dataSource.query(
              `SELECT name FROM organization WHERE id = $1`,
              [targetId],
            );
            expect(after).toEqual(before);
            const members = await server.services.dataSource.query(
              `SELECT count(*)::int AS n FROM membership WHERE "organizationId" = $1`,
              [targetId],
            );
            const children = await server.services.dataSource.query(
              `SELECT count(*)::int AS n FROM organization WHERE "parentId" = $1`,
              [targetId],
            );
            expect(members[0].n).toBe(target === at ? 1 : 0);
            expect(children[0].n).toBe(parents.filter((p) => p === target).length);
          } else {
            for (const [i, w] of writes.entries()) {
              const action = writeActions[i] as Action;
              const code = w.body?.error?.code;
              expect(code).not.toBe('organization_not_found');
              expect(w.status).toBeLessThan(500);
              if (!allows(action, role, target === at ? 'own' : 'below')) {
                expect(code).toBe('forbidden');
                continue;
              }
              const gate = expectedGate(parents, states, at, target, action);
              if (gate) {
                expect([code, w.body.error.details.organizationId]).toEqual([gate.code, ids[gate.node]]);
              } else {
                // Allowed and live: whatever the service answers, it is not the gate's refusal.
                expect(code).not.toBe('agency_not_approved');
                expect(w.body?.error?.details?.slug).toBeUndefined();
              }
            }
          }
        },
      ),
      { numRuns: 40 },
    );
    // Forty runs of about a dozen requests each against the real server and PostgreSQL: on a
    // loaded machine that alone takes longer than the suite's default.
  }, 180_000);
});
