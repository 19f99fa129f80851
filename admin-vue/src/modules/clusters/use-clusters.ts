import { computed, reactive, ref } from 'vue';
import { ApiError } from '../../api';
import type { Cluster, ClusterDetail } from '../../api/models';
import { useApi } from '../../composables/use-api';
import { useResource } from '../../composables/use-resource';
import { errorMessage } from '../../messages';
import { formatLabels, parseLabels } from './labels';

/** What a cluster form holds, as typed. */
export interface ClusterForm {
  name: string;
  region: string;
  capacity: number;
  labels: string;
}

const blank = (): ClusterForm => ({ name: '', region: '', capacity: 1000, labels: '' });

/**
 * The Clusters page (superadmins, `clusters.manage`): every cluster with its load and health,
 * adding one (the server commits its entry point), editing region, capacity and labels, opening
 * or closing it to new tenants, deleting an empty one, and one cluster's tenants page by page.
 * Each write reloads the list, so counts always show the server's state.
 */
export function useClusters() {
  const api = useApi();
  const clusters = useResource(() => api.clusters.list());
  const items = computed<Cluster[]>(() => clusters.data.value ?? []);

  const form = reactive<ClusterForm>(blank());
  /** The cluster being edited (its name), or null: the form adds one. */
  const editing = ref<string | null>(null);
  const formError = ref<string | null>(null);
  /** One write at a time: `create`, or `<name>:<what>`. */
  const busy = ref<string | null>(null);
  const errors = reactive<Record<string, string>>({});

  /** The cluster whose tenants are shown, and the pages loaded so far. */
  const shown = ref<ClusterDetail | null>(null);
  const shownTenants = ref<ClusterDetail['tenantPage']['items']>([]);

  function edit(cluster: Cluster): void {
    editing.value = cluster.name;
    Object.assign(form, {
      name: cluster.name,
      region: cluster.region,
      capacity: cluster.capacity,
      labels: formatLabels(cluster.labels),
    });
    formError.value = null;
  }

  function cancelEdit(): void {
    editing.value = null;
    Object.assign(form, blank());
    formError.value = null;
  }

  async function save(): Promise<void> {
    const labels = parseLabels(form.labels);
    if (labels === null) {
      formError.value = 'Write labels as key=value, separated by commas.';
      return;
    }
    const fields = { region: form.region.trim(), capacity: Number(form.capacity), labels };
    busy.value = 'create';
    formError.value = null;
    try {
      if (editing.value) await api.clusters.update(editing.value, fields);
      else await api.clusters.create({ name: form.name.trim(), ...fields });
      cancelEdit();
      await clusters.reload();
    } catch (e) {
      formError.value = errorMessage(e);
    } finally {
      busy.value = null;
    }
  }

  async function run(cluster: Cluster, what: string, write: () => Promise<unknown>): Promise<void> {
    busy.value = `${cluster.name}:${what}`;
    delete errors[cluster.name];
    try {
      await write();
      await clusters.reload();
    } catch (e) {
      errors[cluster.name] =
        e instanceof ApiError && e.code === 'cluster_not_empty'
          ? `${cluster.name} still runs ${String(e.details?.tenants ?? 'some')} tenants: move them to another cluster first.`
          : errorMessage(e);
    } finally {
      busy.value = null;
    }
  }

  const toggleAccepting = (cluster: Cluster) =>
    run(cluster, 'accepts', () =>
      api.clusters.update(cluster.name, { acceptsTenants: !cluster.acceptsTenants }),
    );

  const remove = (cluster: Cluster) => run(cluster, 'delete', () => api.clusters.remove(cluster.name));

  /** Shows the cluster's first page of tenants; `more` appends the next page. */
  async function showTenants(name: string, more = false): Promise<void> {
    delete errors[name];
    try {
      const cursor = more ? shown.value?.tenantPage.nextCursor : undefined;
      const page = await api.clusters.get(name, { limit: 50, ...(cursor ? { cursor } : {}) });
      shownTenants.value = more ? [...shownTenants.value, ...page.tenantPage.items] : page.tenantPage.items;
      shown.value = page;
    } catch (e) {
      errors[name] = errorMessage(e);
    }
  }

  return {
    clusters,
    items,
    form,
    editing,
    formError,
    busy,
    errors,
    shown,
    shownTenants,
    edit,
    cancelEdit,
    save,
    toggleAccepting,
    remove,
    showTenants,
    reload: () => clusters.reload(),
  };
}
