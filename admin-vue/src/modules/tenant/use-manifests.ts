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
  /** Paths shown relative to the tenant folder they share. */
  const prefix = computed(() => {
    const paths = files.value.map((f) => f.path);
    if (paths.length < 2) return paths[0]?.slice(0, paths[0].lastIndexOf('/') + 1) ?? '';
    let common = paths[0] ?? '';
    for (const p of paths)
      while (!p.startsWith(common)) common = common.slice(0, common.lastIndexOf('/', common.length - 2) + 1);
    return common;
  });
  function select(path: string) {
    selectedPath.value = path;
  }
  return { resource, files, selected, prefix, select };
}
