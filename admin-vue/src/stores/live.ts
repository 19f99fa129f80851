import { defineStore } from 'pinia';
import { ref } from 'vue';
import { useApi } from '../composables/use-api';
import type { LiveSyncUpdate, Organization, OrganizationState, SyncSummary } from '../types';

/**
 * Sync statuses arriving on the server-sent event stream, shared by the
 * organization list, the tenant page and the first-login loader, so one
 * connection serves every page and a badge changes without a reload.
 */
export const useLiveStore = defineStore('live', () => {
  const api = useApi();
  const statuses = ref<Record<string, SyncSummary>>({});
  const states = ref<Record<string, OrganizationState>>({});
  const connected = ref(false);
  const listeners = new Set<(update: LiveSyncUpdate) => void>();
  let close: (() => void) | null = null;

  function apply(update: LiveSyncUpdate): void {
    statuses.value = { ...statuses.value, [update.organizationId]: update.sync };
    if (update.state) states.value = { ...states.value, [update.organizationId]: update.state };
    for (const listener of listeners) listener(update);
  }

  function connect(): void {
    if (close) return;
    close = api.subscribe(apply, (open) => {
      connected.value = open;
    });
  }

  function disconnect(): void {
    close?.();
    close = null;
    connected.value = false;
    statuses.value = {};
    states.value = {};
  }

  /** Runs `listener` for every update until the returned function is called. */
  function onUpdate(listener: (update: LiveSyncUpdate) => void): () => void {
    listeners.add(listener);
    return () => listeners.delete(listener);
  }

  /** The newest status known for an organization: live if any, else what the API returned. */
  function syncOf(org: Pick<Organization, 'id' | 'sync'>): SyncSummary | null {
    return statuses.value[org.id] ?? org.sync ?? null;
  }

  function stateOf(org: Pick<Organization, 'id' | 'state'>): OrganizationState {
    return states.value[org.id] ?? org.state;
  }

  return { statuses, connected, apply, connect, disconnect, onUpdate, syncOf, stateOf };
});
