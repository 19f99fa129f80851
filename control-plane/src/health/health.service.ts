import fs from 'node:fs';
import git from 'isomorphic-git';
import type { DataSource } from 'typeorm';

export interface HealthCheck {
  name: 'database' | 'gitops-repo';
  ok: boolean;
  message?: string;
}

export interface Health {
  ready: boolean;
  checks: HealthCheck[];
}

async function check(name: HealthCheck['name'], probe: () => Promise<unknown>): Promise<HealthCheck> {
  try {
    await probe();
    return { name, ok: true };
  } catch (error) {
    return { name, ok: false, message: (error as Error).message || String(error) };
  }
}

/** Readiness: the database answers and the GitOps repo's `main` can be read. Serves /readyz and GraphQL `health`. */
export function createHealthService(input: { dataSource: DataSource; gitdir: string; timeoutMs?: number }) {
  const timeoutMs = input.timeoutMs ?? 2000;
  const withTimeout = <T>(promise: Promise<T>, what: string) =>
    Promise.race([
      promise,
      new Promise<never>((_, reject) =>
        setTimeout(() => reject(new Error(`${what} timed out`)), timeoutMs).unref(),
      ),
    ]);
  return {
    async readiness(): Promise<Health> {
      const checks = await Promise.all([
        check('database', () => withTimeout(input.dataSource.query('SELECT 1'), 'database query')),
        check('gitops-repo', () =>
          withTimeout(
            git.resolveRef({ fs, gitdir: input.gitdir, ref: 'refs/heads/main' }),
            'repository read',
          ),
        ),
      ]);
      return { ready: checks.every((c) => c.ok), checks };
    },
  };
}

export type HealthService = ReturnType<typeof createHealthService>;
