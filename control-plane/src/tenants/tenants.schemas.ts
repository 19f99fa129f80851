import { syncStatuses } from '@luster/contract';
import { z } from 'zod';
import { fileDiff } from '../http/atoms.js';

/** The tenant's folder at the head of main. */
export const manifestsSchema = z.object({
  ref: z.string().nullable().meta({ description: 'The commit of main read (null before the first)' }),
  dir: z.string().nullable().meta({ description: "The tenant's folder in the GitOps repository" }),
  files: z.array(z.object({ path: z.string(), content: z.string() })),
});

const commitFields = {
  sha: z.string(),
  parentSha: z.string(),
  subject: z.string(),
  changeRequestId: z.string().nullable(),
  committedAt: z.string(),
  author: z.object({ name: z.string(), email: z.string() }),
  trailers: z.array(z.object({ key: z.string(), value: z.string() })),
};

export const historySchema = z.object({
  items: z.array(z.object({ ...commitFields, branch: z.string() })),
});

export const commitSchema = z.object({ ...commitFields, body: z.string(), files: z.array(fileDiff) });

export const syncSchema = z.object({
  status: z.enum(syncStatuses),
  lastChange: z.object({ sha: z.string(), committedAt: z.string() }).nullable(),
  appliedRevision: z.string().nullable(),
  firstProgressingAt: z.string().nullable(),
  readyAt: z.string().nullable(),
  timeToLiveMs: z.number().nullable().meta({ description: 'How long the last change took to go live' }),
  message: z.string().nullable(),
  events: z.array(
    z.object({
      source: z.enum(['flux', 'argocd']),
      object: z.string().meta({ description: 'e.g. Kustomization/flux-system/tenant-acme' }),
      severity: z.string(),
      reason: z.string(),
      outcome: z.string(),
      message: z.string(),
      revision: z.string().nullable(),
      at: z.string(),
    }),
  ),
});
