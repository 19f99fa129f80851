import { type InjectionKey, inject } from 'vue';
import type { Api } from '../api';

export const apiKey: InjectionKey<Api> = Symbol('api');

/** The API client provided by main.ts (or by a test). */
export function useApi(): Api {
  const api = inject(apiKey, null);
  if (!api) throw new Error('useApi() called without an API client provided (app.provide(apiKey, api))');
  return api;
}
