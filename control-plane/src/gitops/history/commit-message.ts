import { CommitMessageError } from '../errors.js';
import { oneLine } from '../object-store/commit-object.js';

// Trailer values are kept on one line the way commit objects keep names: one rule, in the object store.
export { oneLine };

/**
 * What a tenant commit says. Git is the audit log, so everything an auditor needs is here, in the
 * subject for people and in trailers for machines (`git log --format='%(trailers)'`).
 */
export interface CommitMessage {
  /** Tenant slug: the subject's scope and the `Tenant:` trailer. */
  tenant: string;
  /** What changed, one line: `switch theme luster-starter 1.4.0 → luster-ecommerce-starter 2.0.1`. */
  summary: string;
  /** A short explanation for people, a few lines at most. @default none */
  body?: string;
  /** `Organization-Id:` trailer: the organization that owns the tenant. */
  organizationId: string;
  /** `Change-Request:` trailer. @default none (direct changes, e.g. a reconcile) */
  changeRequest?: string;
  /** `Requested-By:` trailer, e.g. `Jane Doe <jane@example.com>`. */
  requestedBy: string;
  /** `Approved-By:` trailers, one per approver, when the change was reviewed. @default none */
  approvedBy?: string | readonly string[];
  /** `Reason:` trailer, when the requester gave one. @default none */
  reason?: string;
  /**
   * `Hand-Edit-Kept:` trailers: files of the tenant folder (relative to it) that this commit leaves
   * as someone edited them by hand, each with the blob the control plane renders for it (`null`:
   * it renders no such file). The next change reads them back (`handEditsKeptOf`) so a hand edit
   * kept once is still known as one, instead of passing for the control plane's own content.
   * @default none
   */
  handEditsKept?: readonly HandEditKept[];
}

export interface HandEditKept {
  path: string;
  rendered: string | null;
}

export interface Trailer {
  key: string;
  value: string;
}

export interface ParsedCommitMessage {
  subject: string;
  /** The text between the subject and the trailer block, trimmed; '' when there is none. */
  body: string;
  trailers: Trailer[];
}

/** Renders subject, body and trailers; the result always ends with exactly one newline. */
export function renderCommitMessage(message: CommitMessage): string {
  const tenant = requiredOneLine('tenant', message.tenant);
  const summary = requiredOneLine('summary', message.summary);
  const trailers: Trailer[] = [
    { key: 'Tenant', value: tenant },
    { key: 'Organization-Id', value: requiredOneLine('organizationId', message.organizationId) },
  ];
  const changeRequest = optionalOneLine(message.changeRequest);
  if (changeRequest) trailers.push({ key: 'Change-Request', value: changeRequest });
  trailers.push({ key: 'Requested-By', value: requiredOneLine('requestedBy', message.requestedBy) });
  const approvers =
    typeof message.approvedBy === 'string' ? [message.approvedBy] : (message.approvedBy ?? []);
  for (const approver of approvers) {
    const value = optionalOneLine(approver);
    if (value) trailers.push({ key: 'Approved-By', value });
  }
  const reason = optionalOneLine(message.reason);
  if (reason) trailers.push({ key: 'Reason', value: reason });
  for (const kept of message.handEditsKept ?? []) {
    const rendered = kept.rendered ? `rendered ${kept.rendered}` : 'not rendered';
    trailers.push({
      key: HAND_EDIT_KEPT,
      value: `${requiredOneLine('handEditsKept', kept.path)} (${rendered})`,
    });
  }

  const paragraphs = [`tenant(${tenant}): ${summary}`];
  const body = normaliseBody(message.body);
  if (body) paragraphs.push(body);
  paragraphs.push(trailers.map((t) => `${t.key}: ${t.value}`).join('\n'));
  return `${paragraphs.join('\n\n')}\n`;
}

const HAND_EDIT_KEPT = 'Hand-Edit-Kept';
const KEPT_VALUE = /^(.+) \((?:rendered ([0-9a-f]{40})|not rendered)\)$/;

/** The `Hand-Edit-Kept:` trailers of a commit, as `renderCommitMessage` wrote them. */
export function handEditsKeptOf(trailers: readonly Trailer[]): HandEditKept[] {
  return trailers.flatMap((t) => {
    const match = t.key === HAND_EDIT_KEPT ? KEPT_VALUE.exec(t.value) : null;
    return match ? [{ path: match[1] as string, rendered: match[2] ?? null }] : [];
  });
}

const TRAILER_LINE = /^([A-Za-z0-9][A-Za-z0-9-]*):[ \t]*(.*)$/;

/**
 * Splits a commit message into subject, body and trailers. The trailer block is the last paragraph
 * when every line of it is `Key: value` (or an indented continuation), which is how git reads ours;
 * git is laxer for hand-written messages, which is fine for a reader.
 */
export function parseCommitMessage(text: string): ParsedCommitMessage {
  const lines = text.replace(/\r\n?/g, '\n').replace(/\n+$/, '').split('\n');
  const subject = (lines[0] ?? '').trim();
  const rest = lines.slice(1);
  const lastBlank = rest.lastIndexOf('');
  const lastParagraph = lastBlank === -1 ? [] : rest.slice(lastBlank + 1);
  const trailers = parseTrailerBlock(lastParagraph);
  const bodyLines = trailers ? rest.slice(0, lastBlank) : rest;
  return { subject, body: bodyLines.join('\n').trim(), trailers: trailers ?? [] };
}

function parseTrailerBlock(lines: string[]): Trailer[] | null {
  if (lines.length === 0) return null;
  const trailers: Trailer[] = [];
  for (const line of lines) {
    const previous = trailers[trailers.length - 1];
    if (/^[ \t]/.test(line) && previous) {
      previous.value = `${previous.value} ${line.trim()}`;
      continue;
    }
    const match = TRAILER_LINE.exec(line);
    if (!match) return null;
    trailers.push({ key: match[1] as string, value: (match[2] as string).trim() });
  }
  return trailers;
}

function requiredOneLine(field: string, value: unknown): string {
  if (typeof value !== 'string') throw new CommitMessageError({ field, reason: 'is required' });
  const line = oneLine(value);
  if (line.length === 0) throw new CommitMessageError({ field, reason: 'must not be empty' });
  return line;
}

function optionalOneLine(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  const line = oneLine(value);
  return line.length > 0 ? line : undefined;
}

/** Keeps paragraphs, drops CRs and trailing spaces, so the body can never merge with the trailers. */
function normaliseBody(body: string | undefined): string {
  if (!body) return '';
  return body
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((line) => line.replace(/\s+$/, ''))
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}
