import { z } from 'zod';
import { text } from '../http/text.js';

export const orgParams = z.strictObject({ id: text().min(1).max(100) });
export const hostParams = z.strictObject({
  id: text().min(1).max(100),
  hostname: text().min(1).max(300).meta({ description: 'The hostname as stored (punycode) or in Unicode' }),
});
export const addBody = z.strictObject({
  hostname: text().min(1).max(300).meta({
    description: 'A fully qualified hostname such as shop.example.com; an IDN may be given in Unicode',
  }),
});

const record = <T extends string>(type: T) =>
  z.object({ type: z.literal(type), name: z.string(), value: z.string() });

export const domainSchema = z.object({
  hostname: z.string().meta({ description: 'Lowercase, punycode for an IDN: the key in the URLs' }),
  displayName: z.string().meta({ description: 'The hostname as people read it (Unicode for an IDN)' }),
  status: z.enum(['pending', 'verified', 'serving', 'failed', 'flagged']).meta({
    description:
      'serving: ownership verified, DNS pointing here and the certificate issued; flagged: the ownership record has been gone for 7 days (never removed silently)',
  }),
  primary: z.boolean().meta({ description: 'The canonical host: the other custom domains redirect to it' }),
  inIngress: z
    .boolean()
    .meta({ description: "Whether the host is in the tenant's Ingress and Certificates" }),
  ownership: z.object({
    status: z.enum(['pending', 'verified', 'failed']),
    record: record('TXT').meta({ description: 'The record to create: its name holds the token' }),
    detail: z.string().meta({ description: 'What the last TXT lookup returned, in words' }),
  }),
  target: z.object({
    status: z.enum(['pending', 'points_here', 'points_elsewhere', 'no_record']),
    record: record('CNAME').meta({ description: "The record to create: a CNAME to the platform's ingress" }),
    alternatives: z
      .array(z.object({ type: z.enum(['A', 'AAAA']), name: z.string(), value: z.string() }))
      .meta({ description: 'For an apex domain (no CNAME possible): address records at the ingress' }),
    found: z.string().optional().meta({ description: 'What the CNAME or address record points to' }),
    detail: z.string(),
  }),
  certificate: z.object({
    status: z.enum(['pending', 'issued', 'failed']),
    detail: z
      .string()
      .meta({ description: "The cluster's words: Flux's health checks or Argo CD's resource health" }),
    source: z.enum(['object_report', 'tenant_status']).meta({
      description:
        "object_report: the cluster's report on this host's own Certificate; tenant_status: derived from the tenant's sync status (no report names the Certificate yet)",
    }),
  }),
  lastCheckedAt: z.string().nullable(),
  missingSince: z.string().nullable().meta({ description: 'Since when the ownership record has been gone' }),
});

export const domainListSchema = z.object({ items: z.array(domainSchema) });
