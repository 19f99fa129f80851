import type { Http } from './http';
import type { PluginInput, ThemeInput } from './models';

/** The theme and plugin catalog: everyone reads it, superadmins edit it. */
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
  };
}
