import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminToken, apiTestEnv, client, git } from '../test-support/api-client.js';
import { startTestServer, type TestServer } from '../test-support/server.js';

/**
 * PostgreSQL refuses NUL in text and any string that is not valid UTF-8, which a lone UTF-16
 * surrogate becomes. Every free-text field of every request shape must refuse both at the edge
 * (400 invalid_input) instead of reaching the database (500) or, worse, git.
 */
const badStrings = [
  ['NUL', 'a\u0000b'],
  ['a lone surrogate', 'a\ud800b'],
] as const;

type Api = ReturnType<typeof client>;
/** What a request shape answered: the HTTP status (REST) or 400 plus the code (GraphQL). */
type Outcome = { status: number; code: string | undefined };

describe('text PostgreSQL cannot store', () => {
  let server: TestServer;
  let admin: Api;
  let db: pg.Client;
  let orgId: string;
  let changeId: string;
  let agencyRequestId: string;

  const rest = async (answer: Promise<{ status: number; body: { error?: { code: string } } }>) => {
    const { status, body } = await answer;
    return { status, code: body?.error?.code } satisfies Outcome;
  };
  const gql = async (query: string, variables: Record<string, unknown>) => {
    const res = await admin.graphql(query, variables);
    const code = res.errors?.[0]?.extensions.code;
    return { status: code ? (code === 'invalid_input' ? 400 : 500) : 200, code } satisfies Outcome;
  };
  /** Every row the request shapes below could write, and main's head. */
  const everything = async () => {
    const tables = [
      'organization',
      'tenant',
      'user',
      'membership',
      'change_request',
      'theme_version',
      'plugin',
    ];
    const rows = await Promise.all(
      [...tables, 'agency_request', 'registration'].map(
        async (t) =>
          (
            await db.query(
              `SELECT md5(coalesce(string_agg(x::text, ',' ORDER BY x::text), '')) AS h FROM "${t}" x`,
            )
          ).rows[0].h,
      ),
    );
    return { rows, head: (await git(server, 'rev-parse', 'main')).trim() };
  };

  beforeAll(async () => {
    server = await startTestServer(apiTestEnv);
    admin = client(server, await adminToken(server));
    db = new pg.Client({ connectionString: server.databaseUrl });
    await db.connect();
    const reg = await client(server).post('/registrations', {
      accountType: 'organization',
      projectType: 'website',
      organizationName: 'Text Co',
      email: 'owner@text.test',
      password: 'a-long-enough-password',
    });
    orgId = reg.body.organization.id;
    changeId = reg.body.change.id;
    await client(server).post('/registrations', {
      accountType: 'agency',
      projectType: 'website',
      organizationName: 'Text Agency',
      email: 'owner@agency.test',
      password: 'a-long-enough-password',
      agencySurvey: { clients: 'many' },
    });
    agencyRequestId = (await admin.get('/agency-requests')).body.items[0].id;
  }, 60_000);
  afterAll(async () => {
    await db?.end();
    await server?.close();
  });

  const registration = (fields: Record<string, unknown>) => ({
    accountType: 'organization',
    projectType: 'website',
    organizationName: 'Fine Name',
    email: 'new@text.test',
    password: 'a-long-enough-password',
    ...fields,
  });

  const shapes: [string, (bad: string) => Promise<Outcome>][] = [
    [
      'REST register organizationName',
      (s) => rest(client(server).post('/registrations', registration({ organizationName: s }))),
    ],
    [
      'REST register agencySurvey answer',
      (s) =>
        rest(
          client(server).post(
            '/registrations',
            registration({ accountType: 'agency', agencySurvey: { q: s } }),
          ),
        ),
    ],
    [
      'REST register agencySurvey question',
      (s) =>
        rest(
          client(server).post(
            '/registrations',
            registration({ accountType: 'agency', agencySurvey: { [s]: 'a' } }),
          ),
        ),
    ],
    [
      'REST create organizationName',
      (s) => rest(admin.post('/organizations', { organizationName: s, projectType: 'website' })),
    ],
    ['REST update displayName', (s) => rest(admin.patch(`/organizations/${orgId}`, { displayName: s }))],
    [
      'REST update branding.appName',
      (s) => rest(admin.patch(`/organizations/${orgId}`, { branding: { appName: s } })),
    ],
    [
      'REST update branding.footerText',
      (s) => rest(admin.patch(`/organizations/${orgId}`, { branding: { footerText: s } })),
    ],
    ['REST update theme.name', (s) => rest(admin.patch(`/organizations/${orgId}`, { theme: { name: s } }))],
    [
      'REST update theme.version',
      (s) => rest(admin.patch(`/organizations/${orgId}`, { theme: { name: 'aurora', version: s } })),
    ],
    ['REST update plugins', (s) => rest(admin.patch(`/organizations/${orgId}`, { plugins: [s] }))],
    [
      'REST update reason',
      (s) => rest(admin.patch(`/organizations/${orgId}`, { displayName: 'Other', reason: s })),
    ],
    [
      'REST preview displayName',
      (s) => rest(admin.post(`/organizations/${orgId}/preview`, { displayName: s })),
    ],
    ['REST suspend reason', (s) => rest(admin.post(`/organizations/${orgId}/suspend`, { reason: s }))],
    [
      'REST invite name',
      (s) =>
        rest(admin.post(`/organizations/${orgId}/users`, { email: 'x@text.test', role: 'editor', name: s })),
    ],
    [
      'REST reject agency reason',
      (s) => rest(admin.post(`/agency-requests/${agencyRequestId}/reject`, { reason: s })),
    ],
    [
      'REST reject change reason',
      (s) => rest(admin.post(`/change-requests/${changeId}/reject`, { reason: s })),
    ],
    [
      'REST revert reason',
      (s) => rest(admin.post(`/organizations/${orgId}/revert`, { changeId, reason: s })),
    ],
    ['REST reassert reason', (s) => rest(admin.post(`/organizations/${orgId}/reassert`, { reason: s }))],
    [
      'REST bulk delete reason',
      (s) => rest(admin.post('/change-requests/bulk-delete', { organizationIds: [orgId], reason: s })),
    ],
    [
      'REST catalog theme displayName',
      (s) =>
        rest(
          admin.put('/catalog/themes/aurora/9.9.9', {
            displayName: s,
            image: 'registry.luster.io/themes/aurora:9.9.9',
            projectTypes: ['website'],
          }),
        ),
    ],
    ['REST catalog plugin name', (s) => rest(admin.put('/catalog/plugins/textplug', { name: s }))],
    [
      'REST catalog plugin description',
      (s) => rest(admin.put('/catalog/plugins/textplug', { name: 'Fine', description: s })),
    ],
    [
      'GraphQL register organizationName',
      (s) =>
        gql('mutation ($input: RegisterInput!) { register(input: $input) { organization { id } } }', {
          input: registration({ organizationName: s }),
        }),
    ],
    [
      'GraphQL register agencySurvey',
      (s) =>
        gql('mutation ($input: RegisterInput!) { register(input: $input) { organization { id } } }', {
          input: registration({ accountType: 'agency', agencySurvey: [{ question: 'q', answer: s }] }),
        }),
    ],
    [
      'GraphQL createOrganization organizationName',
      (s) =>
        gql(
          'mutation ($input: CreateOrganizationInput!) { createOrganization(input: $input) { organization { id } } }',
          {
            input: { organizationName: s, projectType: 'website' },
          },
        ),
    ],
    ...(['displayName', 'branding', 'theme', 'plugins'] as const).map(
      (field): [string, (bad: string) => Promise<Outcome>] => [
        `GraphQL updateOrganization ${field}`,
        (s) =>
          gql(
            'mutation ($id: ID!, $input: UpdateOrganizationInput!) { updateOrganization(id: $id, input: $input) { organization { id } } }',
            {
              id: orgId,
              input: {
                displayName: { displayName: s },
                branding: { branding: { appName: s } },
                theme: { theme: { name: s } },
                plugins: { plugins: [s] },
              }[field],
            },
          ),
      ],
    ),
    [
      'GraphQL inviteUser name',
      (s) =>
        gql(
          'mutation ($id: ID!, $input: InviteUserInput!) { inviteUser(organizationId: $id, input: $input) { userId } }',
          {
            id: orgId,
            input: { email: 'y@text.test', role: 'editor', name: s },
          },
        ),
    ],
    [
      'GraphQL organizations cursor',
      (s) => gql('query ($c: String) { organizations(cursor: $c) { total } }', { c: s }),
    ],
    [
      'GraphQL suspendOrganization reason',
      (s) =>
        gql(
          'mutation ($id: ID!, $r: String) { suspendOrganization(id: $id, reason: $r) { organization { id } } }',
          { id: orgId, r: s },
        ),
    ],
  ];

  // Percent-encoding carries UTF-8 bytes, which cannot spell a lone surrogate; NUL it can.
  it('REST list ?cursor= with NUL → 400 invalid_input', async () => {
    expect(await rest(admin.get('/organizations?cursor=a%00b'))).toEqual({
      status: 400,
      code: 'invalid_input',
    });
  });

  describe.each(badStrings)('with %s', (_what, bad) => {
    it.each(shapes)('%s → 400 invalid_input, nothing written', async (_shape, send) => {
      const before = await everything();
      expect(await send(bad)).toEqual({ status: 400, code: 'invalid_input' });
      expect(await everything()).toEqual(before);
    });
  });
});
