import { ref } from 'vue';
import { ApiError } from '../../api/http';
import type { CatalogPlugin, CatalogTheme } from '../../api/models';
import { useApi } from '../../composables/use-api';
import { errorMessage } from '../../messages';

/** An organization the server named as still using an entry. */
export interface UsingOrganization {
  id: string;
  slug: string;
  name: string;
}

/** What is typed to confirm: a theme version as `name@version`, a plugin by its key. */
export const themeEntry = (t: Pick<CatalogTheme, 'name' | 'version'>) => `${t.name}@${t.version}`;

/**
 * Deleting a catalog entry (a theme version, a plugin): the person types its name first; the
 * server deletes only an entry no tenant uses, and otherwise names the organizations still on it,
 * which are listed with the refusal so they can be moved off it (or the entry withdrawn instead).
 */
export function useCatalogDeletion(reload: { themes: () => Promise<void>; plugins: () => Promise<void> }) {
  const api = useApi();
  /** The entry whose confirmation is open: `theme:<name@version>` or `plugin:<key>`. */
  const deleting = ref<string | null>(null);
  const busy = ref(false);
  const error = ref<string | null>(null);
  const usedBy = ref<UsingOrganization[]>([]);
  const deleted = ref<string | null>(null);

  function ask(entry: string | null): void {
    deleting.value = entry;
    error.value = null;
    usedBy.value = [];
    deleted.value = null;
  }

  async function run(label: string, call: () => Promise<unknown>, after: () => Promise<void>): Promise<void> {
    busy.value = true;
    error.value = null;
    usedBy.value = [];
    try {
      await call();
      deleting.value = null;
      deleted.value = label;
      await after();
    } catch (e) {
      error.value = errorMessage(e);
      const named = e instanceof ApiError ? e.details?.organizations : undefined;
      usedBy.value = Array.isArray(named) ? (named as UsingOrganization[]) : [];
    } finally {
      busy.value = false;
    }
  }

  const deleteTheme = (t: CatalogTheme) =>
    run(`${t.displayName} ${t.version}`, () => api.catalog.deleteTheme(t.name, t.version), reload.themes);
  const deletePlugin = (p: CatalogPlugin) =>
    run(p.name, () => api.catalog.deletePlugin(p.key), reload.plugins);

  return { deleting, busy, error, usedBy, deleted, ask, deleteTheme, deletePlugin };
}
