import { beforeEach, describe, expect, it } from 'vitest';
import { createApp } from 'vue';
import { createMemoryHistory } from 'vue-router';
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
