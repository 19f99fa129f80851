import { computed, onScopeDispose, ref } from 'vue';
import type { Organization, SyncSummary } from '../../api/models';
import { useApi } from '../../composables/use-api';
import { errorMessage } from '../../messages';
import { useLiveStore } from '../../stores/live';

export type StepState = 'done' | 'active' | 'waiting' | 'failed';

export interface SetupStep {
  id: 'account' | 'organization' | 'commit' | 'apply' | 'live';
  label: string;
  state: StepState;
}

/**
 * Turns the real provisioning status of the person's organization into the
 * first-login loader's steps: account → organization → manifests committed →
 * cluster applying → live. Polls the API and listens to the live stream.
 */
export function useProvisioning(orgId: () => string | null, pollMs = 2000) {
  const api = useApi();
  const live = useLiveStore();
  const org = ref<Organization | null>(null);
  const fetched = ref<SyncSummary | null>(null);
  const error = ref<string | null>(null);
  let timer: ReturnType<typeof setTimeout> | undefined;
  let stopped = false;

  const sync = computed(() => (org.value ? (live.statuses[org.value.id] ?? fetched.value) : fetched.value));
  const awaitingApproval = computed(() => org.value?.state === 'pending_review');

  const steps = computed<SetupStep[]>(() => {
    const s = sync.value;
    const hasOrg = !!org.value && !awaitingApproval.value;
    const committed = hasOrg && !!s?.lastChange;
    const ready = committed && s?.status === 'Ready';
    const failed = committed && s?.status === 'Failed';
    const at = (done: boolean, active: boolean): StepState => (done ? 'done' : active ? 'active' : 'waiting');
    return [
      { id: 'account', label: 'Creating your account', state: 'done' },
      { id: 'organization', label: 'Registering your organization', state: at(hasOrg, !hasOrg) },
      {
        id: 'commit',
        label: 'Writing your site’s configuration to git',
        state: at(committed, hasOrg && !committed),
      },
      {
        id: 'apply',
        label: 'Deploying theme, database and plugins',
        state: failed ? 'failed' : at(ready, committed),
      },
      { id: 'live', label: 'Your site is live', state: at(ready, false) },
    ];
  });

  const progress = computed(() => {
    const list = steps.value;
    const done = list.filter((s) => s.state === 'done').length;
    const active = list.some((s) => s.state === 'active') ? 0.5 : 0;
    return Math.round(((done + active) / list.length) * 100);
  });
  const finished = computed(() => steps.value.every((s) => s.state === 'done'));
  const failed = computed(() => steps.value.some((s) => s.state === 'failed'));

  async function poll(): Promise<void> {
    const id = orgId();
    if (!id || stopped) return;
    try {
      org.value = await api.organizations.get(id);
      if (org.value.state !== 'pending_review')
        fetched.value = await api.organizations.sync(id).catch(() => null);
      error.value = null;
    } catch (e) {
      error.value = errorMessage(e);
    }
    if (!stopped && !finished.value) timer = setTimeout(poll, pollMs);
  }

  function stop() {
    stopped = true;
    clearTimeout(timer);
  }
  onScopeDispose(stop);

  return { org, sync, steps, progress, finished, failed, awaitingApproval, error, poll, stop };
}
