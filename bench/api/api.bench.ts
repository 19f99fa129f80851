/**
 * The API's targets on a real control plane (embedded PostgreSQL, bare GitOps repo, synth from
 * source, production scrypt cost), with the HTTP client in a worker thread:
 *   1. POST /registrations → 201 after the provision commit is on main: p95 with registrations
 *      arriving at 10/s, and the saturation throughput against the hash bound (registrations.ts);
 *   2. GET /organizations p95 with 10,000 organizations in a three-level tree (org-list.ts).
 *   npm run bench -- api
 */
import os from 'node:os';
import { writeSection } from '../results.mjs';
import { organizationListSection } from './org-list.js';
import { registrationSection } from './registrations.js';

// The machine may be shared: what else ran shows in the load average, reported with the numbers.
const loadBefore = os.loadavg()[0] ?? 0;
const rows = [
  'Command: `npm run bench -- api` (embedded PostgreSQL, bare GitOps repo, synth from source; HTTP client in a worker thread).',
  '',
  ...(await registrationSection()),
  '',
  ...(await organizationListSection()),
  '',
  `Load average (1 min) when the run started: ${loadBefore.toFixed(2)} on ${os.availableParallelism()} cores.`,
];
await writeSection('api', rows.join('\n'));
process.stdout.write(`${rows.join('\n')}\n`);
