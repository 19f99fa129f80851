import { expect } from 'vitest';

export interface Stream {
  events: { event: string; data: Record<string, unknown> }[];
  waitFor(pred: (e: { event: string; data: Record<string, unknown> }) => boolean): Promise<void>;
  close(): void;
}

/** Reads a Server-Sent Events stream the way EventSource does (event/data lines, blank line ends one). */
export async function openStream(url: string): Promise<Stream> {
  const controller = new AbortController();
  const res = await fetch(url, { signal: controller.signal });
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toMatch(/^text\/event-stream/);
  const events: Stream['events'] = [];
  const waiters: (() => void)[] = [];
  (async () => {
    const reader = (res.body as ReadableStream<Uint8Array>).getReader();
    const decoder = new TextDecoder();
    let buffer = '';
    for (;;) {
      const { value, done } = await reader.read().catch(() => ({ value: undefined, done: true }));
      if (done) return;
      buffer += decoder.decode(value, { stream: true });
      let end = buffer.indexOf('\n\n');
      while (end >= 0) {
        const block = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        const event = block.match(/^event: (.*)$/m)?.[1];
        const data = block.match(/^data: (.*)$/m)?.[1];
        if (event && data) events.push({ event, data: JSON.parse(data) });
        for (const w of waiters.splice(0)) w();
        end = buffer.indexOf('\n\n');
      }
    }
  })();
  return {
    events,
    async waitFor(pred) {
      const deadline = Date.now() + 10_000;
      while (!events.some(pred)) {
        if (Date.now() > deadline) throw new Error(`no matching event; got ${JSON.stringify(events)}`);
        await new Promise<void>((resolve) => {
          waiters.push(resolve);
          setTimeout(resolve, 200);
        });
      }
    },
    close: () => controller.abort(),
  };
}
