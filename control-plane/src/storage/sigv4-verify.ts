import { timingSafeEqual } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import { Sha256 } from '@aws-crypto/sha256-js';
import { HttpRequest } from '@smithy/core/protocols';
import { SignatureV4 } from '@smithy/signature-v4';

/** What the gateway knows about the one account the embedded S3 has. */
export interface SigningAccount {
  accessKeyId: string;
  secretAccessKey: string;
  region: string;
}

/** The request as it reached the gateway: method, the raw path with its query, the headers. */
export interface ReceivedRequest {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
}

/** S3's own error codes, so a client reads the gateway's refusals as it reads S3's. */
export type Refusal = {
  ok: false;
  code:
    | 'AccessDenied'
    | 'SignatureDoesNotMatch'
    | 'InvalidAccessKeyId'
    | 'AuthorizationHeaderMalformed'
    | 'RequestTimeTooSkewed';
  message: string;
};
export type Verdict = { ok: true; presigned: boolean } | Refusal;

/** S3 accepts a header-signed request this far from its own clock, either way. */
const MAX_SKEW_MS = 15 * 60_000;
/** The longest validity SigV4 allows a presigned URL (7 days). */
const MAX_EXPIRES_SECONDS = 604_800;
/** The query parameters a presigned URL carries for its authentication (not part of the operation). */
export const PRESIGN_PARAMS = [
  'X-Amz-Algorithm',
  'X-Amz-Credential',
  'X-Amz-Date',
  'X-Amz-Expires',
  'X-Amz-SignedHeaders',
  'X-Amz-Signature',
  'X-Amz-Security-Token',
];

const refuse = (code: Refusal['code'], message: string): Refusal => ({ ok: false, code, message });

/**
 * Recomputes a request's SigV4 signature with the SDK's own signer (header-signed and presigned
 * forms) and compares it in constant time. What is signed is then enforced by the signature itself:
 * the key (the path), the content type and length of a presigned upload, the method. s3rver checks
 * none of this, so without this check a presigned URL would open the whole embedded S3.
 */
export async function verifySigV4(
  request: ReceivedRequest,
  account: SigningAccount,
  now: Date,
): Promise<Verdict> {
  const [path = '/', rawQuery = ''] = splitOnce(request.url, '?');
  const query = parseQuery(rawQuery);
  const authorization = header(request.headers, 'authorization');
  if (authorization !== undefined && query.has('X-Amz-Algorithm'))
    return refuse('AccessDenied', 'Only one auth mechanism allowed');
  if (authorization !== undefined) return verifyHeaderForm(request, path, query, authorization, account, now);
  if (query.has('X-Amz-Algorithm')) return verifyPresigned(request, path, query, account, now);
  return refuse('AccessDenied', 'Anonymous access is not allowed');
}

async function verifyHeaderForm(
  request: ReceivedRequest,
  path: string,
  query: Map<string, string[]>,
  authorization: string,
  account: SigningAccount,
  now: Date,
): Promise<Verdict> {
  const match =
    /^AWS4-HMAC-SHA256 Credential=([^,\s]+),\s*SignedHeaders=([^,\s]+),\s*Signature=([0-9a-f]{64})$/.exec(
      authorization,
    );
  if (!match) return refuse('AuthorizationHeaderMalformed', 'The authorization header is malformed');
  const [, credential = '', signedList = '', provided = ''] = match;
  const date = parseAmzDate(header(request.headers, 'x-amz-date') ?? '');
  if (!date) return refuse('AccessDenied', 'AWS authentication requires a valid x-amz-date header');
  const scope = checkScope(credential, date, account);
  if (!scope.ok) return scope;
  if (Math.abs(now.getTime() - date.getTime()) > MAX_SKEW_MS)
    return refuse(
      'RequestTimeTooSkewed',
      'The difference between the request time and the current time is too large',
    );
  const signed = signedHeaders(request, signedList);
  if (!signed.ok) return signed;
  const signer = signerFor(account);
  const expected = await signer.sign(toHttpRequest(request.method, path, query, signed.headers), {
    signingDate: date,
    signableHeaders: new Set(Object.keys(signed.headers)),
    unsignableHeaders: new Set(),
  });
  const recomputed = /Signature=([0-9a-f]{64})/.exec(String(expected.headers.authorization))?.[1] ?? '';
  const sameList = /SignedHeaders=([^,\s]+)/.exec(String(expected.headers.authorization))?.[1] === signedList;
  return sameList && sameHex(recomputed, provided) ? { ok: true, presigned: false } : mismatch();
}

