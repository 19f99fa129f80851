import { describe, expect, it } from 'vitest';
import { change as tenantChange } from '../gitops/test-support/changes.js';
import { FakeGitopsWriter } from '../gitops/test-support/fake-writer.js';
import { filesOf } from './change-view.js';
import type { ChangeRequest } from './changes.entities.js';

const pruned = 'e'.repeat(40);
const diskError = () => Object.assign(new Error('EIO: i/o error, read'), { code: 'EIO' });

/** A writer with one commit on main that writes `a.yaml` for acme. */
async function committed() {
  const writer = new FakeGitopsWriter();
  const base = (await writer.head()) as string;
  const applied = await writer.applyChange(tenantChange('acme', { 'a.yaml': 'a: 1\n' }));
  return { writer, base, sha: applied?.sha as string };
}

const changeOn = (fields: Partial<ChangeRequest>) =>
  ({ commitSha: null, baseSha: null, branchSha: null, ...fields }) as ChangeRequest;

describe('the files of a change', () => {
  it('are the diff of its commit, or of its review branch against the main it started from', async () => {
    const { writer, base, sha } = await committed();
    const onMain = await filesOf(writer, changeOn({ commitSha: sha }));
    expect(onMain.map((f) => [f.path, f.status])).toEqual([['tenants/prod/ac/acme/a.yaml', 'added']]);
    expect(await filesOf(writer, changeOn({ baseSha: base, branchSha: sha }))).toEqual(onMain);
  });

  it('are none once the objects of a decided review branch are pruned', async () => {
    const { writer, base } = await committed();
    expect(await filesOf(writer, changeOn({ commitSha: pruned }))).toEqual([]);
    expect(await filesOf(writer, changeOn({ baseSha: base, branchSha: pruned }))).toEqual([]);
  });

  it('let any other failure of git through rather than answer "no diff"', async () => {
    const { writer, base, sha } = await committed();
    writer.failNext('commitInfo', diskError());
    await expect(filesOf(writer, changeOn({ commitSha: sha }))).rejects.toThrow('EIO');
    writer.failNext('diff', diskError());
    await expect(filesOf(writer, changeOn({ baseSha: base, branchSha: sha }))).rejects.toThrow('EIO');
  });
});
