import { reactive, ref } from 'vue';
import type { FileDiff } from '../../api/models';
import { useApi } from '../../composables/use-api';
import { useResource } from '../../composables/use-resource';
import { errorMessage } from '../../messages';

/** The History tab: commits touching the tenant, newest first; a commit's diff loads when opened. */
export function useHistory(id: () => string) {
  const api = useApi();
  const resource = useResource(() => api.organizations.history(id()));
  const expanded = ref<string | null>(null);
  const diffs = reactive<Record<string, { loading: boolean; error: string | null; files: FileDiff[] }>>({});

  /**
   * A commit made for a change request shows that change's per-file diff
   * (`GET /change-requests/{id}`); other commits ask for the commit's own diff.
   */
  async function loadDiff(sha: string): Promise<void> {
    if (diffs[sha] && !diffs[sha].error) return;
    diffs[sha] = { loading: true, error: null, files: [] };
    const changeRequestId = resource.data.value?.find((c) => c.sha === sha)?.changeRequestId;
    try {
      const files = changeRequestId
        ? ((await api.changeRequests.get(changeRequestId)).files ?? [])
        : await api.organizations.commitDiff(id(), sha);
      diffs[sha] = { loading: false, error: null, files };
    } catch (e) {
      diffs[sha] = { loading: false, error: errorMessage(e), files: [] };
    }
  }

  function toggle(sha: string) {
    expanded.value = expanded.value === sha ? null : sha;
    if (expanded.value) void loadDiff(sha);
  }
  return { resource, expanded, diffs, toggle, loadDiff };
}
