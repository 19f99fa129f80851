import { createHash } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { GitopsWriter } from '../port.js';
import { seedFiles } from './bare-repo.js';
import { change, jane, tenantDir } from './changes.js';

/*
 * What every GitopsWriter must do, as tests: run against the real writer (over a bare repository)
 * and against the fake one the change writer's unit tests use, so the fake cannot drift from what
 * it stands in for. `setup` gets `seedFiles` as the first commit.
 */

export interface WriterUnderTest {
  writer: GitopsWriter;
  cleanup(): Promise<void>;
}

const blobId = (content: string) =>
  createHash('sha1')
    .update(`blob ${Buffer.byteLength(content)}\0`)
    .update(content)
    .digest('hex');

const codeOf = async (promise: Promise<unknown>) =>
  promise.then(
    () => 'resolved',
    (error: { code?: string }) => error.code,
  );

export function writerContract(name: string, setup: () => Promise<WriterUnderTest>): void {
  describe(`${name} keeps the GitopsWriter contract`, () => {
    let subject: WriterUnderTest;
    let writer: GitopsWriter;
    beforeEach(async () => {
      subject = await setup();
      writer = subject.writer;
    });
    afterEach(() => subject.cleanup());

    it('commits a tenant change and reads it back; the same change again commits nothing', async () => {
      const before = await writer.head();
      const applied = await writer.applyChange(change('acme', { 'b.yaml': 'b\n', 'db/a.yaml': 'a\n' }));
      expect(applied).toEqual({
        sha: await writer.head(),
        parent: before,
        touched: [`${tenantDir('acme')}/b.yaml`, `${tenantDir('acme')}/db/a.yaml`],
      });
      expect(await writer.readFile('main', `${tenantDir('acme')}/db/a.yaml`)).toBe('a\n');
      expect(await writer.readFile('main', `${tenantDir('acme')}/missing.yaml`)).toBeNull();
      expect(await writer.listFiles(applied?.sha as string, tenantDir('acme'))).toEqual([
        { path: `${tenantDir('acme')}/b.yaml`, oid: blobId('b\n') },
        { path: `${tenantDir('acme')}/db/a.yaml`, oid: blobId('a\n') },
      ]);
      expect(await writer.listFiles('main', tenantDir('nobody'))).toEqual([]);
      expect(await writer.applyChange(change('acme', { 'b.yaml': 'b\n', 'db/a.yaml': 'a\n' }))).toBeNull();
      expect(await writer.head()).toBe(applied?.sha);
    });

    it("replaces the folder with deletes: 'all' and removes listed paths; files elsewhere stay", async () => {
      await writer.applyChange(change('acme', { 'a.yaml': 'a\n', 'b.yaml': 'b\n', 'db/c.yaml': 'c\n' }));
      const removed = await writer.applyChange(change('acme', {}, { deletes: ['b.yaml', 'db'] }));
      expect(removed?.touched).toEqual([`${tenantDir('acme')}/b.yaml`, `${tenantDir('acme')}/db/c.yaml`]);
      const replaced = await writer.applyChange(change('acme', { 'n.yaml': 'n\n' }, { deletes: 'all' }));
      expect(replaced?.touched).toEqual([`${tenantDir('acme')}/a.yaml`, `${tenantDir('acme')}/n.yaml`]);
      expect((await writer.listFiles('main', tenantDir('acme'))).map((f) => f.path)).toEqual([
        `${tenantDir('acme')}/n.yaml`,
      ]);
      for (const [path, content] of Object.entries(seedFiles)) {
        expect(await writer.readFile('main', path)).toBe(content);
      }
    });

    it('commits a chain in order, one commit per change that changes something, moving the branch once', async () => {
      await writer.applyChange(change('same', { 'a.yaml': 'a\n' }));
      const head = await writer.head();
      const chain = await writer.applyChanges([
        change('one', { 'a.yaml': '1\n' }, { message: { changeRequest: 'cr-1' } }),
        change('same', { 'a.yaml': 'a\n' }, { message: { changeRequest: 'cr-2' } }),
        change('two', { 'a.yaml': '2\n' }, { message: { changeRequest: 'cr-3' }, author: jane }),
      ]);
      expect(chain[1]).toBeNull();
      expect(chain[0]?.parent).toBe(head);
      expect(chain[2]?.parent).toBe(chain[0]?.sha);
      expect(await writer.head()).toBe(chain[2]?.sha);
      const info = await writer.commitInfo(chain[2]?.sha as string);
      expect(info.parents).toEqual([chain[0]?.sha]);
      expect(info.subject).toBe('tenant(two): render tenant');
      expect(info.author).toMatchObject({ name: jane.name, email: jane.email });
      expect(info.trailers).toContainEqual({ key: 'Change-Request', value: 'cr-3' });
      expect(await writer.touchedPaths(head as string, chain[2]?.sha as string)).toEqual([
        `${tenantDir('one')}/a.yaml`,
        `${tenantDir('two')}/a.yaml`,
      ]);
      expect(await writer.isAncestor(head as string, chain[2]?.sha as string)).toBe(true);
      expect(await writer.isAncestor(chain[2]?.sha as string, head as string)).toBe(false);
    });

    it('refuses what it must before writing anything', async () => {
      const head = await writer.head();
      expect(
        await codeOf(
          writer.applyChange(change('acme', { 'a.yaml': 'a\n' }, { expectedHead: 'f'.repeat(40) })),
        ),
      ).toBe('head_moved');
      expect(await codeOf(writer.applyChange(change('acme', { '../x.yaml': 'x\n' })))).toBe(
        'tenant_path_invalid',
      );
      expect(await codeOf(writer.applyChange(change('acme', {}, { tenantDir: 'tenants/prod' })))).toBe(
        'tenant_dir_invalid',
      );
      expect(
        await codeOf(
          writer.applyChanges([change('one', { 'a.yaml': 'a\n' }), change('two', { '.git/config': 'x' })]),
        ),
      ).toBe('tenant_path_invalid');
      expect(await writer.head()).toBe(head);
    });

    it('commits several folders at once, and guards against removing too many', async () => {
      await writer.applyChanges(['aa', 'bb', 'cc'].map((slug) => change(slug, { 'a.yaml': `${slug}\n` })));
      const head = await writer.head();
      const folders = (slugs: string[]) => slugs.map((s) => ({ tenantDir: tenantDir(s), files: null }));
      const commit = { message: 'tenants(3): remove\n', author: jane, maxFolderRemovals: 2 };
      expect(
        await codeOf(
          writer.commitFolders({
            ...commit,
            folders: folders(['aa', 'bb', 'cc']),
            approvedMassRemoval: false,
          }),
        ),
      ).toBe('mass_deletion_refused');
      expect(await writer.head()).toBe(head);
      // Folders already gone do not count towards the limit.
      const twoPresent = await writer.commitFolders({
        ...commit,
        folders: [
          ...folders(['aa', 'bb', 'gone']),
          { tenantDir: tenantDir('dd'), files: [{ path: 'd.yaml', content: 'd\n' }] },
        ],
        approvedMassRemoval: false,
      });
      expect(twoPresent?.parent).toBe(head);
      expect(await writer.removedTenantFolders(head as string, twoPresent?.sha as string)).toEqual([
        tenantDir('aa'),
        tenantDir('bb'),
      ]);
      expect(await writer.readFile('main', `${tenantDir('dd')}/d.yaml`)).toBe('d\n');
      const approved = await writer.commitFolders({
        ...commit,
        maxFolderRemovals: 0,
        folders: folders(['cc', 'dd']),
        approvedMassRemoval: true,
      });
      expect(approved?.touched).toEqual([`${tenantDir('cc')}/a.yaml`, `${tenantDir('dd')}/d.yaml`]);
      expect((await writer.commitInfo('main')).subject).toBe('tenants(3): remove');
    });

    it('commits a platform commit: cluster entry points and re-rendered tenant folders, in one commit', async () => {
      await writer.applyChanges([
        change('acme', { 'old.yaml': 'old\n' }),
        change('zed', { 'a.yaml': 'z\n' }),
      ]);
      const head = await writer.head();
      const applied = await writer.commitPlatform({
        clusters: [
          {
            clusterDir: 'clusters/prod',
            writes: [{ path: 'fleet.yaml', content: 'fleet\n' }],
            deletes: ['tenants.yaml'],
          },
          {
            clusterDir: 'clusters/edge-1',
            writes: [{ path: 'flux-system/gotk-sync.yaml', content: 'sync\n' }],
          },
        ],
        tenantFolders: [
          { tenantDir: tenantDir('acme'), files: [{ path: 'new.yaml', content: 'new\n' }] },
          // zed moves to another folder (its shard changed): the old one goes in the same commit.
          { tenantDir: tenantDir('zed'), files: null },
          { tenantDir: 'tenants/prod/zed', files: [{ path: 'a.yaml', content: 'z\n' }] },
        ],
        message: 'platform: upgrade the layout\n\nRequested-By: Jane\n',
        author: jane,
      });
      expect(applied?.parent).toBe(head);
      expect(applied?.touched).toEqual([
        'clusters/edge-1/flux-system/gotk-sync.yaml',
        'clusters/prod/fleet.yaml',
        'clusters/prod/tenants.yaml',
        `${tenantDir('acme')}/new.yaml`,
        `${tenantDir('acme')}/old.yaml`,
        `${tenantDir('zed')}/a.yaml`,
        'tenants/prod/zed/a.yaml',
      ]);
      expect(await writer.readFile('main', 'clusters/prod/flux-system/gotk-sync.yaml')).toBe(
        seedFiles['clusters/prod/flux-system/gotk-sync.yaml'],
      );
      expect((await writer.commitInfo('main')).trailers).toEqual([{ key: 'Requested-By', value: 'Jane' }]);
      const same = {
        clusters: [{ clusterDir: 'clusters/prod', writes: [{ path: 'fleet.yaml', content: 'fleet\n' }] }],
        message: 'platform: again\n',
        author: jane,
      };
      expect(await writer.commitPlatform(same)).toBeNull();
    });

    it.each([
      ['the whole clusters folder', { clusterDir: 'clusters', writes: [{ path: 'x.yaml', content: 'x' }] }],
      ['a folder below a cluster', { clusterDir: 'clusters/prod/flux-system', writes: [] }],
      ['another root', { clusterDir: 'infrastructure/prod', writes: [] }],
      ['the tenants root', { clusterDir: 'tenants/prod', writes: [] }],
      ['a name that is no DNS label', { clusterDir: 'clusters/Prod_1', writes: [] }],
      ['a traversal', { clusterDir: 'clusters/..', writes: [] }],
      [
        'a path leaving the cluster folder',
        { clusterDir: 'clusters/prod', writes: [{ path: '../../infrastructure/x.yaml', content: 'x' }] },
      ],
      ['a .git component', { clusterDir: 'clusters/prod', writes: [{ path: '.git/config', content: 'x' }] }],
      ['an absolute path', { clusterDir: 'clusters/prod', writes: [], deletes: ['/etc/passwd'] }],
    ])('refuses a platform commit into %s, writing nothing', async (_what, entry) => {
      const head = await writer.head();
      const code = await codeOf(
        writer.commitPlatform({ clusters: [entry], message: 'platform: x\n', author: jane }),
      );
      expect(['cluster_dir_invalid', 'tenant_path_invalid']).toContain(code);
      expect(await writer.head()).toBe(head);
    });

    it("writes a cluster's shard markers between tenant folders, and nothing else there", async () => {
      const marker = (path: string) => ({
        clusters: [
          {
            clusterDir: 'clusters/edge-1',
            writes: [],
            shardMarkers: [{ path, content: `# ${path}\n` }],
          },
        ],
        message: 'platform: markers\n',
        author: jane,
      });
      const applied = await writer.commitPlatform(marker('a7/README.md'));
      expect(applied?.touched).toEqual(['tenants/edge-1/a7/README.md']);
      const head = await writer.head();
      for (const path of [
        'a7/other.md',
        'a7/acme/README.md',
        'A7/README.md',
        '../a7/README.md',
        'README.md',
      ]) {
        expect(await codeOf(writer.commitPlatform(marker(path))), path).toBe('tenant_path_invalid');
      }
      expect(await writer.head()).toBe(head);
    });

    it("writes a cluster's Argo CD entry point under argocd/<name>/, and nothing outside it", async () => {
      const argo = (path: string) => ({
        clusters: [{ clusterDir: 'clusters/edge-1', writes: [], argocd: [{ path, content: `# ${path}\n` }] }],
        message: 'platform: argo\n',
        author: jane,
      });
      const applied = await writer.commitPlatform(argo('kustomization.yaml'));
      expect(applied?.touched).toEqual(['argocd/edge-1/kustomization.yaml']);
      expect(await writer.readFile('main', 'argocd/edge-1/kustomization.yaml')).toBe(
        '# kustomization.yaml\n',
      );
      const head = await writer.head();
      for (const path of ['../production/kustomization.yaml', '/etc/x', '.git/config', 'a//b.yaml']) {
        expect(await codeOf(writer.commitPlatform(argo(path))), path).toBe('tenant_path_invalid');
      }
      expect(await writer.head()).toBe(head);
    });

    it('refuses a platform commit that deletes a tenant instead of moving it', async () => {
      await writer.applyChange(change('acme', { 'a.yaml': 'a\n' }));
      const head = await writer.head();
      const commit = (
        tenantFolders: { tenantDir: string; files: null | { path: string; content: string }[] }[],
      ) => writer.commitPlatform({ clusters: [], tenantFolders, message: 'platform: x\n', author: jane });
      expect(await codeOf(commit([{ tenantDir: tenantDir('acme'), files: null }]))).toBe(
        'tenant_dir_invalid',
      );
      expect(
        await codeOf(
          commit([
            { tenantDir: tenantDir('acme'), files: null },
            { tenantDir: 'tenants/prod/other', files: [{ path: 'a.yaml', content: 'a\n' }] },
          ]),
        ),
      ).toBe('tenant_dir_invalid');
      expect(await writer.head()).toBe(head);
    });

    it('creates and deletes review branches, never main', async () => {
      const main = (await writer.head()) as string;
      await writer.createBranch('changes/1-acme', main);
      expect(await codeOf(writer.createBranch('changes/1-acme', main))).toBe('branch_exists');
      const onBranch = await writer.applyChange(
        change('acme', { 'a.yaml': 'a\n' }, { branch: 'changes/1-acme' }),
      );
      expect(await writer.head('changes/1-acme')).toBe(onBranch?.sha);
      expect(await writer.head()).toBe(main);
      expect(await writer.diff(main, 'changes/1-acme', tenantDir('acme'))).toEqual([
        expect.objectContaining({ path: `${tenantDir('acme')}/a.yaml`, status: 'added', oldOid: null }),
      ]);
      expect(await codeOf(writer.deleteBranch('changes/1-acme', main))).toBe('head_moved');
      await writer.deleteBranch('changes/1-acme', onBranch?.sha);
      expect(await writer.head('changes/1-acme')).toBeNull();
      expect(await codeOf(writer.deleteBranch('changes/1-acme'))).toBe('branch_not_found');
      expect(await codeOf(writer.deleteBranch('main'))).toBe('branch_protected');
      expect(await codeOf(writer.createBranch('changes/2', 'e'.repeat(40)))).toBe('commit_not_found');
    });

    it('answers commit_not_found for commits it does not have, and no remote head before a push', async () => {
      const unknown = 'e'.repeat(40);
      expect(await codeOf(writer.commitInfo(unknown))).toBe('commit_not_found');
      expect(await codeOf(writer.listFiles(unknown, 'tenants'))).toBe('commit_not_found');
      expect(await codeOf(writer.readFile('no-such-branch', 'a.yaml'))).toBe('commit_not_found');
      expect(await codeOf(writer.isAncestor(unknown, (await writer.head()) as string))).toBe(
        'commit_not_found',
      );
      expect(await writer.remoteHead()).toBeNull();
    });
  });
}
