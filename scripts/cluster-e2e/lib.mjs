// What the cluster end-to-end steps share: one state file that each step reads and extends (the
// workflow runs them as separate processes), the control plane's API, and waiting with a deadline.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** Where the steps keep their state, the control plane's data and log, and the bootstrap files. */
export const workDir = path.resolve(process.env.E2E_DIR ?? path.join(os.tmpdir(), 'luster-cluster-e2e'));
const stateFile = path.join(workDir, 'state.json');

export function readState() {
  try {
    return JSON.parse(readFileSync(stateFile, 'utf8'));
  } catch (error) {
    if (error.code === 'ENOENT') throw new Error(`no ${stateFile}: run start-control-plane.mjs first`);
    throw error;
  }
}

/** Merges `values` into the state file and returns the whole state. */
export function saveState(values) {
  mkdirSync(workDir, { recursive: true });
  let state = {};
  try {
    state = JSON.parse(readFileSync(stateFile, 'utf8'));
  } catch {}
  const next = { ...state, ...values };
  writeFileSync(stateFile, `${JSON.stringify(next, null, 2)}\n`, { mode: 0o600 });
  return next;
}

/** A JSON call to the control plane's REST API; anything but 2xx throws with the answer. */
export async function api(state, method, route, { token, body } = {}) {
  const res = await fetch(`${state.url}/api/v1${route}`, {
    method,
    headers: {
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  if (!res.ok) throw new Error(`${method} ${route}: ${res.status} ${text}`);
  return text ? JSON.parse(text) : null;
}

export const signIn = async (state, email, password) =>
  (await api(state, 'POST', '/auth/login', { body: { email, password } })).accessToken;

/**
 * Calls `probe` every `everyMs` until it returns something truthy; throws `what` after `timeoutMs`.
 * A probe's error is retried, unless it is marked `fatal`.
 */
export async function waitFor(what, probe, { timeoutMs, everyMs = 1000 }) {
  const deadline = Date.now() + timeoutMs;
  let last;
  for (;;) {
    try {
      const value = await probe();
      if (value) return value;
    } catch (error) {
      // A probe that knows waiting cannot help (the process it waits for exited) ends the wait.
      if (error.fatal) throw error;
      last = error;
    }
    if (Date.now() > deadline)
      throw new Error(
        `timed out after ${timeoutMs / 1000} s waiting for ${what}${last ? `: ${last.message}` : ''}`,
      );
    await new Promise((resolve) => setTimeout(resolve, everyMs));
  }
}

/** Runs `main` and turns a thrown error into one line on stderr and exit code 1. */
export function run(main) {
  main().catch((error) => {
    process.stderr.write(`${path.basename(process.argv[1] ?? 'step')}: ${error.message}\n`);
    process.exit(1);
  });
}
