import { z } from 'zod';
import { text } from '../http/text.js';

/** One schema per review decision, for REST and GraphQL alike: an approval may say why, a rejection must. */
export const approveBody = z.strictObject({ reason: text().trim().max(2000).optional() });
export const rejectBody = z.strictObject({ reason: text().trim().min(1).max(2000) });
