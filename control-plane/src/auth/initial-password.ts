import { chmod, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';

/**
 * Where the generated password of the first superadmin is kept (0600, in the data directory)
 * until it is changed. Printing it once was not enough: a first start that failed after seeding
 * (a taken port, say) never printed it, and no later start could.
 */
export function initialPasswordFile(dataDir: string): string {
  return path.join(dataDir, 'initial-admin-password');
}

/** Writes (or overwrites, after a seeding that never committed) the generated password. */
export async function keepInitialPassword(dataDir: string, password: string): Promise<string> {
  const file = initialPasswordFile(dataDir);
  await writeFile(file, `${password}\n`, { mode: 0o600 });
  // `mode` only applies to a new file: one left by an earlier attempt keeps its own.
  await chmod(file, 0o600);
  return file;
}

/** The kept password, or null when there is none (never generated, or already changed). */
export async function readInitialPassword(dataDir: string): Promise<string | null> {
  const text = await readFile(initialPasswordFile(dataDir), 'utf8').catch(() => null);
  return text === null ? null : text.trim();
}

/**
 * Called before a password changes, with a check of the kept password against the hash being
 * replaced: only when they match is this the first admin leaving the generated password, and
 * the file (now useless, still a secret) goes.
 */
export async function discardInitialPasswordIf(
  dataDir: string,
  isCurrentPassword: (password: string) => Promise<boolean>,
): Promise<void> {
  const kept = await readInitialPassword(dataDir);
  if (kept !== null && (await isCurrentPassword(kept)))
    await rm(initialPasswordFile(dataDir), { force: true });
}
