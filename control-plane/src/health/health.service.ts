import fs from 'node:fs';
import git from 'isomorphic-git';
import type { DataSource } from 'typeorm';

export interface HealthCheck {
  name: 'database' | 'gitops-repo' | 'gitops-layout';
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

async function layoutCheck(
  legacyClusters: () => Promise<string[]>,
  withTimeout: <T>(promise: Promise<T>, what: string) => Promise<T>,
): Promise<HealthCheck> {
  try {
    const legacy = await withTimeout(legacyClusters(), 'layout check');
    if (legacy.length === 0) return { name: 'gitops-layout', ok: true };
    return {
      name: 'gitops-layout',
      ok: false,
      message: `cluster ${legacy.join(', ')} in the legacy fleet layout: tenant changes to it are refused until \`luster fleet-layout upgrade\` (docs/fleet-layout.md)`,
    };
  } catch (error) {
    return { name: 'gitops-layout', ok: false, message: (error as Error).message || String(error) };
  }
}

/**
 * Readiness: the database answers and the GitOps repo's `main` can be read. Serves /readyz and
 * GraphQL `health`. `gitops-layout` is reported, not counted: a repository still in the legacy
 * layout pauses tenant changes, but the admin and the API must stay reachable meanwhile.
 */
export function createHealthService(input: {
  dataSource: DataSource;
  gitdir: string;
  timeoutMs?: number;
  /** Clusters still in the legacy fleet layout (changes service). @default none checked */
  legacyClusters?: () => Promise<string[]>;
}) {
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
      const ready = checks.every((c) => c.ok);
      if (input.legacyClusters) checks.push(await layoutCheck(input.legacyClusters, withTimeout));
      return { ready, checks };
    },
  };
}

export type HealthService = ReturnType<typeof createHealthService>;
