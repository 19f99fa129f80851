import { isIP } from 'node:net';
import { z } from 'zod';
import type { VariableSpec } from './atoms.js';

const HOSTNAME = /^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$/;

/** `host:port` (an IPv6 address in brackets: `[::1]:53`); the port defaults to 53. */
function resolverAddress(entry: string): string | null {
  const bracketed = /^\[([0-9a-fA-F:.]+)\](?::(\d{1,5}))?$/.exec(entry);
  const plain = /^([0-9.]+)(?::(\d{1,5}))?$/.exec(entry);
  const match = bracketed ?? plain;
  if (!match || isIP(match[1] as string) === 0) return null;
  const port = Number(match[2] ?? 53);
  if (port < 1 || port > 65535) return null;
  return entry;
}

/** A comma-separated list; empty means none. */
const list = <T>(parse: (entry: string) => T | null, what: string) =>
  z.string().transform((raw, ctx): T[] => {
    const entries = raw
      .split(',')
      .map((e) => e.trim())
      .filter((e) => e !== '');
    const parsed = entries.map(parse);
    const bad = entries.filter((_, i) => parsed[i] === null);
    if (bad.length > 0) {
      ctx.addIssue({ code: 'custom', message: `${bad.join(', ')}: each must be ${what}` });
      return z.NEVER;
    }
    return parsed as T[];
  });

/** Custom domains: where their DNS is asked, and what it must point at. */
export const domainsVariables = {
  DNS_RESOLVERS: {
    schema: list(resolverAddress, 'an IP address with an optional port (1.1.1.1:53, [::1]:5353)'),
    default: '',
    doc: "Resolvers that custom domains' TXT and CNAME/A records are checked against, comma-separated host:port; empty uses the system's",
  },
  LUSTER_INGRESS_TARGET: {
    schema: z.string().regex(HOSTNAME, 'must be a lowercase hostname'),
    default: 'ingress.luster.local',
    doc: "The hostname a custom domain's CNAME must point to: the platform's ingress (its load balancer's DNS name)",
  },
  LUSTER_INGRESS_ADDRESSES: {
    schema: list((e) => (isIP(e) === 0 ? null : e), 'an IPv4 or IPv6 address'),
    default: '',
    doc: 'Addresses of the ingress, comma-separated: an apex domain (which cannot hold a CNAME) points its A/AAAA records at one of them',
  },
  DOMAIN_DNS_TIMEOUT_MS: {
    schema: z.coerce.number().int().min(100).max(60000),
    default: '3000',
    doc: 'How long one DNS question may take before the check counts as "could not ask" (the domain keeps its state)',
  },
  DOMAIN_CHECK_CONCURRENCY: {
    schema: z.coerce.number().int().min(1).max(1000),
    default: '16',
    doc: 'Domains one replica checks at the same time',
  },
  DOMAIN_CHECK_INTERVAL_SECONDS: {
    schema: z.coerce.number().int().min(0),
    default: '15',
    doc: 'How often the verifier looks for due domains (pending ones back off from 30 s to 1 h, verified ones are re-checked daily); 0 turns it off',
  },
} as const satisfies Record<string, VariableSpec>;
