import type { Http } from './http';
import type { PluginInput, ThemeInput } from './models';

/** The theme and plugin catalog: everyone reads it, superadmins edit and delete entries. */
export function catalogApi(http: Http) {
  return {
    async themes() {
      return (await http.call('get', '/catalog/themes')).items;
    },
    async plugins() {
      return (await http.call('get', '/catalog/plugins')).items;
    },
    /** Adds or edits one theme version; the server checks the image is pinned and allowed. */
    saveTheme: (name: string, version: string, body: ThemeInput) =>
      http.call('put', '/catalog/themes/{name}/{version}', { path: { name, version }, body }),
    /** Adds or edits a plugin. */
    savePlugin: (key: string, body: PluginInput) =>
      http.call('put', '/catalog/plugins/{key}', { path: { key }, body }),
    /** Deletes a theme version no tenant uses (409 catalog_entry_in_use names those that do). */
    deleteTheme: (name: string, version: string) =>
      http.call('delete', '/catalog/themes/{name}/{version}', { path: { name, version } }),
    /** Deletes a plugin no tenant uses. */
    deletePlugin: (key: string) => http.call('delete', '/catalog/plugins/{key}', { path: { key } }),
  };
}
