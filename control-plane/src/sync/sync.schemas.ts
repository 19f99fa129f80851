import { syncStatuses } from '@luster/contract';
import { z } from 'zod';

/** A tenant's sync status as `GET …/{id}/sync` answers it, and a summary of it on each organization. */
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

/** The part of the sync status an organization view carries (the full one is `GET …/{id}/sync`). */
export const syncSummarySchema = syncSchema.pick({
  status: true,
  appliedRevision: true,
  readyAt: true,
  message: true,
});
