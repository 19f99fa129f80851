import type { Pinia } from 'pinia';
import { createRouter, createWebHistory, type RouteRecordRaw, type RouterHistory } from 'vue-router';
import { hasSeen } from './lib/onboarding';
import { type Capability, can, primaryRole } from './lib/permissions';
import { useSessionStore } from './stores/session';

declare module 'vue-router' {
  interface RouteMeta {
    /** Reachable without signing in. */
    public?: boolean;
    /** Only for people who have this capability (the server checks again). */
    capability?: Capability;
    title?: string;
  }
}

const routes: RouteRecordRaw[] = [
  {
    path: '/login',
    name: 'login',
    component: () => import('./modules/auth/LoginView.vue'),
    meta: { public: true, title: 'Sign in' },
  },
  {
    path: '/register',
    name: 'register',
    component: () => import('./modules/registration/RegisterView.vue'),
    meta: { public: true, title: 'Create your account' },
  },
  {
    path: '/verify-email',
    name: 'verify-email',
    component: () => import('./modules/auth/VerifyEmailView.vue'),
    meta: { public: true, title: 'Verify your email' },
  },
  {
    path: '/forgot-password',
    name: 'forgot-password',
    component: () => import('./modules/auth/ForgotPasswordView.vue'),
    meta: { public: true, title: 'Forgot password' },
  },
  {
    path: '/reset-password',
    name: 'reset-password',
    component: () => import('./modules/auth/ResetPasswordView.vue'),
    meta: { public: true, title: 'Choose a new password' },
  },
  {
    path: '/accept-invitation',
    name: 'accept-invitation',
    component: () => import('./modules/auth/AcceptInvitationView.vue'),
    meta: { public: true, title: 'Accept invitation' },
  },
  {
    path: '/welcome',
    name: 'welcome',
    component: () => import('./modules/onboarding/WelcomeView.vue'),
    meta: { title: 'Setting up' },
  },
  {
    path: '/',
    component: () => import('./modules/shell/AppShell.vue'),
    children: [
      { path: '', redirect: { name: 'organizations' } },
      {
        path: 'organizations',
        name: 'organizations',
        component: () => import('./modules/organizations/OrganizationsView.vue'),
        meta: { title: 'Organizations' },
      },
      {
        path: 'organizations/new',
        name: 'new-client',
        component: () => import('./modules/clients/NewClientView.vue'),
        meta: { capability: 'createClients', title: 'Add a client' },
      },
      {
        path: 'organizations/bulk-delete',
        name: 'bulk-delete',
        component: () => import('./modules/bulk-delete/BulkDeleteView.vue'),
        meta: { capability: 'requestBulkDeletion', title: 'Bulk deletion' },
      },
      {
        path: 'organizations/:id/:tab(overview|sync|manifests|history|branding|users|media|credits|domains)?',
        name: 'tenant',
        component: () => import('./modules/tenant/TenantView.vue'),
        props: true,
        meta: { title: 'Organization' },
      },
      {
        path: 'media',
        name: 'media',
        component: () => import('./modules/media/MediaView.vue'),
        meta: { title: 'Media' },
      },
      {
        path: 'credits/prices',
        name: 'credit-prices',
        component: () => import('./modules/credits/PricesView.vue'),
        meta: { title: 'Credit prices' },
      },
      {
        path: 'agency-requests',
        name: 'agency-requests',
        component: () => import('./modules/agency-requests/AgencyRequestsView.vue'),
        meta: { capability: 'reviewAgencies', title: 'Agency requests' },
      },
      {
        path: 'partner-groups',
        name: 'partner-groups',
        component: () => import('./modules/partner-groups/PartnerGroupsView.vue'),
        meta: { capability: 'seePartnerGroups', title: 'Partner groups' },
      },
      {
        path: 'clusters',
        name: 'clusters',
        component: () => import('./modules/clusters/ClustersView.vue'),
        meta: { capability: 'manageClusters', title: 'Clusters' },
      },
      {
        path: 'sign-in-locks',
        name: 'sign-in-locks',
        component: () => import('./modules/sign-in-locks/SignInLocksView.vue'),
        meta: { capability: 'liftSignInLocks', title: 'Sign-in locks' },
      },
      {
        path: 'catalog',
        name: 'catalog',
        component: () => import('./modules/catalog/CatalogView.vue'),
        meta: { capability: 'editCatalog', title: 'Catalog' },
      },
      {
        path: 'change-requests',
        name: 'change-requests',
        component: () => import('./modules/change-requests/ChangeRequestsView.vue'),
        meta: { capability: 'seeChanges', title: 'Change requests' },
      },
      {
        path: 'change-requests/:id',
        name: 'change-request',
        component: () => import('./modules/change-requests/ChangeRequestView.vue'),
        props: true,
        meta: { title: 'Change request' },
      },
      {
        path: 'account',
        name: 'account',
        component: () => import('./modules/account/AccountView.vue'),
        meta: { title: 'Account settings' },
      },
      {
        path: 'plugins/:plugin',
        name: 'plugin',
        component: () => import('./modules/plugins/PluginView.vue'),
        props: true,
        meta: { title: 'Plugin' },
      },
      {
        path: ':pathMatch(.*)*',
        name: 'not-found',
        component: () => import('./modules/shell/NotFoundView.vue'),
        meta: { title: 'Not found' },
      },
    ],
  },
];

/**
 * Tenants' people see the provisioning loader once; the platform's superadmins and the partner
 * groups' admins have no tenant to wait for.
 */
function needsLoader(user: NonNullable<ReturnType<typeof useSessionStore>['user']>): boolean {
  const role = primaryRole(user);
  return role !== 'superadmin' && role !== 'group_admin' && !hasSeen(user.id, 'loader');
}

export function createAppRouter(pinia: Pinia, history: RouterHistory = createWebHistory()) {
  const router = createRouter({ history, routes });
  router.beforeEach(async (to) => {
    const session = useSessionStore(pinia);
    if (session.status === 'unknown') await session.restore();
    if (to.meta.public) {
      return to.name === 'login' && session.status === 'authenticated' ? { name: 'organizations' } : true;
    }
    if (session.status !== 'authenticated' || !session.user)
      return { name: 'login', query: to.fullPath === '/' ? {} : { redirect: to.fullPath } };
    if (to.name !== 'welcome' && needsLoader(session.user))
      return { name: 'welcome', query: { redirect: to.fullPath } };
    if (to.meta.capability && !can(session.user, to.meta.capability))
      return { name: 'not-found', params: { pathMatch: to.path.slice(1).split('/') } };
    return true;
  });
  router.afterEach((to) => {
    document.title = to.meta.title ? `${to.meta.title} · Luster` : 'Luster';
  });
  return router;
}
