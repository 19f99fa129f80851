import { onScopeDispose } from 'vue';
import { useLiveStore } from '../stores/live';

/**
 * Calls `refresh` every `intervalMs` while the live stream is not connected
 * (a server or proxy without server-sent events), so pages still change on
 * their own; with the stream up it does nothing. Also once each time the stream
 * opens: a change made before that was sent to no page, and a poll may not have
 * come since the page loaded.
 */
export function useFallbackPolling(refresh: () => unknown, intervalMs = 5000): void {
  const live = useLiveStore();
  const timer = setInterval(() => {
    if (!live.connected) void refresh();
  }, intervalMs);
  const stopOpen = live.onOpen(() => void refresh());
  onScopeDispose(() => {
    clearInterval(timer);
    stopOpen();
  });
}