async function verifyPresigned(
  request: ReceivedRequest,
  path: string,
  query: Map<string, string[]>,
  account: SigningAccount,
  now: Date,
): Promise<Verdict> {
  const one = (name: string) => (query.get(name)?.length === 1 ? query.get(name)?.[0] : undefined);
  const algorithm = one('X-Amz-Algorithm');
  const credential = one('X-Amz-Credential');
  const signedList = one('X-Amz-SignedHeaders');
  const provided = one('X-Amz-Signature');
  const expiresText = one('X-Amz-Expires');
  const date = parseAmzDate(one('X-Amz-Date') ?? '');
  if (algorithm !== 'AWS4-HMAC-SHA256' || !credential || !signedList || !provided || !expiresText || !date)
    return refuse(
      'AuthorizationHeaderMalformed',
      'The presigned URL is missing or has malformed X-Amz parameters',
    );
  const expires = /^\d{1,6}$/.test(expiresText) ? Number(expiresText) : Number.NaN;
  if (!(expires >= 1 && expires <= MAX_EXPIRES_SECONDS))
    return refuse('AuthorizationHeaderMalformed', 'X-Amz-Expires must be between 1 and 604800 seconds');
  const scope = checkScope(credential, date, account);
  if (!scope.ok) return scope;
  if (now.getTime() > date.getTime() + expires * 1000) return refuse('AccessDenied', 'Request has expired');
  if (date.getTime() - now.getTime() > MAX_SKEW_MS) return refuse('AccessDenied', 'Request is not valid yet');
  const signed = signedHeaders(request, signedList);
  if (!signed.ok) return signed;

  // presign() writes the X-Amz parameters itself; the payload hash travels as a header it hoists back.
  const operation = new Map([...query].filter(([name]) => !PRESIGN_PARAMS.includes(name)));
  const headers = { ...signed.headers };
  const unhoistable = new Set(Object.keys(signed.headers).filter((name) => name.startsWith('x-amz-')));
  const unsignable = new Set<string>();
  const payload = operation.get('X-Amz-Content-Sha256');
  operation.delete('X-Amz-Content-Sha256');
  // Named as the SDK names it: the hoisted parameter keeps the header's case, which orders the query.
  headers['X-Amz-Content-Sha256'] = payload?.[0] ?? 'UNSIGNED-PAYLOAD';
  if (!payload) {
    // Signed as UNSIGNED-PAYLOAD without naming it in the URL (other SDKs): neither hoisted nor signed.
    unhoistable.add('x-amz-content-sha256');
    unsignable.add('x-amz-content-sha256');
  }
  const expected = await signerFor(account).presign(toHttpRequest(request.method, path, operation, headers), {
    signingDate: date,
    expiresIn: expires,
    signableHeaders: new Set(Object.keys(signed.headers)),
    unsignableHeaders: unsignable,
    unhoistableHeaders: unhoistable,
  });
  const recomputed = String(expected.query?.['X-Amz-Signature'] ?? '');
  const sameList = expected.query?.['X-Amz-SignedHeaders'] === signedList;
  return sameList && sameHex(recomputed, provided) ? { ok: true, presigned: true } : mismatch();
}

const mismatch = (): Refusal =>
  refuse(
    'SignatureDoesNotMatch',
    'The request signature we calculated does not match the signature you provided. Check your key and signing method.',
  );

