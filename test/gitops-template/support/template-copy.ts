import { cp, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fixturesDir, templateDir } from './paths.js';

/** A scratch copy of gitops-repo-template/, for tests that add files or let generators write. */
export async function copyTemplate(): Promise<{ dir: string; remove: () => Promise<void> }> {
  const parent = await mkdtemp(path.join(os.tmpdir(), 'luster-gitops-'));
  const dir = path.join(parent, 'repo');
  await cp(templateDir, dir, { recursive: true });
  return { dir, remove: () => rm(parent, { recursive: true, force: true }) };
}

/** The fixture tenant `acme` (agreed layout) as the control plane would commit it. */
export const acme = {
  slug: 'acme',
  folder: 'tenants/production/82/acme',
  fixture: path.join(fixturesDir, 'tenants', 'production', '82', 'acme'),
} as const;

/** Places the fixture tenant folder into a copy of the template. */
export async function addFixtureTenant(repo: string): Promise<string> {
  const target = path.join(repo, acme.folder);
  await cp(acme.fixture, target, { recursive: true });
  return target;
}
