import { type DataSource, type EntityManager, In } from 'typeorm';
import type { Logger } from '../logger.js';
import type { Mail } from '../mail/mailer.js';
import { createPasses } from '../passes.js';
import type { DnsAnswer, DnsCheck } from './dns-check.js';
import { CustomDomain, DomainCheck } from './domains.entities.js';
import { displayHostname } from './hostname.js';
import { type ChangePort, settleQuietly, submitAddition } from './ingress-changes.js';

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

export interface VerifierDeps {
  dataSource: DataSource;
  dns: DnsCheck;
  changes: ChangePort;
  /** The mail outbox: a flag's mails are stored in the transaction that flags the domain. */
  mail: { enqueue(manager: EntityManager, mail: Mail): Promise<void>; kick(): unknown };
  logger: Logger;
  clock: () => Date;
  /** DOMAIN_CHECK_CONCURRENCY: checks one replica runs at the same time. */
  concurrency: number;
  /** How long a TXT record may be gone before the domain is flagged. @default 7 days */
  graceMs?: number;
  /** How long a claim holds before another replica may take the domain over. @default 2 min */
  leaseMs?: number;
  /** Jitter's source (tests pin it). @default Math.random */
  random?: () => number;
  /** Tells live views checks changed what domains show (domain-events.ts); the host when one. */
  announce?(organizationId: string, hostname: string | null): Promise<void>;
}

/** The row's fields the API shows: a check that changes one of them is announced. */
const shown = [
  'status',
  'ownershipStatus',
  'ownershipDetail',
  'targetStatus',
  'targetFound',
  'targetDetail',
] as const;

/**
 * The background verifier: claims due domains with a lease in PostgreSQL (`FOR UPDATE SKIP
 * LOCKED`, so replicas never check the same domain at once and a crashed replica's claims expire),
 * asks DNS, records each check, and moves the domain on. Pending domains back off from 30 s to an
 * hour with jitter; verified ones are re-checked daily. An answer it could not get changes no
 * state. A verified domain whose TXT record stays gone for the grace period is flagged and its
 * organization's admins are mailed once; nothing is ever removed by the verifier.
 */
