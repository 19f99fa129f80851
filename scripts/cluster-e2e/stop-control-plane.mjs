#!/usr/bin/env node
// The last step, always run: stops the control plane the first step started (its pid from the
// state file) and, with --log, prints its log for the workflow's record.
import { readFileSync } from 'node:fs';
import { readState, run } from './lib.mjs';

run(async () => {
  const state = readState();
  if (process.argv.includes('--log')) process.stdout.write(readFileSync(state.logFile, 'utf8'));
  try {
    process.kill(state.pid, 'SIGTERM');
  } catch (error) {
    if (error.code !== 'ESRCH') throw error;
  }
  // The graceful shutdown is bounded by SHUTDOWN_TIMEOUT_MS; wait for it before the job ends.
  for (let i = 0; i < 60; i++) {
    try {
      process.kill(state.pid, 0);
    } catch {
      return;
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`pid ${state.pid} still runs after 30 s`);
});
