import type { DataSource } from 'typeorm';
import type { EventBus } from '../events/event-bus.js';

/** What the admin's Domains tab hears: something about this organization's domains changed. */
export const DOMAINS_CHANGED = 'domains.changed';

export type DomainEvents = ReturnType<typeof createDomainEvents>;

/**
 * Tells live views (the event stream, filtered by the golden rule) that an organization's domains
 * changed — a check moved a line, a certificate's health was reported, a domain was added, made
 * primary or removed — so the Domains tab reads them again instead of polling.
 */
export function createDomainEvents(dataSource: DataSource, bus: Pick<EventBus, 'publish'>) {
  async function publish(organizationId: string, organizationPath: string, hostname: string | null) {
    await bus.publish({
      type: DOMAINS_CHANGED,
      organizationId,
      organizationPath,
      data: { organizationId, hostname },
    });
  }

  return {
    publish,

    /** For callers that know only the organization (the verifier, sync's `tenant.ready`). */
    async changed(organizationId: string, hostname: string | null): Promise<void> {
      const [org]: { path: string }[] = await dataSource.query(
        `SELECT path FROM organization WHERE id = $1`,
        [organizationId],
      );
      if (org) await publish(organizationId, org.path, hostname);
    },
  };
}
