import { z } from 'zod';
import { InvalidInputError } from '../errors/index.js';
import { parseRevision, type Revision } from './revision.js';

/** Flux's notification `Event` as a generic/generic-hmac provider receives it (reference §1). */
const fluxEventSchema = z.object({
  involvedObject: z.object({
    kind: z.string().optional(),
    namespace: z.string().optional(),
    name: z.string().optional(),
    uid: z.string().optional(),
    apiVersion: z.string().optional(),
    resourceVersion: z.string().optional(),
  }),
  severity: z.enum(['info', 'error', 'trace']),
  timestamp: z.iso.datetime({ offset: true }),
  message: z.string().max(100_000),
  reason: z.string().max(200),
  metadata: z.record(z.string(), z.string()).optional(),
  reportingController: z.string().max(200).optional(),
  reportingInstance: z.string().max(300).optional(),
});

export interface FluxEvent {
  kind: string;
  namespace: string;
  name: string;
  severity: 'info' | 'error' | 'trace';
  reason: string;
  message: string;
  timestamp: Date;
  revision: Revision | null;
  rawRevision: string | null;
  controller: string | null;
  metadata: Record<string, string>;
}

/** Metadata keys arrive without a group prefix today; older senders prefixed them. Accept both. */
function metadataValue(metadata: Record<string, string>, key: string): string | undefined {
  if (metadata[key] !== undefined) return metadata[key];
  const suffix = `/${key}`;
  return Object.entries(metadata).find(([k]) => k.endsWith(suffix))?.[1];
}

export function parseFluxEvent(body: unknown): FluxEvent {
  const parsed = fluxEventSchema.safeParse(body);
  if (!parsed.success) {
    throw new InvalidInputError({
      code: 'invalid_event',
      message: 'The body is not a Flux notification event',
      issues: parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })),
    });
  }
  const event = parsed.data;
  const metadata = event.metadata ?? {};
  // A Kustomization reading an ExternalArtifact (the artifacts layout, docs/fleet-layout.md) reports
  // the artifact's digest as `revision` (latest@sha256:…) and the git commit it was generated from
  // as `originRevision`: only the commit tells whether our change is in what was applied.
  const rawRevision =
    metadataValue(metadata, 'originRevision') ?? metadataValue(metadata, 'revision') ?? null;
  return {
    kind: event.involvedObject.kind ?? '',
    namespace: event.involvedObject.namespace ?? '',
    name: event.involvedObject.name ?? '',
    severity: event.severity,
    reason: event.reason,
    message: event.message,
    timestamp: new Date(event.timestamp),
    revision: parseRevision(rawRevision),
    rawRevision,
    controller: event.reportingController ?? null,
    metadata,
  };
}

/** What a Flux event says about the reconciliation it reports on. */
export type Outcome = 'progressing' | 'succeeded' | 'failed' | 'other';

export function outcomeOf(event: Pick<FluxEvent, 'severity' | 'reason'>): Outcome {
  if (event.severity === 'error') return 'failed';
  if (event.reason === 'ReconciliationSucceeded') return 'succeeded';
  if (event.reason === 'Progressing' || event.reason === 'DependencyNotReady') return 'progressing';
  return 'other';
}
