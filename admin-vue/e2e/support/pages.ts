/**
 * Every page of the admin, for the layout check (e2e/layout.test.ts): each is opened at phone
 * (390 px) width, then widened to desktop (1280 px), and must not scroll sideways at either. A new page is one more entry
 * here: its path (from the ids the scene set up), who opens it, and what shows once it rendered.
 */
export interface Scene {
  /** An organization with a tenant, registered for the check (its owner is `owner`). */
  orgId: string;
  /** A change request of that organization (its provisioning). */
  changeId: string;
}

export type Viewer = 'visitor' | 'superadmin' | 'owner';

export interface PageCheck {
  name: string;
  as: Viewer;
  path(scene: Scene): string;
  /** A selector present once the page rendered its content (default: the page's `h1`). */
  ready?: string;
}

const tenant = (tab: string): PageCheck => ({
  name: `organization ${tab}`,
  as: 'superadmin',
  path: ({ orgId }) => `/organizations/${orgId}/${tab}`,
});

export const pages: PageCheck[] = [
  { name: 'sign in', as: 'visitor', path: () => '/login' },
  { name: 'registration', as: 'visitor', path: () => '/register' },
  { name: 'forgot password', as: 'visitor', path: () => '/forgot-password' },
  { name: 'reset password', as: 'visitor', path: () => '/reset-password?token=not-a-real-token' },
  { name: 'verify email', as: 'visitor', path: () => '/verify-email?token=not-a-real-token' },
  { name: 'accept invitation', as: 'visitor', path: () => '/accept-invitation?token=not-a-real-token' },
  { name: 'first-login loader', as: 'owner', path: () => '/welcome' },
  {
    name: 'organizations',
    as: 'superadmin',
    path: () => '/organizations',
    ready: '[data-testid="org-table"]',
  },
  { name: 'new organization', as: 'superadmin', path: () => '/organizations/new' },
  { name: 'bulk deletion', as: 'superadmin', path: () => '/organizations/bulk-delete' },
  tenant('overview'),
  tenant('sync'),
  tenant('manifests'),
  tenant('history'),
  tenant('branding'),
  tenant('users'),
  tenant('media'),
  { ...tenant('credits'), ready: '[data-testid="credit-summary"]' },
  { ...tenant('domains'), ready: '[data-testid="domains-tab"]' },
  {
    name: 'credit prices',
    as: 'superadmin',
    path: () => '/credits/prices',
    ready: '[data-testid="price-table"]',
  },
  { name: 'media', as: 'superadmin', path: () => '/media' },
  { name: 'agency requests', as: 'superadmin', path: () => '/agency-requests' },
  { name: 'sign-in locks', as: 'superadmin', path: () => '/sign-in-locks' },
  { name: 'catalog', as: 'superadmin', path: () => '/catalog', ready: '[data-theme]' },
  { name: 'partner groups', as: 'superadmin', path: () => '/partner-groups', ready: '[data-group]' },
  { name: 'clusters', as: 'superadmin', path: () => '/clusters', ready: '[data-cluster]' },
  {
    name: 'change requests',
    as: 'superadmin',
    path: () => '/change-requests?tab=all&state=any',
    ready: '[data-testid="cr-table"]',
  },
  {
    name: 'change request',
    as: 'superadmin',
    path: ({ changeId }) => `/change-requests/${changeId}`,
    ready: '.diff-file',
  },
  { name: 'account settings', as: 'superadmin', path: () => '/account' },
  { name: 'plugin', as: 'superadmin', path: () => '/plugins/seo-assistant' },
  { name: 'not found', as: 'superadmin', path: () => '/no-such-page' },
];
