/**
 * HTTP load for the benchmarks: requests sent from a worker thread (load-worker.mjs), either by
 * `concurrency` closed loops (each sends its next request when the last one answered: the
 * server's saturation throughput) or started at `rate` per second whatever the answers (an open
 * loop: the latency users see at that arrival rate, queueing included).
 */
import { Worker } from 'node:worker_threads';

export interface Job {
  /** @default 'POST' with a body, 'GET' without */
  method?: string;
  /** Appended to the load's `url`. @default '' */
  path?: string;
  /** A JSON body. */
  body?: string;
  headers?: Record<string, string>;
  /** Keep the answer's body in `bodies`. @default false */
  keep?: boolean;
}

export interface LoadOptions {
  /** Closed loops in flight; with `rate`, the most sockets open at once. @default 1, unbounded with `rate` */
  concurrency?: number;
  /** Requests started per second (open loop); without it the loops are closed. */
  rate?: number;
  /** The first `warmup` requests open connections and are not counted. @default 0 */
  warmup?: number;
}

export interface LoadResult {
  /** Milliseconds per counted request, in the order they answered. */
  latencies: number[];
  /** How many counted requests answered with each status. */
  statuses: Record<string, number>;
  /** The bodies of the counted `keep` requests. */
  bodies: string[];
  seconds: number;
  /** All requests (warm-up included) over the run's seconds. */
  perSecond: number;
}

export function load(url: string, requests: Job[], options: LoadOptions = {}): Promise<LoadResult> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./load-worker.mjs', import.meta.url), {
      workerData: { url, requests, ...options },
    });
    worker.once('message', resolve);
    worker.once('error', reject);
  });
}

/** The nearest-rank percentile `p` (0–100) of `values`; NaN when there are none. */
export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;
}

/** Every answer had `status`. */
export function allAnswered(r: LoadResult, status: number): boolean {
  return Object.keys(r.statuses).every((s) => s === String(status));
}
