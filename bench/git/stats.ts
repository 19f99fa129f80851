// Small helpers shared by the git benchmark sections.
import { readFileSync } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';

export interface Summary {
  median: number;
  p90: number;
  n: number;
}

export function summarize(samples: number[]): Summary {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? Number.NaN;
  return { median: at(0.5), p90: at(0.9), n: sorted.length };
}

export async function timed<T>(fn: () => Promise<T>): Promise<[number, T]> {
  const started = performance.now();
  const result = await fn();
  return [performance.now() - started, result];
}

/** Bytes on disk of a folder, counting each file's allocated blocks (like `du`). */
export async function diskUsage(dir: string): Promise<number> {
  let total = 0;
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) total += await diskUsage(path);
    else total += (await stat(path)).blocks * 512;
  }
  return total;
}

export const ms = (value: number) => (value >= 100 ? value.toFixed(0) : value.toFixed(1));
export const kib = (bytes: number) => (bytes / 2 ** 10).toFixed(0);
export const mib = (bytes: number) => (bytes / 2 ** 20).toFixed(1);
export const ratio = (a: number, b: number) => `${(a / b).toFixed(2)}×`;
export const check = (ok: boolean) => (ok ? 'met' : '**missed**');

/**
 * CPU seconds spent so far by this process and the children it waited for (git), from
 * /proc/self/stat; `undefined` off Linux. On a shared machine a phase's wall time says little about
 * an idle run, its CPU time much more.
 */
export function cpuSeconds(): number | undefined {
  try {
    const stat = readFileSync('/proc/self/stat', 'utf8');
    // Fields after the command's closing parenthesis start at field 3; utime, stime, cutime and
    // cstime are fields 14-17, in clock ticks (100 per second on Linux).
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return fields.slice(11, 15).reduce((sum, ticks) => sum + Number(ticks), 0) / 100;
  } catch {
    return undefined;
  }
}
