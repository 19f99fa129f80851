import { z } from 'zod';
import { text } from './text.js';

/**
 * The zod atoms several features' request schemas share (REST and GraphQL parse with the same
 * schemas), kept at the edge so that no feature reaches into another's schemas for them.
 */

/** The `:id` of a resource in a path (an organization, a change request, an agency request). */
export const idParams = z.strictObject({ id: text().min(1).max(100) });

export const projectType = z.enum(['website', 'ecommerce']);

/**
 * Slug format is checked by the service (codes slug_invalid / slug_reserved name the field); only
 * DNS labels pass it, so NUL and surrogates never reach the database and keep that precise code.
 */
export const slug = z.string().max(100).meta({
  description: 'DNS-1123 label, 2-53 characters; derived from organizationName when absent',
});
export const organizationName = text().trim().min(1).max(200);

/** Actions that take no input still refuse one, so a client's mistaken field is told, not ignored. */
export const emptyBody = z.strictObject({});

/** One file of a diff, as a unified patch (`--- a/… +++ b/… @@ …`). */
export const fileDiff = z.object({
  path: z.string(),
  status: z.enum(['added', 'modified', 'deleted']),
  patch: z.string(),
});
