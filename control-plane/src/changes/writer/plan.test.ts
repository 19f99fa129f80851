import { tenantDir } from '@luster/synth';
import { describe, expect, it } from 'vitest';
import { ConflictError } from '../../errors/index.js';
import { jane, change as tenantChange } from '../../gitops/test-support/changes.js';
import { FakeGitopsWriter } from '../../gitops/test-support/fake-writer.js';
import { blobOid } from '../commit-text.js';
import { planCommit, planTenantChange } from './plan.js';

const message = {
  summary: 'update',
  organizationId: 'org-1',
  changeRequest: 'cr-9',
  requestedBy: 'Jane Doe <j@users.luster.invalid>',
};
const files = (record: Record<string, string>) =>
  Object.entries(record).map(([path, content]) => ({ path, content }));
// Where synth puts the tenant: the plan reads its hand edits there.
const dir = tenantDir('production', 'acme');

/** A tenant whose last commit rendered `rendered`, on a fake writer, then `edits` committed by hand. */
async function committedTenant(rendered: Record<string, string>, edits: Record<string, string> = {}) {
  const writer = new FakeGitopsWriter();
  const last = await writer.applyChange(tenantChange('acme', rendered, { tenantDir: dir }));
  if (Object.keys(edits).length) await writer.applyChange(tenantChange('acme', edits, { tenantDir: dir }));
  const tenant = { slug: 'acme', cluster: 'production', lastCommitSha: last?.sha ?? null };
  return { writer, tenant, head: (await writer.head()) as string };
}

const plan = (
  writer: FakeGitopsWriter,
  input: {
    kind?: 'update' | 'reassert';
    tenant: { slug: string; cluster: string; lastCommitSha: string | null };
    head: string | null;
    render: Record<string, string>;
  },
) =>
  planTenantChange(writer, {
    change: { kind: input.kind ?? 'update' },
    tenant: input.tenant,
    branch: 'main',
    head: input.head,
    rendered: { dir },
    files: files(input.render),
    message,
    author: jane,
  });

describe('planning a tenant change', () => {
  it('replaces the whole folder of a tenant never committed', async () => {
    const writer = new FakeGitopsWriter();
    const planned = await plan(writer, {
      tenant: { slug: 'acme', cluster: 'production', lastCommitSha: null },
      head: await writer.head(),
      render: { 'a.yaml': 'a\n' },
    });
    expect(planned).toMatchObject({ tenantDir: dir, deletes: 'all', writes: files({ 'a.yaml': 'a\n' }) });
    expect(planned.message).toEqual({ ...message, tenant: 'acme' });
  });

  it('writes only what the render changes around a hand edit, and names the edit it keeps', async () => {
    const { writer, tenant, head } = await committedTenant(
      { 'a.yaml': 'a\n', 'b.yaml': 'b\n' },
      { 'b.yaml': 'by hand\n' },
    );
    const planned = await plan(writer, { tenant, head, render: { 'a.yaml': 'a2\n', 'b.yaml': 'b\n' } });
    expect(planned.writes).toEqual(files({ 'a.yaml': 'a2\n' }));
    expect(planned.deletes).toEqual([]);
    expect(planned.message.handEditsKept).toEqual([
      { path: 'b.yaml', rendered: blobOid({ path: 'b.yaml', content: 'b\n' }) },
    ]);
  });

  it('refuses with 409 drift a render that would overwrite a hand edit; a reassert overwrites it', async () => {
    const { writer, tenant, head } = await committedTenant({ 'b.yaml': 'b\n' }, { 'b.yaml': 'by hand\n' });
    const refused = plan(writer, { tenant, head, render: { 'b.yaml': 'b2\n' } });
    await expect(refused).rejects.toBeInstanceOf(ConflictError);
    await expect(refused).rejects.toMatchObject({ code: 'drift', data: { files: [`${dir}/b.yaml`] } });
    const reasserted = await plan(writer, { kind: 'reassert', tenant, head, render: { 'b.yaml': 'b2\n' } });
    expect(reasserted).toMatchObject({ deletes: 'all', writes: files({ 'b.yaml': 'b2\n' }) });
  });

  it('replaces the folder when the last commit is gone from history (commit_not_found)', async () => {
    const { writer, head } = await committedTenant({ 'b.yaml': 'b\n' }, { 'b.yaml': 'by hand\n' });
    const tenant = { slug: 'acme', cluster: 'production', lastCommitSha: 'd'.repeat(40) };
    expect((await plan(writer, { tenant, head, render: { 'b.yaml': 'b2\n' } })).deletes).toBe('all');
  });

  it('fails on any other error reading the last commit, instead of overwriting the folder', async () => {
    const { writer, tenant, head } = await committedTenant({ 'b.yaml': 'b\n' }, { 'b.yaml': 'by hand\n' });
    const io = Object.assign(new Error('EIO: i/o error, read'), { code: 'EIO' });
    writer.failNext('listFiles', io);
    await expect(plan(writer, { tenant, head, render: { 'b.yaml': 'b2\n' } })).rejects.toBe(io);
  });
});

describe('planning a commit', () => {
  const tenants = (...slugs: string[]) =>
    slugs.map((slug) => ({
      tenant: { slug, cluster: 'prod', lastCommitSha: null },
      rendered: { dir: tenantDir('prod', slug), files: null },
    }));
  const input = { branch: 'main', message, author: jane, maxFolderRemovals: 3, approvedMassRemoval: false };

  it('commits several tenants as one multi-folder commit naming each', async () => {
    const planned = await planCommit(new FakeGitopsWriter(), {
      ...input,
      change: { kind: 'bulk_delete' },
      tenants: tenants('aa', 'bb'),
    });
    expect(planned.kind).toBe('folders');
    if (planned.kind !== 'folders') return;
    expect(planned.commit.folders).toEqual([
      { tenantDir: tenantDir('prod', 'aa'), files: null },
      { tenantDir: tenantDir('prod', 'bb'), files: null },
    ]);
    expect(planned.commit.message).toMatch(/^tenants\(2\): update\n\nTenant: aa\nTenant: bb\n/);
  });

  it("commits a purge's single folder through the guarded multi-folder path", async () => {
    const [one] = tenants('aa');
    const rendered = { ...one?.rendered, files: files({ 'a.yaml': 'a\n' }) };
    const purge = await planCommit(new FakeGitopsWriter(), {
      ...input,
      change: { kind: 'purge' },
      tenants: [{ ...one, rendered } as never],
    });
    expect(purge.kind).toBe('folders');
    const update = await planCommit(new FakeGitopsWriter(), {
      ...input,
      change: { kind: 'update' },
      tenants: [{ ...one, rendered } as never],
    });
    expect(update.kind).toBe('tenant');
  });
});
