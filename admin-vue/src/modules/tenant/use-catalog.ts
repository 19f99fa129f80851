import { computed, onMounted } from 'vue';
import type { ProjectType } from '../../api/models';
import { useApi } from '../../composables/use-api';
import { useResource } from '../../composables/use-resource';
import { plugins as fallbackPlugins, themes as fallbackThemes } from '../../lib/catalog';

export interface ThemeChoice {
  name: string;
  label: string;
  version: string | null;
}

export interface PluginChoice {
  key: string;
  label: string;
  description: string;
}

/**
 * The themes and plugins a tenant may switch to: the server's catalog (newest
 * version per theme, only those made for the tenant's project type), or the
 * built-in list while it cannot be read.
 */
export function useCatalog(projectType: () => ProjectType | null) {
  const api = useApi();
  const themes = useResource(() => api.catalog.themes());
  const plugins = useResource(() => api.catalog.plugins());
  onMounted(() => Promise.all([themes.reload(), plugins.reload()]));

  const themeChoices = computed<ThemeChoice[]>(() => {
    const rows = themes.data.value;
    if (!rows) return fallbackThemes.map((t) => ({ name: t.name, label: t.label, version: null }));
    const seen = new Map<string, ThemeChoice>();
    for (const t of rows) {
      const type = projectType();
      if (!t.available || seen.has(t.name) || (type && !t.projectTypes.includes(type))) continue;
      seen.set(t.name, { name: t.name, label: t.displayName, version: t.version });
    }
    return [...seen.values()];
  });

  const pluginChoices = computed<PluginChoice[]>(() => {
    const rows = plugins.data.value;
    if (!rows) return fallbackPlugins.map((p) => ({ key: p.id, label: p.label, description: p.description }));
    return rows
      .filter((p) => p.available)
      .map((p) => ({ key: p.key, label: p.name, description: p.description }));
  });

  return { themeChoices, pluginChoices };
}
