import type { OrganizationAction } from '@luster/contract';
import { computed, ref } from 'vue';
import type { ActionResult, ClusterChoice, FileDiff, Organization } from '../../api/models';
import type { Backups } from '../../api/moves';
import { useApi } from '../../composables/use-api';
import { useResource } from '../../composables/use-resource';
import { can } from '../../lib/allowed-actions';
import { errorMessage } from '../../messages';
import type { ActionPhase } from './use-tenant-action';

/** What the person is asking for: a move to another cluster, or a restore to a point in time. */
export type PlacementChoice = 'move' | 'restore';

/**
 * `datetime-local`'s value (local time, to the second) for an instant: a window that opened
 * minutes ago — a database recovered by the last move — still offers a time inside it.
 */
export function toLocalInput(iso: string): string {
  const d = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`;
}

/**
 * The tenant's cluster and database (issue 17): the backups line, a move to another cluster and
 * a restore to a point in time — each previewed, then recorded for a second person's review — and
 * the release of the database either one kept, once the tenant is Ready on the new one. Which of
 * these the person is offered follows the server's `allowedActions`; a release is governed by the
 * action that kept the copy (a move's copy on another cluster, else a restore's).
 */
export function usePlacement(org: () => Organization, isReady: () => boolean) {
  const api = useApi();
  const backups = useResource<Backups>(() => api.moves.backups(org().id));
  const offered = (action: OrganizationAction) => can(org(), action);
  const canMove = computed(() => offered('organization.move'));
  const canRestore = computed(() => offered('organization.restore'));

  /** Clusters that take tenants, other than this one; null until loaded. */
  const clusterChoices = ref<ClusterChoice[] | null>(null);
  const clustersError = ref<string | null>(null);
  async function loadClusters(): Promise<void> {
    clustersError.value = null;
    try {
      const clusters = await api.clusters.choices();
      clusterChoices.value = clusters.filter((c) => c.name !== org().cluster);
    } catch (e) {
      clustersError.value = errorMessage(e);
    }
  }

  const kept = computed(() => backups.data.value?.database.kept ?? null);
  /** The copy waiting for its release, and whether this person may release it. */
  const releasable = computed(() => {
    const copy = kept.value;
    if (copy?.stage !== 'kept') return null;
    const moved = copy.cluster !== backups.data.value?.cluster;
    return offered(moved ? 'organization.move' : 'organization.restore') ? { ...copy, moved } : null;
  });
  /** The tenant is reported Ready on its new database: a person may confirm it and let the old go. */
  const canReleaseNow = computed(() => releasable.value !== null && isReady());

  const choice = ref<PlacementChoice | null>(null);
  const cluster = ref('');
  const time = ref('');
  const reason = ref('');
  const phase = ref<ActionPhase>('idle');
  const files = ref<FileDiff[]>([]);
  const result = ref<ActionResult | null>(null);
  const error = ref<string | null>(null);
  const nothingChanges = computed(() => phase.value === 'preview' && files.value.length === 0);
  const targetTime = computed(() => (time.value ? new Date(time.value).toISOString() : ''));

  function pick(next: PlacementChoice | null): void {
    choice.value = next;
    phase.value = 'idle';
    files.value = [];
    error.value = null;
    result.value = null;
    if (next === 'move' && clusterChoices.value === null) void loadClusters();
  }

  /** The diff the change would commit; nothing is recorded. */
  async function preview(): Promise<void> {
    phase.value = 'previewing';
    error.value = null;
    try {
      const answer =
        choice.value === 'move'
          ? await api.moves.previewMove(org().id, cluster.value.trim())
          : await api.moves.previewRestore(org().id, targetTime.value);
      files.value = answer.files;
      phase.value = 'preview';
    } catch (e) {
      error.value = errorMessage(e);
      phase.value = 'idle';
    }
  }

  /** Records what was previewed, for review — never anything else. */
  async function confirm(): Promise<ActionResult | null> {
    if (phase.value !== 'preview' || nothingChanges.value) return null;
    phase.value = 'applying';
    error.value = null;
    const why = reason.value.trim() || undefined;
    try {
      result.value =
        choice.value === 'move'
          ? await api.moves.move(org().id, cluster.value.trim(), why)
          : await api.moves.restore(org().id, targetTime.value, why);
      phase.value = 'done';
      await backups.reload();
      return result.value;
    } catch (e) {
      error.value = errorMessage(e);
      phase.value = 'preview';
      return null;
    }
  }

  const releasing = ref(false);
  const released = ref<ActionResult | null>(null);
  const releaseError = ref<string | null>(null);
  async function release(): Promise<ActionResult | null> {
    releasing.value = true;
    releaseError.value = null;
    try {
      released.value = await api.moves.release(org().id, reason.value.trim() || undefined);
      await backups.reload();
      return released.value;
    } catch (e) {
      releaseError.value = errorMessage(e);
      return null;
    } finally {
      releasing.value = false;
    }
  }

  return {
    backups,
    canMove,
    canRestore,
    clusterChoices,
    clustersError,
    kept,
    releasable,
    canReleaseNow,
    choice,
    cluster,
    time,
    reason,
    phase,
    files,
    result,
    error,
    nothingChanges,
    targetTime,
    pick,
    preview,
    confirm,
    releasing,
    released,
    releaseError,
    release,
  };
}
