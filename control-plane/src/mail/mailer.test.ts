import { mkdir, mkdtemp, readdir, readFile, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { outboxMailer } from './mailer.js';

const modeOf = async (file: string) => (await stat(file)).mode & 0o777;

describe('the outbox mailer', () => {
  const dirs: string[] = [];
  afterAll(async () => {
    for (const dir of dirs) await rm(dir, { recursive: true, force: true });
  });

  it.each([
    ['a new outbox', false],
    ['an outbox an earlier version made world-readable', true],
  ])(
    'keeps one-time tokens from other local users in %s: folder 0700, mails 0600',
    async (_what, existing) => {
      const root = await mkdtemp(path.join(os.tmpdir(), 'luster-outbox-'));
      dirs.push(root);
      const dir = path.join(root, 'outbox');
      if (existing) await mkdir(dir, { mode: 0o755 });
      await outboxMailer({ dir, from: 'Luster <no-reply@luster.test>' }).send({
        to: 'invited@example.test',
        subject: 'You are invited',
        text: 'Accept: https://luster.test/verify-email?token=secret',
        kind: 'invitation',
      });
      expect(await modeOf(dir)).toBe(0o700);
      const [file, ...others] = await readdir(dir);
      expect(others).toEqual([]);
      expect(await modeOf(path.join(dir, file as string))).toBe(0o600);
      expect(JSON.parse(await readFile(path.join(dir, file as string), 'utf8'))).toMatchObject({
        to: 'invited@example.test',
        kind: 'invitation',
      });
    },
  );
});