export function createVerifier(deps: VerifierDeps) {
  const { dataSource } = deps;
  const log = deps.logger.child({ component: 'domain verifier' });
  const graceMs = deps.graceMs ?? 7 * DAY;
  const leaseMs = deps.leaseMs ?? 2 * MINUTE;
  const random = deps.random ?? Math.random;
  const jitter = (ms: number) => Math.round(ms * (0.8 + 0.4 * random()));
  const backoff = (attempts: number) => jitter(Math.min(30_000 * 2 ** Math.min(attempts, 10), 60 * MINUTE));

  /** Leases up to `limit` due domains (or the one named) to this replica. */
  async function claim(limit: number, id?: string): Promise<CustomDomain[]> {
    const now = deps.clock();
    const [rows]: [{ id: string }[]] = await dataSource.query(
      `UPDATE custom_domain d SET "leaseUntil" = $2
         FROM (SELECT id FROM custom_domain
                WHERE ${id ? 'id = $4' : '"nextCheckAt" <= $1'}
                  AND ("leaseUntil" IS NULL OR "leaseUntil" <= $1)
                ORDER BY "nextCheckAt" LIMIT $3 FOR UPDATE SKIP LOCKED) due
        WHERE d.id = due.id RETURNING d.id`,
      [now, new Date(now.getTime() + leaseMs), limit, ...(id ? [id] : [])],
    );
    if (rows.length === 0) return [];
    return dataSource.manager.findBy(CustomDomain, { id: In(rows.map((r) => r.id)) });
  }

  /** The row as this answer leaves it (pure apart from the clock and jitter). */
  function next(
    row: CustomDomain,
    answer: DnsAnswer,
    now: Date,
  ): { patch: Partial<CustomDomain>; flag: boolean } {
    if (answer.outcome === 'could_not_ask') {
      return {
        patch: {
          ownershipDetail: answer.detail,
          targetDetail: answer.detail,
          attempts: row.attempts + 1,
          nextCheckAt: new Date(now.getTime() + backoff(row.attempts)),
        },
        flag: false,
      };
    }
    const { ownership, target } = answer;
    const targetPatch = {
      targetStatus: target.status,
      targetFound: target.found,
      targetDetail: target.detail,
    };
    const wasVerified = row.status === 'verified' || row.status === 'flagged';
    if (wasVerified) {
      if (ownership.verified) {
        return {
          patch: {
            ...targetPatch,
            status: 'verified',
            ownershipStatus: 'verified',
            ownershipDetail: ownership.detail,
            missingSince: null,
            flaggedAt: null,
            attempts: 0,
            nextCheckAt: new Date(now.getTime() + jitter(DAY)),
          },
          flag: false,
        };
      }
      const missingSince = row.missingSince ?? now;
      const overdue = now.getTime() - missingSince.getTime() >= graceMs;
      const flag = overdue && row.flaggedAt === null;
      return {
        patch: {
          ...targetPatch,
          status: overdue ? 'flagged' : 'verified',
          ownershipStatus: overdue ? 'failed' : 'verified',
          ownershipDetail: `${ownership.detail} (gone since ${missingSince.toISOString()})`,
          missingSince,
          ...(flag ? { flaggedAt: now } : {}),
          nextCheckAt: new Date(now.getTime() + jitter(DAY)),
        },
        flag,
      };
    }
    const verified = ownership.verified && target.status === 'points_here';
    const wrong = (ownership.present && !ownership.verified) || target.status === 'points_elsewhere';
    return {
      patch: {
        ...targetPatch,
        status: verified ? 'verified' : wrong ? 'failed' : 'pending',
        ownershipStatus: ownership.verified ? 'verified' : ownership.present ? 'failed' : 'pending',
        ownershipDetail: ownership.detail,
        attempts: verified ? 0 : row.attempts + 1,
        nextCheckAt: new Date(now.getTime() + (verified ? jitter(DAY) : backoff(row.attempts))),
      },
      flag: false,
    };
  }

  async function flagMails(tx: EntityManager, row: CustomDomain): Promise<void> {
    // The organization's own admins and those of the agency that manages it (a client an agency
    // created may have no admin of its own yet).
    const admins: { email: string }[] = await tx.query(
      `SELECT DISTINCT u.email FROM organization o
         JOIN membership m ON m."organizationId" = o.id OR m."organizationId" = o."parentId"
         JOIN "user" u ON u.id = m."userId"
        WHERE o.id = $1 AND m.role IN ('client_admin', 'agency_admin', 'group_admin')
        ORDER BY u.email`,
      [row.organizationId],
    );
    const host = displayHostname(row.hostname);
    for (const admin of admins) {
      await deps.mail.enqueue(tx, {
        kind: 'domain_flagged',
        to: admin.email,
        subject: `${host}: the ownership record is gone`,
        text: [
          `The TXT record _luster-challenge.${row.hostname} that proves your organization holds ${host} has been missing for 7 days.`,
          `Put it back with the value ${row.token}; the domain keeps serving meanwhile and is not removed.`,
          'If you no longer use this domain, remove it in the admin (Domains).',
        ].join('\n'),
      });
    }
  }

  /** Checks one claimed domain, records the check, releases the lease; true when what it shows changed. */
  async function checkClaimed(row: CustomDomain): Promise<boolean> {
    const answer = await deps.dns.check(row.hostname, row.token);
    const now = deps.clock();
    const { patch, flag } = next(row, answer, now);
    const added = await dataSource.transaction(async (tx) => {
      await tx.insert(DomainCheck, {
        domainId: row.id,
        checkedAt: now,
        outcome: answer.outcome,
        ownership: patch.ownershipStatus ?? row.ownershipStatus,
        ownershipDetail: patch.ownershipDetail ?? row.ownershipDetail,
        target: patch.targetStatus ?? row.targetStatus,
        targetDetail: patch.targetDetail ?? row.targetDetail,
      });
      await tx.update(CustomDomain, { id: row.id }, { ...patch, lastCheckedAt: now, leaseUntil: null });
      if (flag) await flagMails(tx, row);
      if (patch.status !== 'verified') return null;
      const change = await submitAddition(tx, deps.changes, row);
      if (change)
        await tx.update(
          CustomDomain,
          { id: row.id },
          {
            certificateStatus: 'pending',
            certificateDetail:
              'Requested: waiting for the cluster to apply the change and cert-manager to issue it',
          },
        );
      return change;
    });
    if (flag) deps.mail.kick();
    if (added) await settleQuietly(deps.changes, added.id, log);
    return added !== null || shown.some((k) => k in patch && (patch[k] ?? null) !== (row[k] ?? null));
  }

  /** Tells live views once per organization whose domains a batch changed (the host when it was one). */
  async function announceAll(changed: Map<string, string | null>): Promise<void> {
    for (const [organizationId, hostname] of changed)
      await deps
        .announce?.(organizationId, hostname)
        .catch((error) => log.error({ err: error, organizationId }, 'announcing changed domains failed'));
  }

  /**
   * Checks a batch with bounded concurrency. Its changes are announced once per organization at
   * the end: 10,000 domains of one organization coming due together make a few events, not 10,000.
   */
  async function checkAll(rows: CustomDomain[]): Promise<void> {
    let index = 0;
    const changed = new Map<string, string | null>();
    const worker = async () => {
      while (index < rows.length) {
        const row = rows[index++] as CustomDomain;
        await checkClaimed(row)
          .then((moved) => {
            if (moved) changed.set(row.organizationId, changed.has(row.organizationId) ? null : row.hostname);
          })
          .catch(async (error) => {
            log.error({ err: error, hostname: row.hostname }, 'checking a custom domain failed');
            await dataSource.query(`UPDATE custom_domain SET "leaseUntil" = NULL WHERE id = $1`, [row.id]);
          });
      }
    };
    await Promise.all(Array.from({ length: Math.min(deps.concurrency, rows.length) }, worker));
    await announceAll(changed);
  }

  /** Checks every due domain, a batch at a time, until none is due. */
  async function pass(): Promise<void> {
    const batch = deps.concurrency * 4;
    while (!passes.stopped) {
      const due = await claim(batch);
      await checkAll(due);
      if (due.length < batch) return;
    }
  }

  const passes = createPasses(pass, (error) => log.error({ err: error }, 'domain verifier pass failed'));
  let timer: NodeJS.Timeout | undefined;

  return {
    /** One pass now (tests, the benchmark). */
    runOnce: () => passes.kick(),

    /**
     * Checks one domain now ("Check now"): claimed like the loop does, so it never runs beside
     * another replica's check of the same domain; when one is running, waits for it instead.
     */
    async checkNow(id: string): Promise<void> {
      for (let waited = 0; waited < 10_000; waited += 100) {
        const [row] = await claim(1, id);
        if (row) {
          if (await checkClaimed(row)) await announceAll(new Map([[row.organizationId, row.hostname]]));
          return;
        }
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    },

    /** Looks for due domains every `seconds` (0: never). */
    start(seconds: number): void {
      if (seconds <= 0 || timer) return;
      void passes.kick();
      timer = setInterval(() => void passes.kick(), seconds * 1000);
      timer.unref();
    },

    async stop(): Promise<void> {
      if (timer) clearInterval(timer);
      timer = undefined;
      await passes.stop();
    },
  };
}

export type Verifier = ReturnType<typeof createVerifier>;
