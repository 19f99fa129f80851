import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { Logger } from '../logger.js';
import {
  inTenantFolder,
  type RenderedTenant,
  renderJob,
  renderTenantFiles,
  type TenantRenderOptions,
} from './render.js';
import type { TenantRows } from './tenant-spec.js';

/*
 * synth's render of a tenant in a thread of its own, for the writer's rounds: building the cdk8s
 * construct tree, validating it and writing its YAML is about a fifth of the event loop's busy time
 * per registration (CPU profile of the open loop), time every other request in flight waited for.
 * The round still waits for its render; the API answers meanwhile. Renders run one at a time, in
 * the order asked. The thread's code is plain JavaScript importing synth as the process resolves
 * it, so it runs the same from source and built.
 */
const RENDER_THREAD = `
const { parentPort, workerData } = require('node:worker_threads');
// Run from source (tsx), synth resolves to its TypeScript: the thread loads it through tsx too.
const synth = workerData.tsx
  ? import(workerData.tsx).then(({ register }) => {
      register();
      return import(workerData.synth);
    })
  : import(workerData.synth);
// Listening before the import settles: a pending import alone does not keep a thread alive when
// module loading runs elsewhere (loader hooks, as under tsx), and the thread would quietly exit.
parentPort.on('message', ({ id, input, options }) => {
  synth.then((s) => {
    try {
      parentPort.postMessage({ id, files: s.renderTenant(s.parseTenantSpec(input), options) });
    } catch (error) {
      const e = error || {};
      parentPort.postMessage({ id, error: { name: e.name, message: String(e.message || e), code: e.code } });
    }
  });
});
synth.then(
  () => parentPort.postMessage({ ready: true }),
  (error) => {
    parentPort.postMessage({ failed: String((error && error.message) || error) });
    parentPort.close();
  },
);
`;

type Answer =
  | { id: number; files: { path: string; content: string }[] }
  | { id: number; error: { name?: string; message: string; code?: string } };

/**
 * `renderTenantFiles` in a thread once `start` has run; before that, after `stop`, or when the
 * thread failed, in the process as before — the thread only moves the work, never decides it.
 */
export function createRenderThread(logger: Logger) {
  let worker: Worker | null = null;
  let ready: Promise<boolean> = Promise.resolve(false);
  const waiting = new Map<number, { resolve(answer: Answer): void; reject(error: Error): void }>();
  let next = 0;

  function gone(error: Error): void {
    worker = null;
    ready = Promise.resolve(false);
    for (const w of waiting.values()) w.reject(error);
    waiting.clear();
  }

  async function inThread(thread: Worker, job: ReturnType<typeof renderJob>): Promise<Answer> {
    const id = ++next;
    thread.ref();
    try {
      return await new Promise<Answer>((resolve, reject) => {
        waiting.set(id, { resolve, reject });
        thread.postMessage({ id, input: job.input, options: job.options });
      });
    } finally {
      // Idle, the thread does not keep the process alive; a render in flight does.
      if (waiting.size === 0) worker?.unref();
    }
  }

  return {
    start(): void {
      if (worker) return;
      const resolve = createRequire(import.meta.url).resolve;
      const synth = resolve('@luster/synth');
      const tsx = synth.endsWith('.ts') ? import.meta.resolve('tsx/esm/api') : null;
      const thread = new Worker(RENDER_THREAD, {
        eval: true,
        workerData: { synth: pathToFileURL(synth).href, tsx },
      });
      worker = thread;
      thread.unref();
      thread.on('message', (m: Answer | { ready: true } | { failed: string }) => {
        if (!('id' in m)) return;
        const w = waiting.get(m.id);
        waiting.delete(m.id);
        w?.resolve(m);
      });
      thread.on('error', (error) => {
        logger.error({ err: error }, 'the render thread failed; rendering in the process');
        gone(error);
      });
      thread.on('exit', () => {
        if (worker === thread) gone(new Error('the render thread stopped'));
      });
      ready = new Promise<boolean>((resolve) => {
        const first = (m: { ready?: true; failed?: string }) => {
          if (m.failed)
            logger.error({ reason: m.failed }, 'the render thread did not start; rendering in the process');
          resolve(Boolean(m.ready));
        };
        thread.once('message', first);
        thread.once('exit', () => resolve(false));
      });
    },

    async render(rows: TenantRows, options: TenantRenderOptions): Promise<RenderedTenant> {
      const job = renderJob(rows, options);
      if (!job.input) return { dir: job.dir, files: null };
      const thread = worker;
      if (!thread || !(await ready)) return renderTenantFiles(rows, options);
      let answer: Answer;
      try {
        answer = await inThread(thread, job);
      } catch {
        // The thread went down under this render (logged where it failed): render it here.
        return renderTenantFiles(rows, options);
      }
      if ('error' in answer) {
        // The render's own error, as the writer records it on the change (code and message).
        throw Object.assign(new Error(answer.error.message), {
          name: answer.error.name ?? 'Error',
          ...(answer.error.code ? { code: answer.error.code } : {}),
        });
      }
      return { dir: job.dir, files: inTenantFolder(job.dir, answer.files) };
    },

    /** Whether renders go to the thread now (started, and it came up). */
    async running(): Promise<boolean> {
      return worker !== null && (await ready);
    },

    async stop(): Promise<void> {
      const thread = worker;
      worker = null;
      ready = Promise.resolve(false);
      await thread?.terminate();
    },
  };
}

export type RenderThread = ReturnType<typeof createRenderThread>;
