#!/usr/bin/env node
// Step 6: waits until the control plane shows the tenant Ready for its provision commit — what
// the admin's sync badge shows — from events Flux's notification-controller posted to
// /hooks/flux (nothing else reports sync status).
//
//   E2E_SYNC_TIMEOUT_SECONDS  default 600
import { api, readState, run, signIn, waitFor } from './lib.mjs';

run(async () => {
  const state = readState();
  const token = await signIn(state, state.owner.email, state.owner.password);
  const sync = await waitFor(
    `organization ${state.organization.slug} Ready at ${state.provisionCommit}`,
    async () => {
      const s = await api(state, 'GET', `/organizations/${state.organization.id}/sync`, { token });
      return s.status === 'Ready' && s.lastChange?.sha === state.provisionCommit ? s : null;
    },
    { timeoutMs: Number(process.env.E2E_SYNC_TIMEOUT_SECONDS ?? 600) * 1000, everyMs: 5000 },
  );
  const fromFlux = sync.events.filter((e) => e.source === 'flux');
  if (fromFlux.length === 0) throw new Error('Ready without any event from Flux');
  process.stdout.write(
    `${state.organization.slug}: ${sync.status}, applied ${sync.appliedRevision}, live ${sync.timeToLiveMs} ms after its commit; ${fromFlux.length} Flux events\n`,
  );
});
