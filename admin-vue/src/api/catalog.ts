import type { Http } from './http';

/** The theme and plugin catalog. */
export function catalogApi(http: Http) {
  return {
    async themes() {
      return (await http.call('get', '/catalog/themes')).items;
    },
    async plugins() {
      return (await http.call('get', '/catalog/plugins')).items;
    },
  };
}
