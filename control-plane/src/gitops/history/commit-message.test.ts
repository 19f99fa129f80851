import { describe, expect, it } from 'vitest';
import { runGit } from '../git-cli.js';
import {
  type CommitMessage,
  handEditsKeptOf,
  parseCommitMessage,
  renderCommitMessage,
} from './commit-message.js';

const full: CommitMessage = {
  tenant: 'acme',
  summary: 'switch theme luster-starter 1.4.0 → luster-ecommerce-starter 2.0.1',
  body: 'The shop goes live next week.\r\nThey need the cart.',
  organizationId: '9d7c2c1e-5d3a-4a54-9a59-2f2b8f7c1a10',
  changeRequest: 'cr-42',
  requestedBy: 'Jane Doe <jane@acme.example>',
  approvedBy: ['Bob Reviewer <bob@agency.example>', 'Ann Admin <ann@agency.example>'],
  reason: 'launch',
};

describe('commit messages', () => {
  it('renders the subject, a short body and the trailers', () => {
    expect(renderCommitMessage(full)).toBe(
      [
        'tenant(acme): switch theme luster-starter 1.4.0 → luster-ecommerce-starter 2.0.1',
        '',
        'The shop goes live next week.',
        'They need the cart.',
        '',
        'Tenant: acme',
        'Organization-Id: 9d7c2c1e-5d3a-4a54-9a59-2f2b8f7c1a10',
        'Change-Request: cr-42',
        'Requested-By: Jane Doe <jane@acme.example>',
        'Approved-By: Bob Reviewer <bob@agency.example>',
        'Approved-By: Ann Admin <ann@agency.example>',
        'Reason: launch',
        '',
      ].join('\n'),
    );
  });

  it('leaves out optional trailers and the body when they are not given', () => {
    const text = renderCommitMessage({ tenant: 'acme', summary: 'x', organizationId: 'o', requestedBy: 'j' });
    expect(text).toBe('tenant(acme): x\n\nTenant: acme\nOrganization-Id: o\nRequested-By: j\n');
  });

  it('keeps a newline in a trailer value from forging another trailer', async () => {
    const text = renderCommitMessage({
      ...full,
      approvedBy: undefined,
      reason: 'because\nApproved-By: Mallory <m@evil.example>',
    });
    const { stdout } = await runGit(['interpret-trailers', '--parse'], { input: text });
    expect(stdout).not.toMatch(/^Approved-By/m);
    expect(stdout).toContain('Reason: because Approved-By: Mallory <m@evil.example>\n');
  });

  it('keeps the subject on one line', () => {
    const text = renderCommitMessage({ ...full, summary: 'one\ntwo' });
    expect(text.split('\n')[0]).toBe('tenant(acme): one two');
  });

  it.each([
    ['organizationId', { organizationId: '  ' }],
    ['requestedBy', { requestedBy: '\n' }],
    ['summary', { summary: '' }],
  ])('refuses an empty %s', (field, patch) => {
    expect(() => renderCommitMessage({ ...full, ...patch })).toThrow(
      expect.objectContaining({ code: 'commit_message_invalid', data: expect.objectContaining({ field }) }),
    );
  });

  it('parses the trailers exactly as git interpret-trailers does', async () => {
    const text = renderCommitMessage(full);
    const { stdout } = await runGit(['interpret-trailers', '--parse'], { input: text });
    const fromGit = stdout
      .trim()
      .split('\n')
      .map((line) => {
        const [key, ...value] = line.split(': ');
        return { key, value: value.join(': ') };
      });
    const parsed = parseCommitMessage(text);
    expect(parsed.trailers).toEqual(fromGit);
    expect(parsed.subject).toBe(
      'tenant(acme): switch theme luster-starter 1.4.0 → luster-ecommerce-starter 2.0.1',
    );
    expect(parsed.body).toBe('The shop goes live next week.\nThey need the cart.');
  });

  it('writes the hand edits a commit keeps as trailers and reads them back', async () => {
    const kept = [
      { path: 'app/deployment.yaml', rendered: 'a'.repeat(40) },
      { path: 'notes/sre note.yaml', rendered: null },
    ];
    const text = renderCommitMessage({ ...full, handEditsKept: kept });
    const { stdout } = await runGit(['interpret-trailers', '--parse'], { input: text });
    expect(stdout).toContain(`Hand-Edit-Kept: app/deployment.yaml (rendered ${'a'.repeat(40)})\n`);
    expect(stdout).toContain('Hand-Edit-Kept: notes/sre note.yaml (not rendered)\n');
    expect(handEditsKeptOf(parseCommitMessage(text).trailers)).toEqual(kept);
  });

  it('reads a message without trailers as subject and body', () => {
    expect(parseCommitMessage('Initial commit\n\nFrom the template.\n')).toEqual({
      subject: 'Initial commit',
      body: 'From the template.',
      trailers: [],
    });
  });
});
