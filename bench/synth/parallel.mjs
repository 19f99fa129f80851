// Renders <tenants> in memory on <jobs> worker threads and times the whole run, start-up
// included: node parallel.mjs <synth|plain> <tenants> <jobs>. Prints one JSON line.
import { Worker } from 'node:worker_threads';

const [impl, count, jobs] = [process.argv[2], Number(process.argv[3]), Number(process.argv[4])];
const started = performance.now();
const cpu = process.cpuUsage();
const results = await Promise.all(
  Array.from(
    { length: jobs },
    (_, job) =>
      new Promise((resolve, reject) => {
        const worker = new Worker(new URL('./parallel-worker.mjs', import.meta.url), {
          workerData: { impl, count, jobs, job },
        });
        worker.on('message', resolve);
        worker.on('error', reject);
      }),
  ),
);
const wallMs = performance.now() - started;
const { user, system } = process.cpuUsage(cpu);
process.stdout.write(
  `${JSON.stringify({
    impl,
    tenants: results.reduce((sum, r) => sum + r.tenants, 0),
    jobs,
    wallMs,
    cpuMs: (user + system) / 1000,
    bytes: results.reduce((sum, r) => sum + r.bytes, 0),
    maxRssMiB: process.resourceUsage().maxRSS / 1024,
  })}\n`,
);
