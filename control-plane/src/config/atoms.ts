import { isIP } from 'node:net';
import { z } from 'zod';

// The parsers the variable tables (config/*-variables.ts) share.

export const bool = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((v) => ['true', '1', 'yes'].includes(v));
// 0 asks the kernel for a free port (tests; printed at start-up).
export const port = z.coerce.number().int().min(0).max(65535);
export const optionalUrl = z.url().optional();
export const nonEmpty = z.string().min(1);
/** proxy-addr's names for address ranges, accepted in a TRUST_PROXY list as Express accepts them. */
const proxyRanges = ['loopback', 'linklocal', 'uniquelocal'];
function isProxyAddress(entry: string): boolean {
  if (proxyRanges.includes(entry)) return true;
  const [address = '', prefix, ...rest] = entry.split('/');
  const family = isIP(address);
  if (family === 0 || rest.length > 0) return false;
  if (prefix === undefined) return true;
  return /^\d+$/.test(prefix) && Number(prefix) <= (family === 4 ? 32 : 128);
}
/**
 * Express's 'trust proxy' as a value it cannot misread: `true` was "trust every hop", which let a
 * client choose its own address by prepending to X-Forwarded-For; here it means one hop (the
 * proxy in front of us). A number is a hop count; a list names the proxies' addresses or CIDRs.
 */
export const trustProxy = z.string().transform((raw, ctx): false | number | string[] => {
  const value = raw.trim();
  if (['false', 'no', '0'].includes(value)) return false;
  if (['true', 'yes'].includes(value)) return 1;
  if (/^\d{1,2}$/.test(value)) return Number(value);
  const entries = value.split(',').map((entry) => entry.trim());
  if (entries.every(isProxyAddress)) return entries;
  ctx.addIssue({
    code: 'custom',
    message:
      'must be true, false, a hop count, or comma-separated proxy addresses/CIDRs (loopback, linklocal, uniquelocal allowed)',
  });
  return z.NEVER;
});

/** One variable: its parser, its default, whether `<NAME>_FILE` may hold it, and its README line. */
export interface VariableSpec {
  schema: z.ZodType;
  default?: string;
  secret?: boolean;
  doc: string;
}
