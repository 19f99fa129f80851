/**
 * One request at a time against a running control plane, timed: the latency probes of the
 * benchmarks that measure the API while something else runs (or as their baseline).
 */
import { percentile } from './load.js';

/** A JSON call to `${base}/api/v1`; a 4xx or 5xx throws with the answer (a bench has no expected errors). */
export function jsonApi(base: string) {
  return async (method: string, url: string, token?: string, body?: unknown) => {
    const res = await fetch(`${base}/api/v1${url}`, {
      method,
      headers: {
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...(token ? { authorization: `Bearer ${token}` } : {}),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    if (res.status >= 400) throw new Error(`${method} ${url}: ${res.status} ${text}`);
    return text ? JSON.parse(text) : null;
  };
}

/** The milliseconds of each of `n` calls, one after the other. */
export async function timed(n: number, call: (i: number) => Promise<unknown>): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < n; i++) {
    const start = performance.now();
    await call(i);
    times.push(performance.now() - start);
  }
  return times;
}

/** `| name | n | p50 | p95 |` cells of a probe's latencies (two decimals). */
export function probeCells(times: number[]): string {
  const ms = (n: number) => n.toFixed(2);
  return `${times.length} | ${ms(percentile(times, 50))} | ${ms(percentile(times, 95))}`;
}
