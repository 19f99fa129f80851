// The load generator of every HTTP benchmark, on its own thread so that the client's event loop
// does not share one with the server it measures (see load.ts for the options and the answer).
import http from 'node:http';
import { parentPort, workerData } from 'node:worker_threads';

const { url, requests, concurrency, rate, warmup = 0 } = workerData;
// An open loop must not queue behind its own sockets, or its latency would hide the server's.
const agent = new http.Agent({ keepAlive: true, maxSockets: concurrency ?? Number.POSITIVE_INFINITY });

function send({ method, path = '', body, headers, keep }) {
  return new Promise((resolve, reject) => {
    const req = http.request(
      url + path,
      {
        method: method ?? (body ? 'POST' : 'GET'),
        agent,
        headers: {
          ...(body ? { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } : {}),
          ...headers,
        },
      },
      (res) => {
        const chunks = [];
        if (keep) res.on('data', (chunk) => chunks.push(chunk));
        else res.resume();
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString() }));
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

const latencies = [];
const statuses = {};
const bodies = [];
const started = process.hrtime.bigint();
async function timed(job, counted) {
  const t0 = process.hrtime.bigint();
  const { status, body } = await send(job);
  if (!counted) return;
  latencies.push(Number(process.hrtime.bigint() - t0) / 1e6);
  statuses[status] = (statuses[status] ?? 0) + 1;
  if (job.keep) bodies.push(body);
}
if (rate) {
  // Open loop: requests start on a fixed schedule whatever the answers, as users and clusters
  // send them; latency then includes any queueing the server causes at that rate.
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
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency ?? 1 }, async () => {
      for (let i = next++; i < requests.length; i = next++) await timed(requests[i], i >= warmup);
    }),
  );
}
const seconds = Number(process.hrtime.bigint() - started) / 1e9;
agent.destroy();
parentPort.postMessage({ latencies, statuses, bodies, seconds, perSecond: requests.length / seconds });
