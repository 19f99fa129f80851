import { runGit } from '../git-cli.js';
import type { CommitMessage } from '../history/commit-message.js';
import type { FileWrite, TenantChange } from '../port.js';

export const bot = { name: 'Luster Bot', email: 'bot@luster.example' };
export const jane = { name: 'Jane Doe', email: 'jane@acme.example' };

/** The decided layout, as `@luster/synth`'s `tenantDir(cluster, slug)` will return it. */
export function tenantDir(slug: string, cluster = 'prod'): string {
  return `tenants/${cluster}/${slug.slice(0, 2)}/${slug}`;
}

export function message(slug: string, extra: Partial<CommitMessage> = {}): CommitMessage {
  return {
    tenant: slug,
    summary: 'render tenant',
    organizationId: 'org-1',
    requestedBy: 'Jane Doe <jane@acme.example>',
    ...extra,
  };
}

/** A change for `slug` writing `files` (path → content). */
export function change(
  slug: string,
  files: Record<string, string>,
  extra: Partial<Omit<TenantChange, 'message'>> & { message?: Partial<CommitMessage> } = {},
): TenantChange {
  const writes: FileWrite[] = Object.entries(files).map(([path, content]) => ({ path, content }));
  const { message: messageExtra, ...rest } = extra;
  return { tenantDir: tenantDir(slug), writes, message: message(slug, messageExtra), author: jane, ...rest };
}

/** Runs the real git CLI in `gitdir` and returns stdout. */
export async function git(gitdir: string, ...args: string[]): Promise<string> {
  return (await runGit(args, { gitdir })).stdout;
}
