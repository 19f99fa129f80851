import { createHash } from 'node:crypto';
import { type CommitMessage, oneLine, renderCommitMessage } from '../gitops/history/commit-message.js';
import type { FileWrite } from '../gitops/port.js';

/**
 * The commit message of a change over one tenant (the writer's format) or several (a bulk
 * deletion: `tenants(<n>): …` with one `Tenant:` trailer per slug, the other trailers as usual).
 */
export function changeMessage(slugs: readonly string[], message: Omit<CommitMessage, 'tenant'>): string {
  const [first] = slugs;
  if (slugs.length === 1 && first) return renderCommitMessage({ ...message, tenant: first });
  const trailers = [
    ...slugs.map((s) => `Tenant: ${oneLine(s)}`),
    ...(message.changeRequest ? [`Change-Request: ${oneLine(message.changeRequest)}`] : []),
    `Requested-By: ${oneLine(message.requestedBy)}`,
    ...[message.approvedBy ?? []].flat().map((a) => `Approved-By: ${oneLine(a)}`),
    ...(message.reason ? [`Reason: ${oneLine(message.reason)}`] : []),
  ];
  return `tenants(${slugs.length}): ${oneLine(message.summary)}\n\n${trailers.join('\n')}\n`;
}

const encoder = new TextEncoder();

/** The git blob id of a rendered file: compares with `listFiles` oids without writing anything. */
export function blobOid(file: FileWrite): string {
  const bytes = typeof file.content === 'string' ? encoder.encode(file.content) : file.content;
  return createHash('sha1').update(`blob ${bytes.byteLength}\0`).update(bytes).digest('hex');
}
