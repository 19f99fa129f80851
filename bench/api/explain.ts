/**
 * `BENCH_API_EXPLAIN=1`: the plan and timing of every statement one request sends, from
 * `EXPLAIN (ANALYZE, BUFFERS)` on the seeded database. A shared machine distorts latencies far
 * more than a statement's execution time, so this is what to compare before and after a change.
 */
import type { DataSource } from 'typeorm';
import { load } from '../support/load.js';
import { recordStatements } from './queries.js';

/** Sends `path` once and writes each of its SELECTs' plans to stderr, headed by `label`. */
export async function explainRequest(
  ds: DataSource,
  api: string,
  label: string,
  path: string,
  headers: Record<string, string>,
): Promise<void> {
  const stop = recordStatements();
  await load(api, [{ method: 'GET', path, headers }]);
  const statements = stop();
  process.stderr.write(`\n=== ${label}: ${statements.length} statements\n`);
  for (const { text, values } of statements) {
    process.stderr.write(`\n${text.replace(/\s+/g, ' ').slice(0, 160)}\n`);
    if (!/^\s*(SELECT|WITH)\b/i.test(text)) continue;
    const plan: { 'QUERY PLAN': string }[] = await ds.query(`EXPLAIN (ANALYZE, BUFFERS) ${text}`, values);
    for (const line of plan) process.stderr.write(`  ${line['QUERY PLAN']}\n`);
  }
}
