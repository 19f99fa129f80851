import { computed, ref } from 'vue';
import { useApi } from '../../composables/use-api';
import { useResource } from '../../composables/use-resource';

/** The Manifests tab: the tenant's rendered files at `main`, one selected at a time. */
export function useManifests(id: () => string) {
  const api = useApi();
  const resource = useResource(() => api.organizations.manifests(id()));
  const selectedPath = ref<string | null>(null);
  const files = computed(() =>
    [...(resource.data.value?.files ?? [])].sort((a, b) => a.path.localeCompare(b.path)),
  );
  const selected = computed(
    () => files.value.find((f) => f.path === selectedPath.value) ?? files.value[0] ?? null,
  );
  /** Paths shown relative to the tenant's folder. */
  const prefix = computed(() => {
    const dir = resource.data.value?.dir;
    return dir ? `${dir.replace(/\/$/, '')}/` : '';
  });
  function select(path: string) {
    selectedPath.value = path;
  }
  return { resource, files, selected, prefix, select };
}
