// Sends `requests` from `clients` concurrent loops (each loop sequential), off the server's
// event loop, and reports every latency in ms plus the answers' statuses.
import { parentPort, workerData } from 'node:worker_threads';

const { url, clients, requests } = workerData;
const latencies = [];
const statuses = {};
const bodies = [];
let next = 0;
const started = performance.now();
async function loop() {
  for (;;) {
    const i = next++;
    if (i >= requests.length) return;
    const r = requests[i];
    const t0 = performance.now();
    const res = await fetch(url + r.path, {
      method: r.method,
      headers: { ...(r.body ? { 'content-type': 'application/json' } : {}), ...(r.headers ?? {}) },
      body: r.body,
    });
    const text = await res.text();
    latencies.push(performance.now() - t0);
    statuses[res.status] = (statuses[res.status] ?? 0) + 1;
    if (r.keep) bodies.push(text);
  }
}
await Promise.all(Array.from({ length: clients }, loop));
parentPort.postMessage({ latencies, statuses, bodies, seconds: (performance.now() - started) / 1000 });
