import { computed, reactive, ref } from 'vue';
import { ApiError } from '../../api';
import type { PartnerGroup } from '../../api/models';
import { useApi } from '../../composables/use-api';
import { useResource } from '../../composables/use-resource';
import { can } from '../../lib/permissions';
import { errorMessage } from '../../messages';
import { useSessionStore } from '../../stores/session';

/** An agency as the move-in select offers it: where it is now, so a move between groups is visible. */
export interface AgencyChoice {
  id: string;
  name: string;
  /** The group it is in now; null: directly under the platform. */
  groupName: string | null;
}

/**
 * The Partner groups page: the visible groups with their agencies; for superadmins
 * (`partner_groups.manage`) creating, filling, emptying and deleting them; for whoever may grant
 * `group_admin` in a group (the group's view says so: `grantableRoles`) inviting more group admins.
 * Each write reloads the list, so counts and selects always show the server's state.
 */
export function usePartnerGroups() {
  const api = useApi();
  const session = useSessionStore();
  const canManage = computed(() => can(session.user, 'managePartnerGroups'));
  const groups = useResource(() => api.partnerGroups.list());
  // Every visible organization's view: the agencies a manager can move in, and each group's
  // grantable roles (a group admin's list is its own group and what lies below).
  const organizations = useResource(async () => (await api.organizations.list({ limit: 500 }, null)).items);
  const viewOf = computed(() => new Map((organizations.data.value ?? []).map((o) => [o.id, o] as const)));

  const newName = ref('');
  /** What is running: 'create', or `<groupId>:<what>`; one write at a time. */
  const busy = ref<string | null>(null);
  const createError = ref<string | null>(null);
  const errors = reactive<Record<string, string>>({});
  const notices = reactive<Record<string, string>>({});
  /** Per group: the agency chosen in its move-in select, the email typed to invite. */
  const moveChoice = reactive<Record<string, string>>({});
  const inviteEmail = reactive<Record<string, string>>({});
  /** The group whose deletion waits for its slug to be typed. */
  const deleting = ref<string | null>(null);
  /** The group being renamed, and the name typed for it. */
  const renaming = ref<string | null>(null);
  const newGroupName = ref('');

  const items = computed(() => groups.data.value ?? []);

  /** The agencies that can move into `group`: every agency not in it yet, with the group it leaves. */
  function choicesFor(group: PartnerGroup): AgencyChoice[] {
    const groupOf = new Map(items.value.flatMap((g) => g.agencies.map((a) => [a.id, g.name] as const)));
    return (organizations.data.value ?? [])
      .filter((a) => a.kind === 'agency' && !group.agencies.some((g) => g.id === a.id))
      .map((a) => ({ id: a.id, name: a.name, groupName: groupOf.get(a.id) ?? null }));
  }

  function canInvite(group: PartnerGroup): boolean {
    return viewOf.value.get(group.id)?.grantableRoles.includes('group_admin') ?? false;
  }

  async function reload(): Promise<void> {
    await Promise.all([groups.reload(), organizations.reload()]);
  }

  /** Why a write was refused; a group that is not empty says what it still holds. */
  function refusal(e: unknown): string {
    if (!(e instanceof ApiError) || e.code !== 'partner_group_not_empty') return errorMessage(e);
    const agencies = (e.details?.agencies as { name: string }[] | undefined) ?? [];
    const credits = typeof e.details?.credits === 'number' ? e.details.credits : 0;
    const holds = [
      ...(agencies.length ? [`the agencies ${agencies.map((a) => a.name).join(', ')}`] : []),
      ...(credits ? [`${credits} credits`] : []),
    ];
    return `This group still holds ${holds.join(' and ')}. Move its agencies out and take its credits back first.`;
  }

  /** Runs one write for `group`, its outcome shown on the group's card. */
  async function run(group: PartnerGroup, what: string, write: () => Promise<string>): Promise<boolean> {
    busy.value = `${group.id}:${what}`;
    delete errors[group.id];
    delete notices[group.id];
    try {
      notices[group.id] = await write();
      return true;
    } catch (e) {
      errors[group.id] = refusal(e);
      return false;
    } finally {
      busy.value = null;
    }
  }

  async function create(): Promise<void> {
    const name = newName.value.trim();
    if (!name) return;
    busy.value = 'create';
    createError.value = null;
    try {
      await api.partnerGroups.create(name);
      newName.value = '';
      // Both: the new group's view carries what may be granted in it.
      await reload();
    } catch (e) {
      createError.value = errorMessage(e);
    } finally {
      busy.value = null;
    }
  }

  function startRename(group: PartnerGroup): void {
    renaming.value = group.id;
    newGroupName.value = group.name;
  }

  async function rename(group: PartnerGroup): Promise<void> {
    const name = newGroupName.value.trim();
    if (!name) return;
    const renamed = await run(group, 'rename', async () => {
      await api.partnerGroups.rename(group.id, name);
      return `Renamed to ${name}.`;
    });
    if (renamed) {
      renaming.value = null;
      await groups.reload();
    }
  }

  async function addAgency(group: PartnerGroup): Promise<void> {
    const agencyId = moveChoice[group.id];
    if (!agencyId) return;
    const moved = await run(group, 'move', async () => {
      const { agency } = await api.partnerGroups.addAgency(group.id, agencyId);
      return `${agency.name} and everything below it moved into ${group.name}.`;
    });
    if (moved) {
      delete moveChoice[group.id];
      await groups.reload();
    }
  }

  async function removeAgency(group: PartnerGroup, agency: PartnerGroup['agencies'][number]): Promise<void> {
    const moved = await run(group, `out:${agency.id}`, async () => {
      await api.partnerGroups.removeAgency(group.id, agency.id);
      return `${agency.name} moved out: it is directly under the platform again.`;
    });
    if (moved) await groups.reload();
  }

  async function invite(group: PartnerGroup): Promise<void> {
    const email = (inviteEmail[group.id] ?? '').trim();
    if (!email) return;
    const invited = await run(group, 'invite', async () => {
      await api.organizations.invite(group.id, { email, role: 'group_admin' });
      return `Invitation mailed to ${email}.`;
    });
    if (invited) delete inviteEmail[group.id];
  }

  async function remove(group: PartnerGroup): Promise<void> {
    const removed = await run(group, 'delete', async () => {
      await api.partnerGroups.remove(group.id);
      return '';
    });
    if (removed) {
      deleting.value = null;
      await groups.reload();
    }
  }

  return {
    groups,
    organizations,
    items,
    canManage,
    newName,
    busy,
    createError,
    errors,
    notices,
    moveChoice,
    inviteEmail,
    deleting,
    renaming,
    newGroupName,
    choicesFor,
    canInvite,
    reload,
    create,
    startRename,
    rename,
    addAgency,
    removeAgency,
    invite,
    remove,
  };
}
