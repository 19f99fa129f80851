/**
 * Test harness: a real Pinia and router, with the API client replaced by a
 * fake object the test describes. What tests assert is the admin's own
 * behaviour (what it shows, what it sends, what it decides), never the fake.
 */
import { platformActions } from '@luster/contract';
import { mount } from '@vue/test-utils';
import { createPinia, type Pinia, setActivePinia } from 'pinia';
import { type Component, createApp, defineComponent, h } from 'vue';
import { createMemoryHistory, createRouter, type RouteRecordRaw, type Router } from 'vue-router';
import type { Api } from '../api';
import type { Membership, Organization, Role, User } from '../api/models';
import { apiKey } from '../composables/use-api';
import { useSessionStore } from '../stores/session';

/** Data a fake answers: only the fields the code under test reads. */
export type Fixture<T> = T extends readonly (infer U)[]
  ? Fixture<U>[]
  : T extends object
    ? { [K in keyof T]?: Fixture<T[K]> }
    : T;

/** The fake's shape: any method, answering any part of what the real one answers. */
type Fake<T> = T extends (...args: infer A) => infer R
  ? (...args: A) => R extends Promise<infer V> ? Promise<Fixture<V>> : R
  : { [K in keyof T]?: Fake<T[K]> };

/** An API whose every method fails loudly unless the test provides it. */
export function fakeApi(parts: Fake<Api> = {}): Api {
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

/** A membership at `organizationId` (named after it) with `role`. */
export function membership(organizationId: string, role: Role): Membership {
  return {
    organizationId,
    role,
    organizationName: `Org ${organizationId}`,
    slug: organizationId,
    kind: 'organization',
  };
}

/** Only a membership's organization and role matter to the tests; the names are made up. */
type MembershipInput = Pick<Membership, 'organizationId' | 'role'>;

export function user(
  role: Role,
  {
    memberships,
    ...overrides
  }: Omit<Partial<User>, 'memberships'> & { memberships?: readonly MembershipInput[] } = {},
): User {
  return {
    id: `user-${role}`,
    email: `${role}@example.test`,
    name: `The ${role}`,
    emailVerified: true,
    roles: [role],
    memberships: [membership(`org-of-${role}`, role)],
    capabilities: [],
    // What GET /me lists: the whole platform table for a superadmin, reviewing for a reviewer.
    platformActions:
      role === 'superadmin'
        ? [...platformActions]
        : overrides.capabilities?.includes('reviewer')
          ? ['changes.approve']
          : [],
    ...overrides,
    ...(memberships ? { memberships: memberships.map((m) => membership(m.organizationId, m.role)) } : {}),
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
    branding: {},
    cluster: null,
    suspendedBy: null,
    lastChange: null,
    sync: null,
    media: null,
    createdAt: '2026-01-01T00:00:00.000Z',
    // The least any visible organization offers; a test that needs a control grants its action.
    allowedActions: ['organization.read'],
    grantableRoles: [],
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
