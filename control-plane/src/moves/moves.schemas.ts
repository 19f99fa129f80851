import { z } from 'zod';
import { text } from '../http/text.js';

/** A cluster name as it names the folder `tenants/<cluster>/`: a DNS label. */
const clusterName = text()
  .max(63)
  .regex(/^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/, 'a cluster name: a lowercase DNS label');

const reason = text().max(500).optional();

export const moveBody = z.strictObject({
  cluster: clusterName.meta({ description: 'The cluster to move the tenant to' }),
  reason,
});

export const restoreBody = z.strictObject({
  targetTime: z.iso
    .datetime({ offset: true, message: 'an RFC 3339 time such as 2026-12-01T10:30:00Z' })
    .meta({ description: 'The point in time to restore the database to, inside the backup window' }),
  reason,
});

export const releaseBody = z.strictObject({ reason });

const recoverySchema = z.object({
  cluster: z.string(),
  database: z.string(),
  targetTime: z.string().optional().meta({ description: 'Absent for a move: the latest state' }),
});

export const databaseSchema = z.object({
  name: z.string().meta({ description: 'The CloudNativePG cluster the site uses (its `<name>-app` Secret)' }),
  recoveredFrom: recoverySchema.nullable().meta({ description: 'Null for a database created empty' }),
  kept: z
    .object({
      cluster: z.string(),
      name: z.string(),
      stage: z.enum(['kept', 'released', 'removed']),
    })
    .nullable()
    .meta({
      description:
        'The database a move or a restore replaced, until it is removed: kept (never pruned), released (its removal follows the report of the cluster holding it)',
    }),
});

export const restoreWindowSchema = z.object({
  from: z.string().meta({ description: 'The earliest time a restore may target' }),
  to: z.string().meta({ description: 'Now: the latest time' }),
});

export const backupsSchema = z.object({
  cluster: z.string(),
  database: databaseSchema,
  schedule: z.string().meta({ description: 'Six-field cron (seconds first, UTC) of the daily base backup' }),
  retentionDays: z.number().int(),
  lastDueAt: z.string().nullable().meta({
    description:
      "When the schedule's last run was due (null for a schedule that is not daily, or before the database existed). Flux's reports cannot confirm a backup succeeded: its health check of a ScheduledBackup passes once the object exists",
  }),
  lastReportedHealthyAt: z.string().nullable().meta({
    description: "When the tenant's cluster last reported it Ready, database and backup schedule included",
  }),
  restoreWindow: restoreWindowSchema,
});
