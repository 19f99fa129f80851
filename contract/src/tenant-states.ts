/**
 * The lifecycle of a tenant (DESIGN §3) as one table: the server checks its transitions against
 * it, the admin offers only what it allows. `provisioning` = committed, not yet reported applied;
 * `deprovisioned` = workloads removed, database and bucket retained until a purge; `purging` = an
 * approved purge handed the data objects to Flux; `deleted` = purged (the row stays as the record
 * of what existed).
 */
export const tenantStates = [
  'pending_review',
  'provisioning',
  'active',
  'suspended',
  'deprovisioned',
  'purging',
  'rejected',
  'deleted',
] as const;
export type TenantState = (typeof tenantStates)[number];

/** States in which what is rendered (name, tier, theme, plugins, branding) may be edited. */
export const editableTenantStates = [
  'provisioning',
  'active',
  'suspended',
] as const satisfies readonly TenantState[];

/**
 * States in which an organization may act: approved, and neither stopped nor on its way out
 * (the approval gate of the permission layer).
 */
export const liveTenantStates = ['provisioning', 'active'] as const satisfies readonly TenantState[];

/** States of an organization the platform has not approved (an agency's self-registration). */
export const unapprovedTenantStates = [
  'pending_review',
  'rejected',
] as const satisfies readonly TenantState[];

/** States whose folder in git the database describes: every state but the unapproved ones. */
export const renderedTenantStates = tenantStates.filter(
  (s): s is Exclude<TenantState, (typeof unapprovedTenantStates)[number]> =>
    !(unapprovedTenantStates as readonly TenantState[]).includes(s),
);
export type RenderedTenantState = (typeof renderedTenantStates)[number];

export interface TenantTransition {
  /** The states the action leaves from; empty when it creates the tenant. */
  readonly from: readonly TenantState[];
  /** Where it goes; null when the state stays (an edit of what is rendered). */
  readonly to: TenantState | null;
  /** The state between a two-commit action's first commit and its last (a purge's). */
  readonly via?: TenantState;
}

/**
 * Every way a tenant's state changes, by the action that changes it. A Failed sync report changes
 * no state (the sync status tells it); the first Ready after a change is `ready`.
 */
export const tenantTransitions = {
  /** A client organization, created under its agency or self-registered: provisioned at once. */
  create: { from: [], to: 'provisioning' },
  /** An agency's self-registration waits for the platform's review. */
  register_agency: { from: [], to: 'pending_review' },
  approve: { from: ['pending_review'], to: 'provisioning' },
  reject: { from: ['pending_review'], to: 'rejected' },
  update: { from: editableTenantStates, to: null },
  revert: { from: editableTenantStates, to: null },
  /** Re-renders the folder over hand edits; a deprovisioned tenant's folder is rendered too. */
  reassert: { from: [...editableTenantStates, 'deprovisioned'], to: null },
  suspend: { from: ['provisioning', 'active'], to: 'suspended' },
  /** Back to provisioning: it is active again once the cluster reports the workload Ready. */
  resume: { from: ['suspended'], to: 'provisioning' },
  deprovision: { from: ['provisioning', 'active', 'suspended'], to: 'deprovisioned' },
  /** Two commits: the data objects handed to Flux for pruning, then the folder removed. */
  purge: { from: ['deprovisioned'], via: 'purging', to: 'deleted' },
  /** Several deprovisioned tenants purged as one change, in the same two commits. */
  bulk_delete: { from: ['deprovisioned'], via: 'purging', to: 'deleted' },
  /** Sync: the cluster reported the tenant Ready at a revision holding its last change. */
  ready: { from: ['provisioning'], to: 'active' },
} as const satisfies Record<string, TenantTransition>;
export type TenantAction = keyof typeof tenantTransitions;

/** Whether `action` may leave from `state`. */
export function canTransition(action: TenantAction, state: TenantState): boolean {
  return (tenantTransitions[action].from as readonly TenantState[]).includes(state);
}

/** Whether what is rendered for a tenant in `state` may be edited. */
export function isEditable(state: TenantState): boolean {
  return (editableTenantStates as readonly TenantState[]).includes(state);
}
