/**
 * The API's targets on a real control plane (embedded PostgreSQL, bare GitOps repo, synth from
 * source, production password-hash cost), with the HTTP client in a worker thread:
 *   1. POST /registrations → 201 after the provision commit is on main: p95 with registrations
 *      arriving at 10/s, and the saturation throughput against the hash bound (registrations.ts);
 *   2. GET /organizations p95 with 10,000 organizations in a three-level tree (org-list.ts).
 *   npm run bench -- api              (the full run; rewrites its section of bench/RESULTS.md)
 *   node bench/api/run.mjs --quick    (30 registrations per run, 30 list requests: proves it works, prints only)
 *   node bench/api/run.mjs --list     (the list alone, or BENCH_API_ONLY=list npm run bench -- api; prints only)
 * A run smaller than the full one (--quick, or BENCH_API_* below the defaults) never writes
 * RESULTS.md: its numbers answer a different question than the targets'.
 */
import os from 'node:os';
import { writeSection } from '../results.mjs';
import { fullListRun, organizationListSection } from './org-list.js';
import { fullRegistrationRun, registrationSection } from './registrations.js';

/** The list alone: measured in a minute without the registrations' three, never written to RESULTS.md. */
const listOnly = process.argv.includes('--list') || process.env.BENCH_API_ONLY === 'list';
// The machine may be shared: what else ran shows in the load average, reported with the numbers.
const loadBefore = os.loadavg()[0] ?? 0;
const rows = [
  'Command: `npm run bench -- api` (embedded PostgreSQL, bare GitOps repo, synth from source; HTTP client in a worker thread).',
  '',
  ...(listOnly ? [] : [...(await registrationSection()), '']),
  ...(await organizationListSection()),
  '',
  `Load average (1 min) when the run started: ${loadBefore.toFixed(2)} on ${os.availableParallelism()} cores.`,
];
if (!listOnly && fullRegistrationRun && fullListRun) await writeSection('api', rows.join('\n'));
else process.stdout.write('(a small run: bench/RESULTS.md left as it is)\n');
process.stdout.write(`${rows.join('\n')}\n`);
