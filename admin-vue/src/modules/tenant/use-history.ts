import { ref } from 'vue';
import { useApi } from '../../composables/use-api';
import { useResource } from '../../composables/use-resource';

/** The History tab: commits touching the tenant, newest first, one expanded to its diff. */
export function useHistory(id: () => string) {
  const api = useApi();
  const resource = useResource(() => api.organizations.history(id()));
  const expanded = ref<string | null>(null);
  function toggle(sha: string) {
    expanded.value = expanded.value === sha ? null : sha;
  }
  return { resource, expanded, toggle };
}
