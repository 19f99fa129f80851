import { describe, expect, it } from 'vitest';
import { change, tenantDir } from '../../gitops/test-support/changes.js';
import { FakeGitopsWriter } from '../../gitops/test-support/fake-writer.js';
import { previewFolder } from './preview.js';

const dir = tenantDir('acme');
const rendered = (files: Record<string, string> | null) => ({
  dir,
  files: files && Object.entries(files).map(([path, content]) => ({ path, content })),
});

describe('previewing a change', () => {
  it("diffs the render against the tenant's folder on the head, writing nothing", async () => {
    const writer = new FakeGitopsWriter();
    await writer.applyChange(change('acme', { 'a.yaml': 'one\n', 'b.yaml': 'b\n' }));
    const head = await writer.head();
    const preview = await previewFolder(writer, 'main', rendered({ 'a.yaml': 'two\n', 'c.yaml': 'c\n' }));
    expect(preview.baseSha).toBe(head);
    expect(preview.files.map(({ path, status }) => ({ path, status }))).toEqual([
      { path: `${dir}/a.yaml`, status: 'modified' },
      { path: `${dir}/b.yaml`, status: 'deleted' },
      { path: `${dir}/c.yaml`, status: 'added' },
    ]);
    expect(preview.files[0]?.patch).toContain('-one\n+two\n');
    expect(await writer.head()).toBe(head);
  });

  it('is empty when the render is what the folder holds, and all deletions for a removed tenant', async () => {
    const writer = new FakeGitopsWriter();
    await writer.applyChange(change('acme', { 'a.yaml': 'a\n' }));
    expect((await previewFolder(writer, 'main', rendered({ 'a.yaml': 'a\n' }))).files).toEqual([]);
    expect((await previewFolder(writer, 'main', rendered(null))).files).toMatchObject([
      { status: 'deleted' },
    ]);
  });
});
