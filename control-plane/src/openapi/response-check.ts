import type { RouteDoc } from './registry.js';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Keys the answer sends that the schema does not declare: zod strips them silently, so without
 * this a field the server sends and the admin's generated types do not know would go unnoticed.
 */
function undeclaredKeys(sent: unknown, kept: unknown, at: string): string[] {
  if (Array.isArray(sent) && Array.isArray(kept))
    return sent.flatMap((item, i) => undeclaredKeys(item, kept[i], `${at}[${i}]`));
  if (isRecord(sent) && isRecord(kept))
    return Object.keys(sent).flatMap((key) =>
      key in kept ? undeclaredKeys(sent[key], kept[key], `${at}.${key}`) : [`${at}.${key}`],
    );
  return [];
}

/**
 * Why an answer breaks what the route documents for its status, or null when it keeps to it.
 * The body is checked as the client receives it (after JSON encoding: dates are strings), and
 * fields the schema does not declare count as a break, so the OpenAPI document describes the
 * wire exactly.
 */
export function responseMismatch(doc: RouteDoc, status: number, body: unknown): string | null {
  const where = `${doc.method.toUpperCase()} ${doc.path} → ${status}`;
  const spec = doc.responses[status];
  if (!spec) return `${where} is not a documented status`;
  if (body === undefined) return spec.schema ? `${where} documents a body but sent none` : null;
  if (!spec.schema) return `${where} sent a body but documents none`;
  const wire = JSON.parse(JSON.stringify(body)) as Json;
  const result = spec.schema.safeParse(wire);
  if (!result.success)
    return `${where}: ${result.error.issues.map((i) => `body.${i.path.join('.')}: ${i.message}`).join('; ')}`;
  const extra = undeclaredKeys(wire, result.data, 'body');
  return extra.length ? `${where} sends undeclared fields: ${extra.join(', ')}` : null;
}
