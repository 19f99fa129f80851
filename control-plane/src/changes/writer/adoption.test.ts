import { describe, expect, it } from 'vitest';
import { change, tenantDir } from '../../gitops/test-support/changes.js';
import { FakeGitopsWriter } from '../../gitops/test-support/fake-writer.js';
import { findAdoptable } from './adoption.js';

const T = Date.parse('2026-01-10T12:00:00Z');

/** A fake writer whose commits are made at the times the test sets. */
function writerAt() {
  let now = T;
  const writer = new FakeGitopsWriter({ clock: () => new Date(now) });
  return { writer, at: (ms: number) => (now = ms) };
}

describe('adopting the commit a crashed writer made', () => {
  it('finds the commit whose Change-Request trailer names the change, with what it touched', async () => {
    const { writer, at } = writerAt();
    at(T + 5_000);
    const made = await writer.applyChange(
      change('acme', { 'a.yaml': 'a\n' }, { message: { changeRequest: 'cr-1' } }),
    );
    at(T + 6_000);
    await writer.applyChange(change('other', { 'a.yaml': 'o\n' }, { message: { changeRequest: 'cr-2' } }));
    const adopted = await findAdoptable(
      writer,
      { id: 'cr-1', createdAt: new Date(T) },
      (await writer.head()) as string,
      10,
    );
    expect(adopted).toEqual({
      sha: made?.sha,
      parent: made?.parent,
      touched: [`${tenantDir('acme')}/a.yaml`],
    });
  });

  it('stops at commits older than the change: a change never committed is not adopted', async () => {
    const { writer, at } = writerAt();
    at(T);
    // An older change with the same id cannot exist; a commit older than the change ends the walk.
    await writer.applyChange(change('acme', { 'a.yaml': 'a\n' }, { message: { changeRequest: 'cr-1' } }));
    at(T + 1_000);
    await writer.applyChange(change('other', { 'a.yaml': 'o\n' }));
    const head = (await writer.head()) as string;
    expect(await findAdoptable(writer, { id: 'cr-1', createdAt: new Date(T + 60_000) }, head, 10)).toBeNull();
    // Within git's one-second resolution the commit still counts.
    expect(
      await findAdoptable(writer, { id: 'cr-1', createdAt: new Date(T + 900) }, head, 10),
    ).not.toBeNull();
  });

  it('looks back no further than its depth', async () => {
    const { writer } = writerAt();
    await writer.applyChange(change('acme', { 'a.yaml': 'a\n' }, { message: { changeRequest: 'cr-1' } }));
    for (const slug of ['bb', 'cc', 'dd']) await writer.applyChange(change(slug, { 'a.yaml': `${slug}\n` }));
    const head = (await writer.head()) as string;
    const since = { id: 'cr-1', createdAt: new Date(T - 60_000) };
    expect(await findAdoptable(writer, since, head, 3)).toBeNull();
    expect(await findAdoptable(writer, since, head, 4)).not.toBeNull();
  });
});
