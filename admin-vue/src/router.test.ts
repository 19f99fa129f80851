import { createPinia } from 'pinia';
import { beforeEach, describe, expect, it } from 'vitest';
import { createApp } from 'vue';
import { createMemoryHistory } from 'vue-router';
import { pages } from '../e2e/support/pages';
import type { User } from './api/models';
import { apiKey } from './composables/use-api';
import { markSeen } from './lib/onboarding';
import { createAppRouter } from './router';
import { fakeApi, harness, user } from './test-support/harness';

async function navigate(to: string, me: User | null) {
  const api = fakeApi({
    auth: {
      hasSession: () => me !== null,
      me: async () => {
        if (!me) throw new Error('no session');
        return me;
      },
    },
  });
  const h = harness(api);
  const app = createApp({});
  app.provide(apiKey, api);
  app.use(h.pinia);
  const router = createAppRouter(h.pinia, createMemoryHistory());
  await router.push(to);
  return router.currentRoute.value;
}

describe('the router guard', () => {
  beforeEach(() => localStorage.clear());

  it('sends a visitor without a session to sign in, remembering where they were going', async () => {
    const route = await navigate('/organizations/abc/sync', null);
    expect(route.name).toBe('login');
    expect(route.query.redirect).toBe('/organizations/abc/sync');
  });

  it('lets anyone reach registration', async () => {
    expect((await navigate('/register', null)).name).toBe('register');
  });

  it('shows a tenant user the setup loader on first sign-in, once', async () => {
    const editor = user('editor');
    expect((await navigate('/organizations', editor)).name).toBe('welcome');
    markSeen(editor.id, 'loader');
    expect((await navigate('/organizations', editor)).name).toBe('organizations');
  });

  it('keeps agency requests for superadmins', async () => {
    const admin = user('agency_admin');
    markSeen(admin.id, 'loader');
    expect((await navigate('/agency-requests', admin)).name).toBe('not-found');
    expect((await navigate('/agency-requests', user('superadmin'))).name).toBe('agency-requests');
  });
});

describe('the layout check (e2e/support/pages.ts)', () => {
  it('opens every page of the router, each organization tab included', () => {
    const router = createAppRouter(createPinia(), createMemoryHistory());
    const scene = {
      orgId: '11111111-1111-4111-8111-111111111111',
      changeId: '22222222-2222-4222-8222-222222222222',
    };
    const pageOf = (path: string) => {
      const to = router.resolve(path);
      return to.name === 'tenant' ? `tenant/${to.params.tab}` : String(to.name);
    };
    const checked = new Set(pages.map((p) => pageOf(p.path(scene))));
    // The organization page's tabs are one route: each tab is its own page to check.
    const tabs = /:tab\(([^)]*)\)/.exec(router.getRoutes().find((r) => r.name === 'tenant')?.path ?? '')?.[1];
    const all = router
      .getRoutes()
      .flatMap((r) =>
        r.name === 'tenant'
          ? (tabs ?? '').split('|').map((t) => `tenant/${t}`)
          : r.name
            ? [String(r.name)]
            : [],
      );
    expect(tabs).toBeDefined();
    expect(all.filter((name) => !checked.has(name))).toEqual([]);
  });
});
