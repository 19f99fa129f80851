import { onMounted, reactive, ref, shallowRef } from 'vue';
import type { CatalogTheme, ProjectType } from '../../api/models';
import { useApi } from '../../composables/use-api';
import { useResource } from '../../composables/use-resource';
import { errorMessage, fieldErrors } from '../../messages';

/**
 * The superadmins' catalog page: every theme version and plugin, and a form that adds or edits a
 * theme version. The server checks the image (pinned, from an allowed registry) and its refusal is
 * shown beside the field it names.
 */
export function useCatalogEditor() {
  const api = useApi();
  const themes = useResource(() => api.catalog.themes());
  const plugins = useResource(() => api.catalog.plugins());
  onMounted(() => Promise.all([themes.reload(), plugins.reload()]));

  const form = reactive({
    name: '',
    version: '',
    displayName: '',
    image: '',
    projectTypes: [] as ProjectType[],
    available: true,
  });
  const editing = ref(false);
  const saving = ref(false);
  const saved = ref<string | null>(null);
  const error = ref<string | null>(null);
  const failure = shallowRef<unknown>(null);
  const fieldError = (field: string) => fieldErrors(failure.value)[field];

  /** Starts from an existing version: edit it, or change the version to add the next one. */
  function edit(theme: CatalogTheme): void {
    Object.assign(form, {
      name: theme.name,
      version: theme.version,
      displayName: theme.displayName,
      image: theme.image,
      projectTypes: [...theme.projectTypes],
      available: theme.available,
    });
    editing.value = true;
    saved.value = null;
    error.value = null;
    failure.value = null;
  }

  async function save(): Promise<void> {
    saving.value = true;
    error.value = null;
    failure.value = null;
    saved.value = null;
    try {
      const theme = await api.catalog.saveTheme(form.name.trim(), form.version.trim(), {
        displayName: form.displayName,
        image: form.image.trim(),
        projectTypes: form.projectTypes,
        available: form.available,
      });
      saved.value = `${theme.displayName} ${theme.version}`;
      editing.value = false;
      await themes.reload();
    } catch (e) {
      error.value = errorMessage(e);
      failure.value = e;
    } finally {
      saving.value = false;
    }
  }

  return { themes, plugins, form, editing, saving, saved, error, fieldError, edit, save };
}
