import { EventEmitter } from 'node:events';
import pg from 'pg';
import type { Logger } from '../logger.js';

/** A status change as every replica's SSE clients receive it. */
export interface BusEvent {
  type: string;
  /** The organization the event is about, and its materialised path: the golden rule filters on them. */
  organizationId: string;
  organizationPath: string;
  data: Record<string, unknown>;
}

const channel = 'luster_events';

/**
 * Fans events out to every control-plane replica through PostgreSQL
 * LISTEN/NOTIFY, so a webhook handled by one replica reaches the SSE streams
 * of all. Each replica keeps one listening connection and re-listens after a
 * connection loss.
 */
export class EventBus {
  private readonly local = new EventEmitter();
  private listener: pg.Client | null = null;
  private closed = false;

  constructor(
    private readonly databaseUrl: string,
    private readonly publisher: { query(sql: string, params: unknown[]): Promise<unknown> },
    private readonly logger: Logger,
  ) {
    this.local.setMaxListeners(0);
  }

  async start(): Promise<void> {
    const client = new pg.Client({
      connectionString: this.databaseUrl,
      application_name: 'luster-event-bus',
    });
    client.on('notification', (msg) => {
      if (msg.channel !== channel || !msg.payload) return;
      try {
        this.local.emit('event', JSON.parse(msg.payload) as BusEvent);
      } catch (error) {
        this.logger.warn({ err: error }, 'dropped a malformed bus event');
      }
    });
    client.on('error', (error) => {
      this.logger.warn({ err: error }, 'event bus connection lost; reconnecting');
      this.listener = null;
      client.end().catch(() => undefined);
      if (!this.closed) setTimeout(() => this.start().catch(() => undefined), 1000).unref();
    });
    await client.connect();
    await client.query(`LISTEN ${channel}`);
    this.listener = client;
  }

  async publish(event: BusEvent): Promise<void> {
    await this.publisher.query('SELECT pg_notify($1, $2)', [channel, JSON.stringify(event)]);
  }

  subscribe(handler: (event: BusEvent) => void): () => void {
    this.local.on('event', handler);
    return () => this.local.off('event', handler);
  }

  async stop(): Promise<void> {
    this.closed = true;
    this.local.removeAllListeners();
    await this.listener?.end().catch(() => undefined);
    this.listener = null;
  }
}
