#!/usr/bin/env node
import { text } from 'node:stream/consumers';
import { pino } from 'pino';
import { AccountCommandError, createSuperadmin, resetPassword } from './bootstrap/admin-accounts.js';
import { ConfigError, loadConfig } from './config.js';
import { openDatabase } from './db/open-database.js';
import { FleetLayoutError } from './fleet-layout/fleet-layout-error.js';

const USAGE = `Usage: luster admin <command> <email> [--stdin]
       luster fleet-layout <step> [--flux-applied]

Commands:
  admin reset-password <email>      set a new password (signs the account out everywhere)
  admin create-superadmin <email>   make an account a superadmin, creating it if needed
  fleet-layout status               each cluster's layout in the GitOps repository, and the
                                    entry files it lacks
  fleet-layout prepare              legacy layout, commit 1 of 2: prune off on Kustomization tenants
  fleet-layout upgrade --flux-applied
                                    commit 2 of 2, once Flux applied the first: every tenant into
                                    its shard, the entry points in the artifacts layout (run
                                    again after a failure, it records the upgrade it committed)
  fleet-layout entries              one commit adding the entry files (argocd/<cluster>/ …) that
                                    clusters added by an earlier release lack

The password is generated and printed once, or read from standard input with --stdin.
Uses the server's configuration: DATABASE_URL, or the embedded database in LUSTER_DATA_DIR
(shared with a control plane running on it), and the GitOps repository in LUSTER_DATA_DIR.
See docs/fleet-layout.md for the layout upgrade.
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
const fleetLayoutSteps = ['status', 'prepare', 'upgrade', 'entries'] as const;
const step = fleetLayoutSteps.find((s) => s === name);
if (area === 'fleet-layout') {
  if (!step || email !== undefined) usage(`unknown command '${[area, name].filter(Boolean).join(' ')}'`);
  const allowed = step === 'upgrade' ? ['--flux-applied'] : [];
  const unknown = flags.find((f) => !allowed.includes(f));
  if (unknown) usage(`unknown option ${unknown}`);
  if (step === 'upgrade' && !flags.includes('--flux-applied')) {
    usage(
      'the upgrade removes Kustomization tenants: first check that Flux applied `luster fleet-layout prepare` (flux get kustomizations tenants shows its commit), then confirm with --flux-applied',
    );
  }
} else {
  if (area !== 'admin' || !command) usage(`unknown command '${[area, name].filter(Boolean).join(' ')}'`);
  if (!email || extra.length > 0) usage('give exactly one email address');
  if (flags.some((f) => f !== '--stdin')) usage(`unknown option ${flags.find((f) => f !== '--stdin')}`);
}

let config: ReturnType<typeof loadConfig>;
try {
  config = loadConfig();
} catch (error) {
  if (error instanceof ConfigError) usage(error.message);
  throw error;
}

// Logs go to stderr: stdout carries only the answer (and a generated password), for scripts.
const logger = pino({ level: config.LOG_LEVEL === 'info' ? 'warn' : config.LOG_LEVEL }, pino.destination(2));
const db = await openDatabase(config, logger, { shareRunningEmbedded: true });
try {
  if (area === 'fleet-layout') {
    // Loaded only here: the writer and synth are most of the control plane, which `luster admin`
    // has no use for (every command runs the TypeScript source through tsx).
    const { runFleetLayoutStep } = await import('./app/fleet-layout-command.js');
    const outcome = await runFleetLayoutStep(step as (typeof fleetLayoutSteps)[number], {
      config,
      dataSource: db.dataSource,
      logger,
    });
    process.stdout.write(`${outcome.summary}\n`);
  } else {
    // The password read from stdin ends at the first line break: `echo "…" | luster …` adds one.
    const password = flags.includes('--stdin') ? (await text(process.stdin)).split(/\r?\n/)[0] : undefined;
    const outcome = await command?.(
      { dataSource: db.dataSource, config },
      { email: email as string, password },
    );
    process.stdout.write(`${outcome?.summary}\n`);
    if (outcome?.generatedPassword) {
      process.stdout.write(`Password: ${outcome.generatedPassword}   (generated; shown only this once)\n`);
    }
  }
  process.exitCode = 0;
} catch (error) {
  if (!(error instanceof AccountCommandError || error instanceof FleetLayoutError)) throw error;
  process.stderr.write(`luster: ${error.message}\n`);
  process.exitCode = 1;
} finally {
  await db.close();
}
