import { InvalidInputError, LimitExceededError } from '../errors/index.js';

/**
 * Content types an upload may declare: images browsers show, documents, audio and video. SVG and
 * HTML are left out on purpose: served from the bucket they would run scripts in the viewer's browser.
 */
export const allowedContentTypes = [
  'image/jpeg',
  'image/png',
  'image/gif',
  'image/webp',
  'image/avif',
  'application/pdf',
  'text/plain',
  'text/csv',
  'audio/mpeg',
  'audio/ogg',
  'video/mp4',
  'video/webm',
] as const;

/** Longest sanitised file name kept in a key (S3 allows 1024 bytes; people do not read more). */
const MAX_NAME = 120;

/**
 * The file name as it goes into a key: letters, digits, dots, dashes and underscores only (accents
 * dropped, anything else a dash). A name that cannot stay a plain name — a path, control characters,
 * a leading dot (`..`, hidden files) — is refused rather than quietly rewritten into something else.
 */
export function sanitiseName(name: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is refused
  if (/[/\\\u0000-\u001f\u007f]/.test(name) || name.trim().startsWith('.'))
    throw invalidName(
      name,
      'must be a plain file name, without slashes, control characters or a leading dot',
    );
  const plain = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^A-Za-z0-9._-]+/g, '-')
    .replace(/-{2,}/g, '-')
    .replace(/^[-.]+|-+$/g, '');
  const dot = plain.lastIndexOf('.');
  const [stem, ext] = dot > 0 ? [plain.slice(0, dot), plain.slice(dot)] : [plain, ''];
  const kept = `${stem.slice(0, MAX_NAME - ext.length).replace(/-+$/, '')}${ext}`;
  if (!/[A-Za-z0-9]/.test(stem)) throw invalidName(name, 'must contain a letter or digit');
  return kept;
}

/** `YYYY/MM/` of the upload's month (UTC). */
export function monthPrefix(at: Date): string {
  return `${at.getUTCFullYear()}/${String(at.getUTCMonth() + 1).padStart(2, '0')}/`;
}

/** `photo.png` → `photo-2.png`, `photo-3.png` …: the n-th candidate for a name already taken. */
export function numbered(name: string, n: number): string {
  if (n === 1) return name;
  const dot = name.lastIndexOf('.');
  return dot > 0 ? `${name.slice(0, dot)}-${n}${name.slice(dot)}` : `${name}-${n}`;
}

/**
 * Where public objects live (`public/YYYY/MM/<name>`): the one prefix a CDN (or the embedded
 * gateway) may serve without a signature, so being public is a property of the key itself.
 */
export const PUBLIC_PREFIX = 'public/';

/**
 * Whether a key is one the platform hands out (`[public/]YYYY/MM/<sanitised name>`), so no other
 * path is ever read.
 */
export function isMediaKey(key: string): boolean {
  return /^(public\/)?\d{4}\/(0[1-9]|1[0-2])\/[A-Za-z0-9_][A-Za-z0-9._-]*$/.test(key) && key.length <= 200;
}

export const isPublicKey = (key: string): boolean => key.startsWith(PUBLIC_PREFIX);

export function checkUpload(input: { contentType: string; size: number; maxBytes: number }): void {
  if (!(allowedContentTypes as readonly string[]).includes(input.contentType))
    throw new InvalidInputError({
      code: 'media_type_not_allowed',
      message: `Content type '${input.contentType}' is not allowed; allowed: ${allowedContentTypes.join(', ')}`,
      issues: [{ path: 'body.contentType', message: 'not an allowed content type' }],
    });
  if (input.size > input.maxBytes)
    throw new LimitExceededError({
      code: 'media_too_large',
      message: `An upload may be at most ${input.maxBytes} bytes (got ${input.size})`,
      data: { limit: 'MEDIA_MAX_UPLOAD_BYTES', max: input.maxBytes, actual: input.size },
    });
}

function invalidName(name: string, why: string): InvalidInputError {
  return new InvalidInputError({
    code: 'media_name_invalid',
    message: `File name ${JSON.stringify(name.slice(0, 200))} ${why}`,
    issues: [{ path: 'body.name', message: why }],
  });
}
