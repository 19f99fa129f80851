import {
  canTransition,
  editableTenantStates,
  isEditable,
  liveTenantStates,
  renderedTenantStates,
  type TenantAction,
  type TenantState,
  tenantStates,
  tenantTransitions,
  unapprovedTenantStates,
} from '@luster/contract';
import { describe, expect, it } from 'vitest';

const actions = Object.keys(tenantTransitions) as TenantAction[];

/** Where `action` takes a tenant in `state`, following the table; throws where it may not go. */
function step(state: TenantState, action: TenantAction): TenantState {
  if (!canTransition(action, state)) throw new Error(`${action} refused from ${state}`);
  return tenantTransitions[action].to ?? state;
}

describe('the tenant state table', () => {
  it('reaches every state from a creation', () => {
    const seen = new Set<TenantState>();
    const queue: TenantState[] = actions
      .filter((a) => tenantTransitions[a].from.length === 0)
      .map((a) => tenantTransitions[a].to as TenantState);
    while (queue.length > 0) {
      const state = queue.shift() as TenantState;
      if (seen.has(state)) continue;
      seen.add(state);
      for (const action of actions) {
        if (!canTransition(action, state)) continue;
        const { to } = tenantTransitions[action];
        const via = 'via' in tenantTransitions[action] ? [tenantTransitions[action].via] : [];
        queue.push(...via, to ?? state);
      }
    }
    expect([...seen].sort()).toEqual([...tenantStates].sort());
  });

  it.each(['deleted', 'rejected'] as const)('lets nothing leave %s', (state) => {
    expect(actions.filter((a) => canTransition(a, state))).toEqual([]);
  });

  it('walks a tenant through its whole life', () => {
    const path: TenantAction[] = ['ready', 'suspend', 'resume', 'ready', 'deprovision', 'purge'];
    expect(path.reduce(step, tenantTransitions.create.to as TenantState)).toBe('deleted');
    expect(step('active', 'update')).toBe('active');
    expect(step(step('pending_review', 'approve'), 'ready')).toBe('active');
  });

  it('purges in two commits, through purging', () => {
    expect(tenantTransitions.purge).toMatchObject({ via: 'purging', to: 'deleted' });
    expect(tenantTransitions.bulk_delete).toMatchObject({ via: 'purging', to: 'deleted' });
  });

  it.each([
    ['suspend', 'deprovisioned'],
    ['suspend', 'suspended'],
    ['resume', 'active'],
    ['purge', 'active'],
    ['deprovision', 'purging'],
    ['update', 'deprovisioned'],
    ['ready', 'suspended'],
    ['approve', 'rejected'],
  ] as const)('refuses %s from %s', (action, state) => {
    expect(canTransition(action, state)).toBe(false);
  });

  it('edits what is rendered only while the tenant runs or is suspended', () => {
    expect(tenantStates.filter(isEditable)).toEqual(['provisioning', 'active', 'suspended']);
    expect(tenantStates.filter(isEditable)).toEqual([...editableTenantStates]);
    for (const state of editableTenantStates) expect(canTransition('deprovision', state)).toBe(true);
  });

  it('lets an organization be suspended exactly while it may act', () => {
    expect(tenantStates.filter((s) => canTransition('suspend', s))).toEqual([...liveTenantStates]);
  });

  it('renders a folder for every approved state and none for the others', () => {
    expect([...renderedTenantStates, ...unapprovedTenantStates].sort()).toEqual([...tenantStates].sort());
    expect(renderedTenantStates).not.toContain('pending_review');
    for (const action of actions) {
      const { to } = tenantTransitions[action];
      // Only the platform's review moves a tenant into or within the unapproved states.
      if (to && (unapprovedTenantStates as readonly string[]).includes(to)) {
        expect(['register_agency', 'reject']).toContain(action);
      }
    }
  });
});
