import { type Http, queryString } from './http';
import type {
  LastChange,
  LiveDomainsUpdate,
  LivePurchaseUpdate,
  LiveStateUpdate,
  LiveSyncUpdate,
  OrganizationState,
  SyncState,
} from './models';

/** The `data` of a `tenant.sync` event, as the sync module publishes it. */
interface TenantSyncData {
  organizationId: string;
  status: SyncState;
  lastChange: LastChange | null;
  appliedRevision: string | null;
  readyAt: string | null;
  message: string | null;
}

/** A `tenant.sync` message (`{ type, organizationId, data }`) as an update, or null when it is not one. */
export function parseLiveUpdate(raw: unknown): LiveSyncUpdate | null {
  try {
    const event = JSON.parse(String(raw)) as { organizationId?: unknown; data?: TenantSyncData };
    if (typeof event.organizationId !== 'string' || typeof event.data?.status !== 'string') return null;
    const { status, lastChange, appliedRevision, readyAt, message } = event.data;
    return {
      organizationId: event.organizationId,
      sync: { status, lastChange, appliedRevision, readyAt, message },
    };
  } catch {
    return null;
  }
}

/** A `tenant.state` message (the lifecycle state after a change, e.g. provisioning → active), or null. */
export function parseLiveState(raw: unknown): LiveStateUpdate | null {
  try {
    const event = JSON.parse(String(raw)) as { organizationId?: unknown; data?: { state?: unknown } };
    if (typeof event.organizationId !== 'string' || typeof event.data?.state !== 'string') return null;
    return { organizationId: event.organizationId, state: event.data.state as OrganizationState };
  } catch {
    return null;
  }
}

/** A `credits.purchase` message (a purchase credited, failed or refunded, with the balance), or null. */
export function parseLivePurchase(raw: unknown): LivePurchaseUpdate | null {
  try {
    const event = JSON.parse(String(raw)) as {
      organizationId?: unknown;
      data?: { purchase?: LivePurchaseUpdate['purchase']; balance?: unknown };
    };
    const purchase = event.data?.purchase;
    if (typeof event.organizationId !== 'string' || typeof purchase?.id !== 'string') return null;
    const balance = typeof event.data?.balance === 'number' ? event.data.balance : null;
    return { organizationId: event.organizationId, purchase, balance };
  } catch {
    return null;
  }
}

/** A `domains.changed` message (the organization's domains changed), or null. */
export function parseLiveDomains(raw: unknown): LiveDomainsUpdate | null {
  try {
    const event = JSON.parse(String(raw)) as { organizationId?: unknown; data?: { hostname?: unknown } };
    if (typeof event.organizationId !== 'string') return null;
    const hostname = typeof event.data?.hostname === 'string' ? event.data.hostname : null;
    return { organizationId: event.organizationId, hostname };
  } catch {
    return null;
  }
}

/** What the live stream tells: sync statuses, lifecycle states, and whether it is open. */
export interface LiveHandlers {
  onSync(update: LiveSyncUpdate): void;
  onState?(update: LiveStateUpdate): void;
  onPurchase?(update: LivePurchaseUpdate): void;
  onDomains?(update: LiveDomainsUpdate): void;
  onConnection?(open: boolean): void;
}

/**
 * Live sync, lifecycle and credit purchase updates. EventSource cannot send headers, so the access token travels as
 * `?access_token=`; on a dropped stream the token is refreshed and the stream reopened. Returns
 * the function that closes it.
 */
export function subscribeApi(http: Http) {
  return ({ onSync, onState, onPurchase, onDomains, onConnection }: LiveHandlers): (() => void) => {
    const { options } = http;
    const Source = options.eventSource ?? (typeof EventSource === 'undefined' ? null : EventSource);
    if (!Source) return () => undefined;
    let source: EventSource | null = null;
    let closed = false;
    let retryTimer: ReturnType<typeof setTimeout> | undefined;
    let failures = 0;
    const handle = (e: MessageEvent) => {
      const update = parseLiveUpdate(e.data);
      if (update) onSync(update);
    };
    const handleState = (e: MessageEvent) => {
      const update = parseLiveState(e.data);
      if (update) onState?.(update);
    };
    const handlePurchase = (e: MessageEvent) => {
      const update = parseLivePurchase(e.data);
      if (update) onPurchase?.(update);
    };
    const handleDomains = (e: MessageEvent) => {
      const update = parseLiveDomains(e.data);
      if (update) onDomains?.(update);
    };
    const open = () => {
      if (closed) return;
      const token = options.tokens.get()?.accessToken;
      if (!token) return;
      const context = options.context?.();
      source = new Source(
        `${http.base}/api/v1/events${queryString({ access_token: token, context: context ?? undefined })}`,
      );
      source.onopen = () => {
        failures = 0;
        onConnection?.(true);
      };
      source.addEventListener('tenant.sync', handle as EventListener);
      source.addEventListener('tenant.state', handleState as EventListener);
      source.addEventListener('credits.purchase', handlePurchase as EventListener);
      source.addEventListener('domains.changed', handleDomains as EventListener);
      source.onerror = () => {
        onConnection?.(false);
        // CLOSED means the server refused (expired token, no stream): refresh, then
        // reopen with a growing pause so a missing stream does not hammer the server.
        if (source?.readyState !== 2 || closed) return;
        source.close();
        const delay = Math.min(60_000, 2000 * 2 ** failures++);
        retryTimer = setTimeout(async () => {
          await http.refresh();
          open();
        }, delay);
      };
    };
    open();
    return () => {
      closed = true;
      clearTimeout(retryTimer);
      source?.close();
    };
  };
}
