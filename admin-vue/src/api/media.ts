import type { Answer, Body, Http } from './http';

/** One recorded object: key `YYYY/MM/<name>`, what S3 stored, and a presigned GET in listings. */
export type MediaItem = Answer<'/organizations/{id}/media', 'get'>['items'][number];
export type MediaPage = Answer<'/organizations/{id}/media', 'get'>;
export type MediaFilters = NonNullable<
  import('./schema').paths['/organizations/{id}/media']['get']['parameters']['query']
>;
export type MediaKind = NonNullable<MediaFilters['type']>;
/** The bucket's state and the tier's quota in use; null for the platform (no bucket). */
export type MediaStatus = Answer<'/organizations/{id}/media/status', 'get'>;
export type MediaUploadInput = Body<'/organizations/{id}/media/uploads', 'post'>;
/** A presigned PUT: the bytes go from the browser straight to S3, never through the control plane. */
export type MediaUpload = Answer<'/organizations/{id}/media/uploads', 'post'>;

/** An organization's media, and every visible organization's (the agency-wide page). */
export function mediaApi(http: Http) {
  return {
    list: (id: string, filters: MediaFilters = {}) =>
      http.call('get', '/organizations/{id}/media', { path: { id }, query: filters }),
    listAll: (filters: MediaFilters = {}) => http.call('get', '/media', { query: filters }),
    status: (id: string) => http.call('get', '/organizations/{id}/media/status', { path: { id } }),
    createUpload: (id: string, input: MediaUploadInput) =>
      http.call('post', '/organizations/{id}/media/uploads', { path: { id }, body: input }),
    complete: (id: string, key: string) =>
      http.call('post', '/organizations/{id}/media/complete', { path: { id }, body: { key } }),
    remove: (id: string, key: string) =>
      http.call('delete', '/organizations/{id}/media', { path: { id }, query: { key } }),
  };
}
