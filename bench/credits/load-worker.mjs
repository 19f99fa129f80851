// Load generator for credits.bench.ts, on its own thread so that the client's event loop does not
// share one with the server it measures. Reports throughput, p50/p95/p99 and every status seen.
import http from 'node:http';
import { parentPort, workerData } from 'node:worker_threads';

const { url, concurrency, requests, rate, warmup = 0 } = workerData;
const agent = new http.Agent({ keepAlive: true, maxSockets: concurrency });

function send({ body, headers }) {
  return new Promise((resolve, reject) => {
    const req = http.request(
      url,
      {
        method: body ? 'POST' : 'GET',
        agent,
        headers: { ...headers, ...(body ? { 'content-length': Buffer.byteLength(body) } : {}) },
      },
      (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

const latencies = [];
const statuses = {};
let next = 0;
const started = process.hrtime.bigint();
async function timed(job, counted = true) {
  const t0 = process.hrtime.bigint();
  const status = await send(job);
  if (!counted) return;
  latencies.push(Number(process.hrtime.bigint() - t0) / 1e6);
  statuses[status] = (statuses[status] ?? 0) + 1;
}
if (rate) {
  // Open loop: requests start on a fixed schedule whatever the answers, as a CMS's reports
  // arrive; latency then includes any queueing the server causes at that rate.
  const inFlight = [];
  const intervalNs = 1e9 / rate;
  for (let i = 0; i < requests.length; i++) {
    const due = started + BigInt(Math.round(i * intervalNs));
    const wait = Number(due - process.hrtime.bigint()) / 1e6;
    if (wait > 1) await new Promise((r) => setTimeout(r, wait));
    // The first `warmup` requests open this worker's connections; they are not counted.
    inFlight.push(timed(requests[i], i >= warmup));
  }
  await Promise.all(inFlight);
} else {
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < requests.length) await timed(requests[next++]);
    }),
  );
}
const seconds = Number(process.hrtime.bigint() - started) / 1e9;
latencies.sort((a, b) => a - b);
const q = (p) => latencies[Math.min(latencies.length - 1, Math.floor(p * latencies.length))] ?? 0;
agent.destroy();
parentPort.postMessage({
  perSecond: requests.length / seconds,
  p50: q(0.5),
  p95: q(0.95),
  p99: q(0.99),
  statuses,
});
