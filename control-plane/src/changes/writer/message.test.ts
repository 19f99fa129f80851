import { describe, expect, it } from 'vitest';
import { renderCommitMessage } from '../../gitops/history/commit-message.js';
import { commitMessageOf, summaryOf } from './message.js';

const requester = { id: '1b2c4d5e-8f90-4a1b-9c2d-3e4f5a6b7c8d', name: 'Jane Doe' };
const change = {
  id: 'cr-42',
  kind: 'update' as const,
  summary: 'tier pro',
  purgeStage: null,
  reason: 'launch',
};

describe('the commit message of a change', () => {
  it('is authored by the requester by name and user id, with approvers and reason as trailers', () => {
    const { message, author } = commitMessageOf(change, {
      organizationId: 'org-1',
      requester,
      approvers: ['Bob Reviewer <7a6b@users.luster.invalid>', 'octocat (GitHub)'],
    });
    expect(author).toEqual({ name: 'Jane Doe', email: `${requester.id}@users.luster.invalid` });
    expect(renderCommitMessage({ ...message, tenant: 'acme' })).toBe(
      [
        'tenant(acme): tier pro',
        '',
        'Tenant: acme',
        'Organization-Id: org-1',
        'Change-Request: cr-42',
        `Requested-By: Jane Doe <${requester.id}@users.luster.invalid>`,
        'Approved-By: Bob Reviewer <7a6b@users.luster.invalid>',
        'Approved-By: octocat (GitHub)',
        'Reason: launch',
        '',
      ].join('\n'),
    );
  });

  it('has no Approved-By or Reason trailer when there are none', () => {
    const { message } = commitMessageOf(
      { ...change, reason: null },
      { organizationId: 'o', requester, approvers: [] },
    );
    expect(message).not.toHaveProperty('approvedBy');
    expect(message).not.toHaveProperty('reason');
  });

  it('names the step of a purge in its subject: release first, then removal', () => {
    const purge = { kind: 'purge' as const, summary: 'purge acme' };
    expect(summaryOf({ ...purge, purgeStage: 'release' })).toBe(
      'purge acme: release the data objects to Flux (prune enabled)',
    );
    expect(summaryOf({ ...purge, purgeStage: 'finalize' })).toBe(
      'purge acme: remove the folder, Flux deletes the released data objects',
    );
    expect(summaryOf({ kind: 'suspend', summary: 'suspend acme', purgeStage: null })).toBe('suspend acme');
  });
});
