import { afterEach, describe, expect, it, vi } from 'vitest';
import { defineComponent } from 'vue';
import type { LiveHandlers } from '../api/events';
import { useLiveStore } from '../stores/live';
import { fakeApi, harness, mountWith, user } from '../test-support/harness';
import { useFallbackPolling } from './use-fallback-polling';

afterEach(() => {
  vi.useRealTimers();
});

describe('a page without the live stream', () => {
  it('polls while the stream is down, reads once more as it opens, and stops with the page', () => {
    vi.useFakeTimers();
    let handlers: LiveHandlers | undefined;
    const h = harness(
      fakeApi({
        subscribe: (given: LiveHandlers) => {
          handlers = given;
          return () => undefined;
        },
      }),
      user('superadmin'),
    );
    const refresh = vi.fn();
    const page = mountWith(
      defineComponent({
        setup() {
          useFallbackPolling(refresh, 1000);
          return () => null;
        },
      }),
      h,
    );
    useLiveStore(h.pinia).connect();
    vi.advanceTimersByTime(1000);
    expect(refresh).toHaveBeenCalledTimes(1);

    // A change made before the stream opened was sent to no page: read once more.
    handlers?.onConnection?.(true);
    expect(refresh).toHaveBeenCalledTimes(2);
    vi.advanceTimersByTime(3000);
    expect(refresh).toHaveBeenCalledTimes(2);

    page.unmount();
    handlers?.onConnection?.(true);
    vi.advanceTimersByTime(3000);
    expect(refresh).toHaveBeenCalledTimes(2);
  });
});
