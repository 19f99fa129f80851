import { domainToASCII, domainToUnicode } from 'node:url';
import { hostnameProblem } from '@luster/synth';
import { InvalidInputError } from '../errors/index.js';

/** The TXT record that proves ownership lives here: `_luster-challenge.<hostname>`. */
export const CHALLENGE_LABEL = '_luster-challenge';

/**
 * A hostname as people type it → the stored form: trimmed, lowercase, no trailing dot, and an IDN
 * in punycode (`bücher.example` → `xn--bcher-kva.example`), which is what DNS, the Ingress and
 * cert-manager all use. Refuses wildcards, bare labels, IP addresses and anything DNS cannot hold,
 * naming the problem.
 */
export function normalizeHostname(input: string): string {
  const typed = input.trim().replace(/\.$/, '');
  const invalid = (message: string) =>
    new InvalidInputError({ code: 'domain_invalid', message, issues: [{ path: 'hostname', message }] });
  if (typed.includes('*')) throw invalid('Wildcard domains are not supported: add each host on its own');
  if (/[/:@\s]/.test(typed))
    throw invalid(`'${typed}' is not a hostname: give it without scheme, port or path`);
  const ascii = domainToASCII(typed.toLowerCase());
  if (!ascii) throw invalid(`'${typed}' is not a valid domain name`);
  const problem = hostnameProblem(ascii);
  if (problem) throw invalid(`'${typed}' ${problem}`);
  return ascii;
}

/** How a stored hostname is shown to people: Unicode for an IDN. */
export const displayHostname = (ascii: string): string => domainToUnicode(ascii) || ascii;

/**
 * Refuses hostnames the platform itself owns: every tenant is served at `<slug>.<baseDomain>`, so a
 * claim under the base domain could take over another tenant's address (or the platform's).
 */
export function refuseUnderBaseDomain(hostname: string, baseDomain: string): void {
  if (hostname === baseDomain || hostname.endsWith(`.${baseDomain}`)) {
    const message = `Hosts under the platform's own domain (${baseDomain}) cannot be added as custom domains`;
    throw new InvalidInputError({ code: 'domain_invalid', message, issues: [{ path: 'hostname', message }] });
  }
}
