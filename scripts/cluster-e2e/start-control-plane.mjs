#!/usr/bin/env node
// Step 1: starts the control plane in the background as the cluster will reach it, and records in
// the state file what the later steps need: its URL as seen from here and from the cluster, the
// admin's credentials, the git read token, the Flux webhook keys and, with E2E_SIGNED=1, the
// public half of the key every commit is signed with (for Flux's spec.verify).
//
//   E2E_CLUSTER_URL  the control plane's base URL as pods see it (the kind network's gateway and
//                    E2E_PORT; default: the URL it listens on, enough for a run without a cluster)
//   E2E_PORT         default 0 (any free port); E2E_HOST default 127.0.0.1 (0.0.0.0 for kind)
//   E2E_SIGNED=1     sign every commit with a fresh OpenPGP key
//   E2E_FROM_SOURCE=1  run control-plane/src/main.ts through tsx even if dist/ is built
//   DATABASE_URL     an external PostgreSQL (default: the embedded one, in the data directory)
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, openSync, readFileSync } from 'node:fs';
import path from 'node:path';
import * as openpgp from 'openpgp';
import { repoRoot, run, saveState, waitFor, workDir } from './lib.mjs';

const secret = () => randomBytes(32).toString('hex');

run(async () => {
  const dataDir = path.join(workDir, 'data');
  mkdirSync(dataDir, { recursive: true });
  const admin = { email: 'admin@luster-e2e.test', password: secret() };
  const tokens = { gitRead: secret(), fluxWebhook: secret(), fluxReceiver: secret() };
  let signing = null;
  if (process.env.E2E_SIGNED === '1') {
    // ed25519Legacy: the EdDSA key format git and Flux's verifier (go-crypto) both read.
    signing = await openpgp.generateKey({
      type: 'ecc',
      curve: 'ed25519Legacy',
      userIDs: [{ name: 'Luster', email: 'bot@luster.local' }],
      format: 'armored',
    });
  }
  const built = path.join(repoRoot, 'control-plane/dist/main.js');
  const fromSource = process.env.E2E_FROM_SOURCE === '1' || !existsSync(built);
  const args = fromSource ? ['--import', 'tsx', path.join(repoRoot, 'control-plane/src/main.ts')] : [built];
  const logFile = path.join(workDir, 'control-plane.log');
  const log = openSync(logFile, 'w');
  const child = spawn(process.execPath, args, {
    cwd: repoRoot,
    detached: true,
    stdio: ['ignore', log, log],
    env: {
      ...process.env,
      ...(fromSource
        ? { TSX_TSCONFIG_PATH: path.join(repoRoot, 'control-plane/src/test-support/child-tsconfig.json') }
        : {}),
      HOST: process.env.E2E_HOST ?? '127.0.0.1',
      PORT: process.env.E2E_PORT ?? '0',
      S3_EMBEDDED_PORT: '0',
      LUSTER_DATA_DIR: dataDir,
      LUSTER_ADMIN_EMAIL: admin.email,
      LUSTER_ADMIN_PASSWORD: admin.password,
      GITOPS_READ_TOKEN: tokens.gitRead,
      FLUX_WEBHOOK_TOKEN: tokens.fluxWebhook,
      FLUX_RECEIVER_TOKEN: tokens.fluxReceiver,
      LOG_LEVEL: 'info',
      ...(process.env.E2E_CLUSTER_URL ? { PUBLIC_URL: process.env.E2E_CLUSTER_URL } : {}),
      ...(signing ? { GIT_SIGNING_KEY: signing.privateKey } : {}),
    },
  });
  child.unref();
  const exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve(signal ?? code)));
  let gone = null;
  exited.then((code) => {
    gone = code;
  });
  // main.ts prints "running at <url>" once it listens (with PORT 0 that is the only way to know).
  const listening = await waitFor(
    'the control plane to listen',
    () => {
      if (gone !== null)
        throw Object.assign(new Error(`it exited (${gone}):\n${readFileSync(logFile, 'utf8')}`), {
          fatal: true,
        });
      return /running at (http:\/\/\S+)/.exec(readFileSync(logFile, 'utf8'))?.[1];
    },
    { timeoutMs: 300_000, everyMs: 500 },
  ).catch((error) => {
    if (gone === null) process.kill(child.pid, 'SIGTERM');
    throw error;
  });
  // Reached from here over loopback whatever address it binds.
  const url = listening.replace('0.0.0.0', '127.0.0.1');
  await waitFor('/readyz', async () => (await fetch(`${url}/readyz`)).ok, { timeoutMs: 120_000 });
  const state = saveState({
    pid: child.pid,
    url,
    clusterUrl: process.env.E2E_CLUSTER_URL ?? url,
    logFile,
    admin,
    tokens,
    signingPublicKey: signing?.publicKey ?? null,
  });
  process.stdout.write(
    `control plane ${state.url} (pid ${state.pid}), seen by the cluster at ${state.clusterUrl}\n`,
  );
});
