import type { CustomDomain, OwnershipState, TargetState } from './domains.entities.js';
import { CHALLENGE_LABEL, displayHostname } from './hostname.js';

export const certificateStates = ['pending', 'issued', 'failed'] as const;
export type CertificateState = (typeof certificateStates)[number];

/**
 * Where a certificate line comes from: `object_report`, the cluster's report on the host's own
 * Certificate; `tenant_status`, derived from the tenant as a whole (no report names it yet).
 */
export type CertificateSource = 'object_report' | 'tenant_status';

export interface CertificateLine {
  status: CertificateState;
  detail: string;
  source: CertificateSource;
}

export type DomainStatus = 'pending' | 'verified' | 'serving' | 'failed' | 'flagged';

/** What the API answers for one domain: the records to create and the three status lines. */
export interface DomainView {
  hostname: string;
  /** The hostname as people read it (Unicode for an IDN). */
  displayName: string;
  status: DomainStatus;
  primary: boolean;
  /** Whether the host is in the tenant's Ingress and Certificates on the main branch's intent. */
  inIngress: boolean;
  ownership: { status: OwnershipState; record: { type: 'TXT'; name: string; value: string }; detail: string };
  target: {
    status: TargetState;
    record: { type: 'CNAME'; name: string; value: string };
    /** For an apex domain, which cannot hold a CNAME: A/AAAA records at the ingress instead. */
    alternatives: { type: 'A' | 'AAAA'; name: string; value: string }[];
    found?: string;
    detail: string;
  };
  certificate: CertificateLine;
  lastCheckedAt: string | null;
  /** Since when the TXT record has been gone (a verified domain), null while it is there. */
  missingSince: string | null;
}

/** What the view needs besides the domain row: the tenant's intent and the certificate's line. */
export interface DomainContext {
  customDomains: readonly string[];
  primaryDomain: string | null;
  certificate: CertificateLine;
  ingressTarget: string;
  ingressAddresses: readonly string[];
}

export function domainView(row: CustomDomain, ctx: DomainContext): DomainView {
  const inIngress = ctx.customDomains.includes(row.hostname);
  const certificate = inIngress
    ? ctx.certificate
    : {
        status: 'pending' as const,
        detail: 'Requested once ownership and the DNS target are verified',
        source: 'tenant_status' as const,
      };
  const serving =
    row.status === 'verified' &&
    inIngress &&
    row.targetStatus === 'points_here' &&
    certificate.status === 'issued';
  return {
    hostname: row.hostname,
    displayName: displayHostname(row.hostname),
    status: serving ? 'serving' : row.status,
    primary: ctx.primaryDomain === row.hostname,
    inIngress,
    ownership: {
      status: row.ownershipStatus,
      record: { type: 'TXT', name: `${CHALLENGE_LABEL}.${row.hostname}`, value: row.token },
      detail: row.ownershipDetail,
    },
    target: {
      status: row.targetStatus,
      record: { type: 'CNAME', name: row.hostname, value: ctx.ingressTarget },
      alternatives: ctx.ingressAddresses.map((value) => ({
        type: value.includes(':') ? ('AAAA' as const) : ('A' as const),
        name: row.hostname,
        value,
      })),
      ...(row.targetFound ? { found: row.targetFound } : {}),
      detail: row.targetDetail,
    },
    certificate,
    lastCheckedAt: row.lastCheckedAt?.toISOString() ?? null,
    missingSince: row.missingSince?.toISOString() ?? null,
  };
}
