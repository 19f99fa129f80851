import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { TestServer } from './server.js';

/** Mails of `kind` the server wrote to its outbox folder (the embedded default), oldest first, optionally to one address. */
export async function outbox(server: TestServer, kind: string, to?: string) {
  // Mails leave through the mail queue after the request answered: let its pass finish.
  await server.services.mail.idle();
  const dir = path.join(server.dataDir, 'outbox');
  const names = (await readdir(dir).catch(() => [] as string[]))
    .filter((n) => n.includes(`-${kind}-`))
    .sort();
  const mails = await Promise.all(
    names.map(async (n) => JSON.parse(await readFile(path.join(dir, n), 'utf8'))),
  );
  return to === undefined ? mails : mails.filter((m) => m.to === to);
}
