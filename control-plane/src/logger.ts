import { pino } from 'pino';

export type Logger = pino.Logger;

/** JSON logs on stdout; every request and tenant write gets a child with its context. */
export function createLogger(level: string): Logger {
  return pino({ level, base: { service: 'luster-control-plane' }, timestamp: pino.stdTimeFunctions.isoTime });
}
