/**
 * CPU time spent by the control plane, its embedded PostgreSQL and the git processes it ran, read
 * from /proc (Linux): a closed-loop benchmark is bounded by CPU per request, so the report shows it.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

export interface CpuSample {
  /** This process: the server and the load generator's worker thread. */
  nodeMs: number;
  /** The embedded PostgreSQL: the postmaster and its backends. */
  postgresMs: number;
  /** Child processes this one waited for (git pack-objects, git push…). */
  childrenMs: number;
}

const TICK_MS = 10; // USER_HZ is 100 on Linux

function statFields(pid: string): string[] | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name, which may contain spaces: state is field 3.
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  } catch {
    return null;
  }
}

/** `pgData` is the embedded server's data directory (holding postmaster.pid). */
export function sampleCpu(pgData: string): CpuSample {
  const usage = process.cpuUsage();
  const self = statFields('self');
  const childrenMs = self ? (Number(self[13]) + Number(self[14])) * TICK_MS : 0;
  let postgresMs = 0;
  try {
    const postmaster = readFileSync(path.join(pgData, 'postmaster.pid'), 'utf8').split('\n')[0] as string;
    for (const pid of readdirSync('/proc').filter((p) => /^\d+$/.test(p))) {
      const f = statFields(pid);
      // utime and stime are fields 14 and 15; ppid is field 4 (indexes 11, 12 and 1 here). The
      // postmaster's cutime and cstime (fields 16 and 17) hold its backends that have exited: a
      // pool connection closed while idle must not take its CPU out of the sum.
      if (f && pid === postmaster)
        postgresMs += (Number(f[11]) + Number(f[12]) + Number(f[13]) + Number(f[14])) * TICK_MS;
      else if (f && f[1] === postmaster) postgresMs += (Number(f[11]) + Number(f[12])) * TICK_MS;
    }
  } catch {
    postgresMs = Number.NaN;
  }
  return { nodeMs: (usage.user + usage.system) / 1000, postgresMs, childrenMs };
}

export function cpuSince(before: CpuSample, pgData: string): CpuSample {
  const now = sampleCpu(pgData);
  return {
    nodeMs: now.nodeMs - before.nodeMs,
    postgresMs: now.postgresMs - before.postgresMs,
    childrenMs: now.childrenMs - before.childrenMs,
  };
}
