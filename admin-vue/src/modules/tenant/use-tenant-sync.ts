import { computed, onScopeDispose } from 'vue';
import type { SyncSummary } from '../../api/models';
import { useApi } from '../../composables/use-api';
import { useFallbackPolling } from '../../composables/use-fallback-polling';
import { useResource } from '../../composables/use-resource';
import { durationBetween, formatDuration } from '../../lib/time';
import { useLiveStore } from '../../stores/live';

/**
 * The Sync tab: status, revisions, how long the last change took to go live,
 * and the Flux / Argo CD events (newest first), extended live from the stream.
 */
export function useTenantSync(id: () => string) {
  const api = useApi();
  const live = useLiveStore();
  const resource = useResource(() => api.organizations.sync(id()));

  // Status changes arrive live; the events behind them are read again, at most a few times a second.
  let pending: ReturnType<typeof setTimeout> | undefined;
  const stop = live.onUpdate((update) => {
    if (update.organizationId !== id()) return;
    clearTimeout(pending);
    pending = setTimeout(() => void resource.reload(), 250);
  });
  onScopeDispose(() => {
    stop();
    clearTimeout(pending);
  });
  useFallbackPolling(() => !resource.loading.value && resource.reload());

  const status = computed<SyncSummary | null>(() => {
    const base = resource.data.value;
    const fresh = live.statuses[id()];
    if (fresh) return { ...base, ...fresh };
    return base ?? null;
  });

  const events = computed(() =>
    [...(resource.data.value?.events ?? [])].sort((a, b) => b.at.localeCompare(a.at)),
  );

  /** From the commit of the last change to the Ready report that contained it. */
  const timeToLive = computed(() => {
    const s = status.value;
    if (s?.status !== 'Ready') return null;
    const ms = resource.data.value?.timeToLiveMs;
    if (typeof ms === 'number' && resource.data.value?.lastChange?.sha === s.lastChange?.sha)
      return formatDuration(ms);
    return durationBetween(s.lastChange?.committedAt, s.readyAt);
  });

  return { resource, status, events, timeToLive, reload: resource.reload };
}
