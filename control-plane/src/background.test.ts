import { describe, expect, it } from 'vitest';
import { type BackgroundTask, startAll, stopAll } from './background.js';
import { createLogger } from './logger.js';

function recorder() {
  const log: string[] = [];
  const task = (name: string, stop: () => Promise<void> = async () => undefined): BackgroundTask => ({
    name,
    start: () => {
      log.push(`start ${name}`);
    },
    stop: async () => {
      log.push(`stop ${name}`);
      await stop();
    },
  });
  return { log, task };
}

describe('background tasks', () => {
  it('start in list order and stop in the reverse one', async () => {
    const { log, task } = recorder();
    const tasks = [task('bus'), task('mail'), task('writer')];
    await startAll(tasks);
    await stopAll(tasks, 1000, createLogger('silent'));
    expect(log).toEqual(['start bus', 'start mail', 'start writer', 'stop writer', 'stop mail', 'stop bus']);
  });

  it('still stops the rest when one hangs past the timeout or fails', async () => {
    const { log, task } = recorder();
    const tasks = [
      task('bus'),
      task('mail', () => Promise.reject(new Error('smtp gone'))),
      task('writer', () => new Promise(() => undefined)),
    ];
    await stopAll(tasks, 20, createLogger('silent'));
    expect(log).toEqual(['stop writer', 'stop mail', 'stop bus']);
  });
});
