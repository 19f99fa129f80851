import { defineStore } from 'pinia';
import { ref } from 'vue';
import type {
  LiveDomainsUpdate,
  LivePurchaseUpdate,
  LiveStateUpdate,
  LiveSyncUpdate,
  Organization,
  SyncSummary,
} from '../api/models';
import { useApi } from '../composables/use-api';

/**
 * Sync statuses arriving on the server-sent event stream, shared by the organization list, the
 * tenant page and the first-login loader, so one connection serves every page and a badge changes
 * without a reload. Lifecycle states are not kept here: each page patches the organization it
 * loaded (stateListeners), so its next load from the API — newer than any event — wins.
 */
export const useLiveStore = defineStore('live', () => {
  const api = useApi();
  const statuses = ref<Record<string, SyncSummary>>({});
  const connected = ref(false);
  const listeners = new Set<(update: LiveSyncUpdate) => void>();
  const stateListeners = new Set<(update: LiveStateUpdate) => void>();
  const purchaseListeners = new Set<(update: LivePurchaseUpdate) => void>();
  const domainListeners = new Set<(update: LiveDomainsUpdate) => void>();
  const openListeners = new Set<() => void>();
  let close: (() => void) | null = null;

  function apply(update: LiveSyncUpdate): void {
    statuses.value = { ...statuses.value, [update.organizationId]: update.sync };
    for (const listener of listeners) listener(update);
  }

  function applyState(update: LiveStateUpdate): void {
    for (const listener of stateListeners) listener(update);
  }

  function connect(): void {
    if (close) return;
    close = api.subscribe({
      onSync: apply,
      onState: applyState,
      onPurchase: (update) => {
        for (const listener of purchaseListeners) listener(update);
      },
      onDomains: (update) => {
        for (const listener of domainListeners) listener(update);
      },
      onConnection: (open) => {
        connected.value = open;
        // An update sent before the stream opened (or while it was down) reached no page: what a
        // page loaded before this moment may already be out of date.
        if (open) for (const listener of openListeners) listener();
      },
    });
  }

  function disconnect(): void {
    close?.();
    close = null;
    connected.value = false;
    statuses.value = {};
  }

  /** Runs `listener` for every update until the returned function is called. */
  function onUpdate(listener: (update: LiveSyncUpdate) => void): () => void {
    listeners.add(listener);
    return () => listeners.delete(listener);
  }

  /** Runs `listener` for every lifecycle state change until the returned function is called. */
  function onStateChange(listener: (update: LiveStateUpdate) => void): () => void {
    stateListeners.add(listener);
    return () => stateListeners.delete(listener);
  }

  /** Runs `listener` for every credit purchase that changed (a Stripe payment credited, failed, refunded). */
  function onPurchase(listener: (update: LivePurchaseUpdate) => void): () => void {
    purchaseListeners.add(listener);
    return () => purchaseListeners.delete(listener);
  }

  /** Runs `listener` whenever an organization's custom domains changed. */
  function onDomains(listener: (update: LiveDomainsUpdate) => void): () => void {
    domainListeners.add(listener);
    return () => domainListeners.delete(listener);
  }

  /** Runs `listener` each time the stream opens (the first time and after a drop), until the returned function is called. */
  function onOpen(listener: () => void): () => void {
    openListeners.add(listener);
    return () => openListeners.delete(listener);
  }

  /** The newest status known for an organization: live if any, else what the API returned. */
  function syncOf(org: Pick<Organization, 'id' | 'sync' | 'lastChange'>): SyncSummary | null {
    return statuses.value[org.id] ?? (org.sync ? { ...org.sync, lastChange: org.lastChange } : null);
  }

  return {
    statuses,
    connected,
    apply,
    applyState,
    connect,
    disconnect,
    onUpdate,
    onStateChange,
    onPurchase,
    onDomains,
    onOpen,
    syncOf,
  };
});
