import { onScopeDispose } from 'vue';
import { useLiveStore } from '../stores/live';

/**
 * Calls `refresh` every `intervalMs` while the live stream is not connected
 * (a server or proxy without server-sent events), so pages still change on
 * their own; with the stream up it does nothing.
 */
export function useFallbackPolling(refresh: () => unknown, intervalMs = 5000): void {
  const live = useLiveStore();
  const timer = setInterval(() => {
    if (!live.connected) void refresh();
  }, intervalMs);
  onScopeDispose(() => clearInterval(timer));
}
