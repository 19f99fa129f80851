import type { CatalogPlugin, CatalogTheme, PluginInput, ProjectType, ThemeInput } from '../../api/models';

/** The theme version form: a new theme (name editable) or a version of a known one. */
export interface ThemeForm {
  name: string;
  version: string;
  displayName: string;
  image: string;
  projectTypes: ProjectType[];
  defaultFor: ProjectType[];
  available: boolean;
  /** False while editing a version of an existing theme: its name is fixed. */
  isNew: boolean;
}

export interface PluginForm {
  key: string;
  name: string;
  description: string;
  defaultFor: ProjectType[];
  available: boolean;
  isNew: boolean;
}

/** What the catalog page hands either form: its save's progress and the server's complaints. */
export interface CatalogFormProps {
  saving: boolean;
  error: string | null;
  fieldError: (field: string) => string | undefined;
}

export const blankTheme = (): ThemeForm => ({
  name: '',
  version: '',
  displayName: '',
  image: '',
  projectTypes: [],
  defaultFor: [],
  available: true,
  isNew: true,
});

export const themeForm = (t: CatalogTheme): ThemeForm => ({
  name: t.name,
  version: t.version,
  displayName: t.displayName,
  image: t.image,
  projectTypes: [...t.projectTypes],
  defaultFor: [...t.defaultFor],
  available: t.available,
  isNew: false,
});

export const blankPlugin = (): PluginForm => ({
  key: '',
  name: '',
  description: '',
  defaultFor: [],
  available: true,
  isNew: true,
});

export const pluginForm = (p: CatalogPlugin): PluginForm => ({
  key: p.key,
  name: p.name,
  description: p.description,
  defaultFor: [...p.defaultFor],
  available: p.available,
  isNew: false,
});

/**
 * What a theme form saves. The whole version is sent (a PUT replaces it), defaults included, so
 * an edit never drops the project types the version is the default for; a default for a project
 * type the version is not made for is dropped, since no such tenant could get it.
 */
export function themeBody(form: ThemeForm): ThemeInput {
  return {
    displayName: form.displayName.trim(),
    image: form.image.trim(),
    projectTypes: form.projectTypes,
    defaultFor: form.defaultFor.filter((p) => form.projectTypes.includes(p)),
    available: form.available,
  };
}

export function pluginBody(form: PluginForm): PluginInput {
  return {
    name: form.name.trim(),
    description: form.description.trim(),
    defaultFor: form.defaultFor,
    available: form.available,
  };
}

/**
 * The theme version a new tenant of each project type gets, as the server picks it (catalog
 * service `defaultsFor`): among available versions marked default for that type, the first theme
 * by name, its newest version. `themes` comes as the server lists them, newest first per theme,
 * and the sort by name keeps that order. Several versions may be marked; only this one counts.
 */
export function effectiveDefaults(themes: readonly CatalogTheme[]): Map<ProjectType, CatalogTheme> {
  const byType = new Map<ProjectType, CatalogTheme>();
  const ordered = themes.filter((t) => t.available).sort((a, b) => a.name.localeCompare(b.name));
  for (const theme of ordered) {
    for (const type of theme.defaultFor) if (!byType.has(type)) byType.set(type, theme);
  }
  return byType;
}
