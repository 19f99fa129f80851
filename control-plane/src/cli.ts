#!/usr/bin/env node
import { text } from 'node:stream/consumers';
import { pino } from 'pino';
import { AccountCommandError, createSuperadmin, resetPassword } from './bootstrap/admin-accounts.js';
import { ConfigError, loadConfig } from './config.js';
import { openDatabase } from './db/open-database.js';

const USAGE = `Usage: luster admin <command> <email> [--stdin]

Commands:
  reset-password <email>      set a new password (signs the account out everywhere)
  create-superadmin <email>   make an account a superadmin, creating it if needed

The password is generated and printed once, or read from standard input with --stdin.
Uses the server's configuration: DATABASE_URL, or the embedded database in LUSTER_DATA_DIR
(shared with a control plane running on it).
`;

const commands = { 'reset-password': resetPassword, 'create-superadmin': createSuperadmin } as const;

function usage(problem: string): never {
  process.stderr.write(`luster: ${problem}\n\n${USAGE}`);
  process.exit(2);
}

const args = process.argv.slice(2);
if (args[0] === 'help' || args.includes('--help') || args.length === 0) {
  process.stdout.write(USAGE);
  process.exit(0);
}
const flags = args.filter((a) => a.startsWith('--'));
const [area, name, email, ...extra] = args.filter((a) => !a.startsWith('--'));
const command = name && Object.hasOwn(commands, name) ? commands[name as keyof typeof commands] : undefined;
if (area !== 'admin' || !command) usage(`unknown command '${[area, name].filter(Boolean).join(' ')}'`);
if (!email || extra.length > 0) usage('give exactly one email address');
if (flags.some((f) => f !== '--stdin')) usage(`unknown option ${flags.find((f) => f !== '--stdin')}`);

let config: ReturnType<typeof loadConfig>;
try {
  config = loadConfig();
} catch (error) {
  if (error instanceof ConfigError) usage(error.message);
  throw error;
}

// The password read from stdin ends at the first line break: `echo "…" | luster …` adds one.
const password = flags.includes('--stdin') ? (await text(process.stdin)).split(/\r?\n/)[0] : undefined;
// Logs go to stderr: stdout carries only the answer (and a generated password), for scripts.
const logger = pino({ level: config.LOG_LEVEL === 'info' ? 'warn' : config.LOG_LEVEL }, pino.destination(2));
const db = await openDatabase(config, logger, { shareRunningEmbedded: true });
try {
  const outcome = await command({ dataSource: db.dataSource, config }, { email, password });
  process.stdout.write(`${outcome.summary}\n`);
  if (outcome.generatedPassword) {
    process.stdout.write(`Password: ${outcome.generatedPassword}   (generated; shown only this once)\n`);
  }
  process.exitCode = 0;
} catch (error) {
  if (!(error instanceof AccountCommandError)) throw error;
  process.stderr.write(`luster: ${error.message}\n`);
  process.exitCode = 1;
} finally {
  await db.close();
}
