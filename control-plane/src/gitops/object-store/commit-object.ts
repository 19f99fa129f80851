import type { CommitObject } from 'isomorphic-git';
import { CommitMessageError } from '../errors.js';
import type { Identity } from '../port.js';
import type { CommitSigner } from './signing.js';

type Person = CommitObject['author'];

export interface CommitObjectInput {
  tree: string;
  parents: readonly string[];
  author: Identity | Person;
  committer: Identity;
  /** The full message (subject, body, trailers). */
  message: string;
  /** @default now */
  time?: Date;
}

/**
 * Builds the commit object — signed when a signer is given — ready for `writeCommit`.
 *
 * The signature covers the commit exactly as git will re-create it for `git verify-commit` (the
 * object without its `gpgsig` header): headers, a blank line, the message with a single trailing
 * newline, all times in UTC. `encodeCommit` renders the stored object the same way.
 */
export async function buildCommit(input: CommitObjectInput, signer?: CommitSigner): Promise<CommitObject> {
  const timestamp = Math.floor((input.time ?? new Date()).getTime() / 1000);
  const author = 'timestamp' in input.author ? input.author : person(input.author, 'author', timestamp);
  const committer = person(input.committer, 'committer', timestamp);
  const message = `${input.message.replace(/\r/g, '').replace(/^\n+/, '').replace(/\n+$/, '')}\n`;
  const commit: CommitObject = { tree: input.tree, parent: [...input.parents], author, committer, message };
  if (!signer) return commit;
  const payload = renderUnsignedCommit(commit);
  return { ...commit, gpgsig: await signer(payload) };
}

function renderUnsignedCommit(commit: CommitObject): string {
  return `${renderHeaders(commit)}\n${commit.message}`;
}

function renderHeaders(commit: CommitObject): string {
  const lines = [`tree ${commit.tree}`, ...commit.parent.map((p) => `parent ${p}`)];
  lines.push(`author ${formatPerson(commit.author)}`, `committer ${formatPerson(commit.committer)}`);
  return `${lines.join('\n')}\n`;
}

/**
 * The commit object's bytes: the unsigned rendering with the signature as a `gpgsig` header whose
 * continuation lines start with a space — what git strips again to verify.
 */
export function encodeCommit(commit: CommitObject): Uint8Array {
  let headers = renderHeaders(commit);
  if (commit.gpgsig) {
    const lines = commit.gpgsig.trim().split('\n');
    headers += `gpgsig ${lines.join('\n ')}\n`;
  }
  return Buffer.from(`${headers}\n${commit.message}`, 'utf8');
}

function formatPerson(p: Person): string {
  // isomorphic-git's offsets are Date#getTimezoneOffset minutes (west positive); we only write 0.
  return `${p.name} <${p.email}> ${p.timestamp} ${formatOffset(p.timezoneOffset)}`;
}

/** Git's `+hhmm` from isomorphic-git's west-positive minutes. */
export function formatOffset(minutesWest: number): string {
  const east = minutesWest === 0 ? 0 : -minutesWest;
  const sign = east < 0 || Object.is(minutesWest, -0) ? '-' : '+';
  const abs = Math.abs(east);
  return `${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}${String(abs % 60).padStart(2, '0')}`;
}

/**
 * Names and emails go into a header line `Name <email> time zone`: a newline or angle bracket in
 * them (from a user profile) would corrupt the object or forge another header, so they are refused
 * or stripped here.
 */
function person(identity: Identity, field: string, timestamp: number): Person {
  const name = oneLine(String(identity?.name ?? '')).replace(/[<>]/g, '');
  const email = oneLine(String(identity?.email ?? '')).replace(/[<>\s]/g, '');
  if (!name) throw new CommitMessageError({ field: `${field}.name`, reason: 'must not be empty' });
  if (!email) throw new CommitMessageError({ field: `${field}.email`, reason: 'must not be empty' });
  return { name, email, timestamp, timezoneOffset: 0 };
}

/**
 * Trailer values and the subject must stay on one line: a newline smuggled into, say, a `Reason:`
 * would end the trailer and could forge another one (`Approved-By: …`) that auditors trust.
 */
export function oneLine(value: string): string {
  return value.replace(LINE_BREAKING, ' ').replace(/ {2,}/g, ' ').trim();
}

// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point
const LINE_BREAKING = /[\u0000-\u001f\u007f\u2028\u2029]+/g;
