import { z } from 'zod';
import { fileDiff } from '../http/atoms.js';
import { text } from '../http/text.js';
import { changeKinds, changeStates } from './changes.entities.js';

/** One schema per review decision, for REST and GraphQL alike: an approval may say why, a rejection must. */
export const approveBody = z.strictObject({ reason: text().trim().max(2000).optional() });
export const rejectBody = z.strictObject({ reason: text().trim().min(1).max(2000) });

export const driftSchema = z.object({
  drift: z
    .object({
      detectedAt: z.string(),
      sha: z.string().meta({ description: 'The head of main the edits were found at' }),
      files: z.array(z.object({ path: z.string(), status: z.enum(['added', 'modified', 'deleted']) })),
    })
    .nullable(),
});

const person = z.object({ id: z.string(), email: z.string(), name: z.string() }).nullable();
/** A change request in every answer that carries one: the review's pages and the action that made it. */
export const changeRequestSchema = z.object({
  id: z.string(),
  kind: z.enum(changeKinds),
  state: z.enum(changeStates),
  policy: z.enum(['direct', 'review']),
  title: z.string(),
  summary: z.string().meta({ description: 'The same as title, for older clients' }),
  organizationId: z.string(),
  organization: z.object({ id: z.string(), slug: z.string(), name: z.string() }).nullable(),
  organizationIds: z.array(z.string()).meta({ description: 'Every organization of a bulk deletion' }),
  requestedById: z.string(),
  requestedBy: person,
  approvedById: z.string().nullable(),
  approvedBy: person,
  approvals: z.array(z.object({ user: person, at: z.string(), reason: z.string().nullable() })),
  externalApprover: z
    .string()
    .nullable()
    .meta({ description: 'Who merged it on the git host (`login (GitHub)`), when reviewed there' }),
  rejectedBy: person,
  rejectionReason: z.string().nullable(),
  reason: z.string().nullable(),
  error: z.string().nullable(),
  branch: z.string().nullable(),
  baseSha: z.string().nullable(),
  branchSha: z.string().nullable(),
  commitSha: z.string().nullable(),
  pullRequest: z.object({ number: z.number(), url: z.string() }).nullable(),
  revertOf: z.string().nullable().meta({ description: 'The change a revert returns the tenant to' }),
  purgeStage: z.string().nullable(),
  createdAt: z.string(),
  committedAt: z.string().nullable(),
});
export const listQuery = z.strictObject({
  state: z.enum(changeStates).optional(),
  kind: z.enum(changeKinds).optional(),
  organizationId: z.uuid().optional(),
  // A query string says 'true'; GraphQL passes a Boolean.
  mine: z
    .union([z.boolean(), z.enum(['true', 'false']).transform((v) => v === 'true')])
    .optional()
    .meta({ description: 'true: only the changes the caller requested' }),
  page: z.coerce.number().int().min(1).optional(),
  pageSize: z.coerce.number().int().min(1).max(200).optional(),
});
export const reasonBody = z.strictObject({ reason: text().max(500).optional() });
export const revertBody = z.strictObject({ changeId: z.uuid(), reason: text().max(500).optional() });
/** What a revert would commit, rendered and diffed against main without committing it. */
export const revertPreview = z.object({
  baseSha: z.string().nullable().meta({ description: 'The head of main the diff is against' }),
  files: z.array(fileDiff),
});
export const bulkBody = z.strictObject({
  organizationIds: z.array(z.uuid()).min(1).max(500),
  reason: text().trim().min(1).max(500),
});

/** One change request with its files, each with its blob before and after. */
export const changeRequestDetail = changeRequestSchema.extend({
  approval: z
    .object({
      required: z.number().meta({ description: 'Approvals by different people the change needs in all' }),
      remaining: z.number().meta({ description: 'Still missing; 0 once approved or when not under review' }),
      approvers: z.array(person.unwrap()).meta({
        description:
          'Who could give a missing approval now (superadmins, reviewers unless a bulk deletion; never the requester or an earlier approver), named only to viewers who may approve changes themselves; empty for everyone else, when none is missing or nobody can',
      }),
      approverCounts: z
        .object({
          superadmins: z.number(),
          reviewers: z.number().meta({ description: 'Reviewers who are not superadmins' }),
        })
        .meta({ description: 'How many could give a missing approval now, by role; shown to every viewer' }),
    })
    .meta({ description: 'Where the review stands and who can move it on' }),
  files: z.array(
    fileDiff.extend({
      oldOid: z.string().nullable().meta({ description: 'Blob before; null when added' }),
      newOid: z.string().nullable().meta({ description: 'Blob after; null when deleted' }),
    }),
  ),
});
