import type { Logger } from '../logger.js';

/**
 * What one stage of the pipeline (DESIGN §1) tells the stages after it, inside one process:
 * changes → git → sync → tenants and changes again. The cross-replica stream the admin's live view
 * reads is the other bus (event-bus.ts).
 */
export interface PipelineEvents {
  /** Changes to these tenants are committed on main and recorded: each is Pending again. */
  'tenants.committed': { tenantIds: readonly string[] };
  /** The cluster reported the tenant Ready at a revision containing its last change (once per change). */
  'tenant.ready': { tenantId: string; sha: string };
  /** A report changed the recorded health of some of the tenant's objects (sync/object-health.ts). */
  'tenant.objects': { tenantId: string; organizationId: string; organizationPath: string };
  /**
   * A cluster other than the tenant's reported its copy there applied at `sha` (the folder a move
   * left behind, until it is released): never the tenant's status, but what a release waits for.
   */
  'tenant.copy.applied': { tenantId: string; cluster: string; sha: string };
}

export type PipelineEventType = keyof PipelineEvents;
type Handler<K extends PipelineEventType> = (event: PipelineEvents[K]) => Promise<void>;

/**
 * A typed in-process emitter. `emit` runs the subscribers one after another, in the order they
 * subscribed, and resolves when all are done, so the stage that emits can rely on their effects
 * (sync is Pending before a writer round answers). A failing subscriber is logged and does not
 * stop the others: the event already happened.
 */
export class Pipeline {
  private readonly handlers = new Map<PipelineEventType, Handler<never>[]>();

  constructor(private readonly logger: Logger) {}

  on<K extends PipelineEventType>(type: K, handler: Handler<K>): void {
    const list = this.handlers.get(type) ?? [];
    list.push(handler as Handler<never>);
    this.handlers.set(type, list);
  }

  async emit<K extends PipelineEventType>(type: K, event: PipelineEvents[K]): Promise<void> {
    for (const handler of (this.handlers.get(type) ?? []) as Handler<K>[]) {
      try {
        await handler(event);
      } catch (error) {
        this.logger.error({ err: error, event: type }, 'a pipeline subscriber failed');
      }
    }
  }
}
