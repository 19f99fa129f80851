import { Resolver } from 'node:dns/promises';
import { CHALLENGE_LABEL } from './hostname.js';

export interface DnsSettings {
  /** DNS_RESOLVERS: `host:port` entries; empty uses the system's resolvers. */
  servers: readonly string[];
  /** DOMAIN_DNS_TIMEOUT_MS: one question's budget before it counts as "could not ask". */
  timeoutMs: number;
  /** LUSTER_INGRESS_TARGET. */
  ingressTarget: string;
  /** LUSTER_INGRESS_ADDRESSES: what an apex domain's A/AAAA may point at. */
  ingressAddresses: readonly string[];
}

/** What one look at a domain's DNS found, in the words the admin shows. */
export type DnsAnswer =
  | {
      outcome: 'answered';
      ownership: { verified: boolean; detail: string /** TXT present at all. */; present: boolean };
      target: {
        status: 'points_here' | 'points_elsewhere' | 'no_record';
        found: string | null;
        detail: string;
      };
    }
  | { outcome: 'could_not_ask'; detail: string };

/** Resolver answers that mean "the name has no such record", as opposed to "no answer came". */
const NO_RECORD = new Set(['ENODATA', 'ENOTFOUND', 'NXDOMAIN']);

class CouldNotAsk extends Error {}

/**
 * Asks DNS whether `hostname` is ready: the TXT record `_luster-challenge.<hostname>` holding
 * `token`, and a CNAME to the ingress target (or, for an apex that cannot hold a CNAME, an A/AAAA
 * record at one of the ingress addresses). A timeout, SERVFAIL or refused query is "could not ask",
 * never "no record": the verifier keeps the domain's state on such an answer.
 */
export function createDnsCheck(settings: DnsSettings) {
  const target = settings.ingressTarget.toLowerCase();
  const addresses = new Set(settings.ingressAddresses.map((a) => a.toLowerCase()));

  function resolver(): Resolver {
    const r = new Resolver({ timeout: settings.timeoutMs, tries: 1 });
    if (settings.servers.length > 0) r.setServers([...settings.servers]);
    return r;
  }

  /** The records, `[]` when the name has none, or CouldNotAsk. */
  async function ask<T>(question: () => Promise<T[]>): Promise<T[]> {
    try {
      return await question();
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code ?? '';
      if (NO_RECORD.has(code)) return [];
      throw new CouldNotAsk(code || (error as Error).message);
    }
  }

  async function ownership(r: Resolver, hostname: string, token: string) {
    const name = `${CHALLENGE_LABEL}.${hostname}`;
    const values = (await ask(() => r.resolveTxt(name))).map((chunks) => chunks.join(''));
    if (values.length === 0) return { verified: false, present: false, detail: `No TXT record at ${name}` };
    if (values.includes(token))
      return { verified: true, present: true, detail: `TXT record at ${name} holds the token` };
    const shown = values.map((v) => `"${v.length > 80 ? `${v.slice(0, 80)}…` : v}"`).join(', ');
    return { verified: false, present: true, detail: `TXT record at ${name} holds ${shown}, not the token` };
  }

  async function pointing(r: Resolver, hostname: string) {
    const cnames = (await ask(() => r.resolveCname(hostname))).map(bare);
    if (cnames.length > 0) {
      const found = cnames[0] as string;
      return found === target
        ? { status: 'points_here' as const, found, detail: `CNAME points to ${found}` }
        : {
            status: 'points_elsewhere' as const,
            found,
            detail: `CNAME points to ${found}, not to ${target}`,
          };
    }
    const [v4, v6] = await Promise.all([ask(() => r.resolve4(hostname)), ask(() => r.resolve6(hostname))]);
    const ips = [...v4, ...v6].map((a) => a.toLowerCase());
    if (ips.length === 0)
      return {
        status: 'no_record' as const,
        found: null,
        detail: `No CNAME or A/AAAA record at ${hostname}`,
      };
    const here = ips.find((ip) => addresses.has(ip));
    if (here)
      return { status: 'points_here' as const, found: here, detail: `Address record points to ${here}` };
    const found = ips.join(', ');
    return {
      status: 'points_elsewhere' as const,
      found,
      detail: `Address record points to ${found}, not to the platform (CNAME to ${target})`,
    };
  }

  return {
    async check(hostname: string, token: string): Promise<DnsAnswer> {
      const r = resolver();
      try {
        const [own, tgt] = await Promise.all([ownership(r, hostname, token), pointing(r, hostname)]);
        return { outcome: 'answered', ownership: own, target: tgt };
      } catch (error) {
        if (!(error instanceof CouldNotAsk)) throw error;
        return { outcome: 'could_not_ask', detail: `Could not ask the DNS resolver (${error.message})` };
      } finally {
        r.cancel();
      }
    },
  };
}

export type DnsCheck = ReturnType<typeof createDnsCheck>;

const bare = (name: string) => name.toLowerCase().replace(/\.$/, '');