function signerFor(account: SigningAccount): SignatureV4 {
  // S3's flavour of SigV4: the path is signed as sent, not escaped a second time.
  return new SignatureV4({
    credentials: { accessKeyId: account.accessKeyId, secretAccessKey: account.secretAccessKey },
    region: account.region,
    service: 's3',
    sha256: Sha256,
    uriEscapePath: false,
    applyChecksum: false,
  });
}

/** `<key id>/<yyyymmdd>/<region>/s3/aws4_request`, for this account, on the signing date. */
function checkScope(credential: string, date: Date, account: SigningAccount): { ok: true } | Refusal {
  const [keyId, day, region, service, terminator, ...rest] = credential.split('/');
  if (keyId !== account.accessKeyId)
    return refuse('InvalidAccessKeyId', 'The AWS Access Key Id you provided does not exist in our records.');
  const signingDay = date.toISOString().slice(0, 10).replaceAll('-', '');
  if (
    day !== signingDay ||
    region !== account.region ||
    service !== 's3' ||
    terminator !== 'aws4_request' ||
    rest.length
  )
    return refuse(
      'AuthorizationHeaderMalformed',
      `The credential scope must be ${signingDay}/${account.region}/s3/aws4_request`,
    );
  return { ok: true };
}

/** The signed headers' values as received; each one named must be there, once. */
function signedHeaders(
  request: ReceivedRequest,
  list: string,
): { ok: true; headers: Record<string, string> } | Refusal {
  const names = list.split(';');
  if (!names.includes('host')) return refuse('AccessDenied', 'The host header must be signed');
  const headers: Record<string, string> = {};
  for (const name of names) {
    const value = header(request.headers, name);
    if (value === undefined) return refuse('AccessDenied', `The signed header ${name} is missing`);
    headers[name] = value;
  }
  // A signed length means the body is exactly that long; a chunked body would escape it.
  if (names.includes('content-length') && request.headers['transfer-encoding'] !== undefined)
    return refuse('AccessDenied', 'A signed content-length does not allow a chunked body');
  return { ok: true, headers };
}

function toHttpRequest(
  method: string,
  path: string,
  query: Map<string, string[]>,
  headers: Record<string, string>,
): HttpRequest {
  const host = headers.host ?? '';
  const [hostname = host, port] = splitOnce(host, ':');
  return new HttpRequest({
    method,
    protocol: 'http:',
    hostname,
    ...(port ? { port: Number(port) } : {}),
    path,
    query: Object.fromEntries(
      [...query].map(([name, values]) => [name, values.length === 1 ? (values[0] as string) : values]),
    ),
    headers,
  });
}

/** The query as SigV4 reads it: percent-decoded (a `+` stays a `+`), repeated names kept. */
function parseQuery(raw: string): Map<string, string[]> {
  const query = new Map<string, string[]>();
  for (const pair of raw.split('&')) {
    if (!pair) continue;
    const [name = '', value = ''] = splitOnce(pair, '=');
    const key = safeDecode(name);
    query.set(key, [...(query.get(key) ?? []), safeDecode(value)]);
  }
  return query;
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

function header(headers: IncomingHttpHeaders, name: string): string | undefined {
  const value = headers[name];
  return Array.isArray(value) ? value.join(',') : value;
}

/** `20261206T052527Z` → the instant, or undefined. */
function parseAmzDate(text: string): Date | undefined {
  const m = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(text);
  if (!m) return undefined;
  const date = new Date(`${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6]}Z`);
  return Number.isNaN(date.getTime()) ? undefined : date;
}

function sameHex(a: string, b: string): boolean {
  const left = Buffer.from(a, 'utf8');
  const right = Buffer.from(b, 'utf8');
  return left.length === right.length && timingSafeEqual(left, right);
}

function splitOnce(text: string, separator: string): [string, string | undefined] {
  const at = text.indexOf(separator);
  return at < 0 ? [text, undefined] : [text.slice(0, at), text.slice(at + 1)];
}
