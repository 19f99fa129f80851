import { computed, onMounted, ref, shallowRef } from 'vue';
import type { CatalogPlugin, CatalogTheme } from '../../api/models';
import { useApi } from '../../composables/use-api';
import { useResource } from '../../composables/use-resource';
import { errorMessage, fieldErrors } from '../../messages';
import {
  blankPlugin,
  blankTheme,
  effectiveDefaults,
  type PluginForm,
  pluginBody,
  pluginForm,
  type ThemeForm,
  themeBody,
  themeForm,
} from './catalog-forms';

/** One form's saving state: the server's refusal is shown beside the field it names. */
function useSave() {
  const saving = ref(false);
  const error = ref<string | null>(null);
  const failure = shallowRef<unknown>(null);
  const fieldError = (field: string) => fieldErrors(failure.value)[field];
  async function run(save: () => Promise<void>): Promise<boolean> {
    saving.value = true;
    error.value = null;
    failure.value = null;
    try {
      await save();
      return true;
    } catch (e) {
      error.value = errorMessage(e);
      failure.value = e;
      return false;
    } finally {
      saving.value = false;
    }
  }
  function reset(): void {
    error.value = null;
    failure.value = null;
  }
  return { saving, error, fieldError, run, reset };
}

/**
 * The superadmins' catalog page: every theme version and plugin; a form that adds a theme, adds a
 * version of one or edits one (its image checked by the server: pinned, from an allowed
 * registry), with the project types it is the default for; and one that adds or edits a plugin,
 * withdrawing it when it is no longer offered (tenants that use it keep it).
 */
export function useCatalogEditor() {
  const api = useApi();
  const themes = useResource(() => api.catalog.themes());
  const plugins = useResource(() => api.catalog.plugins());
  onMounted(() => Promise.all([themes.reload(), plugins.reload()]));

  const theme = ref<ThemeForm | null>(null);
  const plugin = ref<PluginForm | null>(null);
  const themeSave = useSave();
  const pluginSave = useSave();
  const saved = ref<string | null>(null);
  /** Which version each project type's new tenants get now. */
  const defaults = computed(() => effectiveDefaults(themes.data.value ?? []));

  /** A new theme, or an existing version: edit it, or change the version to add the next one. */
  function editTheme(from: CatalogTheme | null): void {
    theme.value = from ? themeForm(from) : blankTheme();
    saved.value = null;
    themeSave.reset();
  }

  function editPlugin(from: CatalogPlugin | null): void {
    plugin.value = from ? pluginForm(from) : blankPlugin();
    saved.value = null;
    pluginSave.reset();
  }

  async function saveTheme(): Promise<void> {
    const form = theme.value;
    if (!form) return;
    saved.value = null;
    const ok = await themeSave.run(async () => {
      const answer = await api.catalog.saveTheme(form.name.trim(), form.version.trim(), themeBody(form));
      saved.value = `${answer.displayName} ${answer.version}`;
    });
    if (!ok) return;
    theme.value = null;
    await themes.reload();
  }

  async function savePlugin(): Promise<void> {
    const form = plugin.value;
    if (!form) return;
    saved.value = null;
    const ok = await pluginSave.run(async () => {
      const answer = await api.catalog.savePlugin(form.key.trim(), pluginBody(form));
      saved.value = answer.name;
    });
    if (!ok) return;
    plugin.value = null;
    await plugins.reload();
  }

  return {
    themes,
    plugins,
    defaults,
    theme,
    plugin,
    themeSave,
    pluginSave,
    saved,
    editTheme,
    editPlugin,
    saveTheme,
    savePlugin,
  };
}
