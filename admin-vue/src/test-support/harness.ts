/**
 * Test harness: a real Pinia and router, with the API client replaced by a
 * fake object the test describes. What tests assert is the admin's own
 * behaviour (what it shows, what it sends, what it decides), never the fake.
 */
import { mount } from '@vue/test-utils';
import { createPinia, type Pinia, setActivePinia } from 'pinia';
import { type Component, createApp, defineComponent, h } from 'vue';
import { createMemoryHistory, createRouter, type RouteRecordRaw, type Router } from 'vue-router';
import type { Api } from '../api';
import { apiKey } from '../composables/use-api';
import { useSessionStore } from '../stores/session';
import type { Organization, Role, User } from '../types';

type DeepPartial<T> = {
  [K in keyof T]?: T[K] extends (...args: never[]) => unknown ? T[K] : DeepPartial<T[K]>;
};

/** An API whose every method fails loudly unless the test provides it. */
export function fakeApi(parts: DeepPartial<Api> = {}): Api {
  const defaults: Record<string, unknown> = { subscribe: () => () => undefined };
  const callable = (target: Record<string, unknown>, path: string): unknown =>
    new Proxy(
      Object.assign(() => undefined, target),
      {
        get(obj, key: string) {
          if (key === 'then') return undefined;
          const value =
            (obj as unknown as Record<string, unknown>)[key] ?? (path === 'api' ? defaults[key] : undefined);
          if (value === undefined) return callable({}, `${path}.${key}`);
          if (typeof value === 'object' && value !== null)
            return callable(value as Record<string, unknown>, `${path}.${key}`);
          return value;
        },
        apply() {
          throw new Error(`fake api: ${path}() was called but the test did not provide it`);
        },
      },
    );
  return callable(parts as Record<string, unknown>, 'api') as Api;
}

export function user(role: Role, overrides: Partial<User> = {}): User {
  return {
    id: `user-${role}`,
    email: `${role}@example.test`,
    name: `The ${role}`,
    memberships: [{ organizationId: `org-of-${role}`, role, organizationName: `Org of ${role}` }],
    capabilities: [],
    ...overrides,
  };
}

export function org(overrides: Partial<Organization> & { id: string }): Organization {
  return {
    slug: overrides.id,
    name: overrides.id,
    kind: 'organization',
    parentId: null,
    state: 'active',
    tier: 'starter',
    projectType: 'website',
    theme: { name: 'luster-starter', version: '1.5.0' },
    plugins: ['seo-assistant'],
    domains: [],
    lastChange: null,
    sync: null,
    ...overrides,
  };
}

export interface Harness {
  api: Api;
  pinia: Pinia;
  router: Router;
}

/** A Pinia bound to an app that provides the fake API, optionally signed in as `as`. */
export function harness(api: Api, as?: User | null, routes: RouteRecordRaw[] = []): Harness {
  const pinia = createPinia();
  const app = createApp({});
  app.provide(apiKey, api);
  app.use(pinia);
  setActivePinia(pinia);
  if (as) {
    const session = useSessionStore(pinia);
    session.user = as;
    session.status = 'authenticated';
  }
  const router = createRouter({
    history: createMemoryHistory(),
    routes: [
      { path: '/', component: { render: () => null } },
      { path: '/:rest(.*)*', component: { render: () => null } },
      ...routes,
    ],
  });
  return { api, pinia, router };
}

/** Mounts a component with the harness' Pinia, router and API. */
export function mountWith(component: Component, h0: Harness, props: Record<string, unknown> = {}) {
  return mount(component, {
    props,
    global: { plugins: [h0.pinia, h0.router], provide: { [apiKey as symbol]: h0.api } },
  });
}

/** Runs a composable inside a component's setup (so lifecycle hooks and inject work). */
export function withSetup<T>(setup: () => T, h0: Harness): { result: T; unmount: () => void } {
  let result!: T;
  const wrapper = mountWith(
    defineComponent({
      setup() {
        result = setup();
        return () => h('div');
      },
    }),
    h0,
  );
  return { result, unmount: () => wrapper.unmount() };
}
