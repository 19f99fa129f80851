import { computed, onMounted, onUnmounted } from 'vue';
import { pluginInfo } from '../../lib/catalog';
import { can, roleLabels } from '../../lib/permissions';
import { errorMessage } from '../../messages';
import { useLiveStore } from '../../stores/live';
import { ALL, useOrgContextStore } from '../../stores/org-context';
import { useSessionStore } from '../../stores/session';
import { applyBranding } from './branding';

export interface NavItem {
  to: string;
  label: string;
  icon: string;
  testid: string;
}

/** The shell around every signed-in page: navigation, context, branding, live stream. */
export function useShell() {
  const session = useSessionStore();
  const context = useOrgContextStore();
  const live = useLiveStore();

  const nav = computed<NavItem[]>(() => {
    const items: NavItem[] = [
      { to: '/organizations', label: 'Organizations', icon: 'organizations', testid: 'nav-organizations' },
    ];
    items.push({ to: '/media', label: 'Media', icon: 'media', testid: 'nav-media' });
    if (can(session.user, 'seeChanges'))
      items.push({
        to: '/change-requests',
        label: 'Change requests',
        icon: 'changes',
        testid: 'nav-change-requests',
      });
    if (can(session.user, 'reviewAgencies'))
      items.push({
        to: '/agency-requests',
        label: 'Agency requests',
        icon: 'inbox',
        testid: 'nav-agency-requests',
      });
    if (can(session.user, 'editCatalog'))
      items.push({ to: '/catalog', label: 'Catalog', icon: 'catalog', testid: 'nav-catalog' });
    if (session.user?.platformActions.includes('credits.prices'))
      items.push({
        to: '/credits/prices',
        label: 'Credit prices',
        icon: 'credits',
        testid: 'nav-credit-prices',
      });
    if (can(session.user, 'seePartnerGroups'))
      items.push({
        to: '/partner-groups',
        label: 'Partner groups',
        icon: 'groups',
        testid: 'nav-partner-groups',
      });
    if (can(session.user, 'manageClusters'))
      items.push({ to: '/clusters', label: 'Clusters', icon: 'clusters', testid: 'nav-clusters' });
    if (can(session.user, 'liftSignInLocks'))
      items.push({ to: '/sign-in-locks', label: 'Sign-in locks', icon: 'lock', testid: 'nav-sign-in-locks' });
    // Last, and for everyone: on a phone the name in the top bar (the other way there) is hidden.
    items.push({ to: '/account', label: 'Account settings', icon: 'account', testid: 'nav-account' });
    return items;
  });

  /** Only the enabled plugins of the organization in context get a section. */
  const pluginNav = computed<NavItem[]>(() =>
    (context.current?.plugins ?? []).map((id) => {
      const p = pluginInfo(id);
      return { to: `/plugins/${p.id}`, label: p.label, icon: p.id, testid: `nav-plugin-${p.id}` };
    }),
  );

  const branding = computed(() => applyBranding(context.current?.branding));
  const roleLabel = computed(() => (session.role ? roleLabels[session.role] : ''));
  const contextLabel = computed(() =>
    context.selected === ALL ? 'All organizations' : (context.current?.name ?? ''),
  );

  // An organization the switcher does not list yet (just registered or approved) reports in: list again.
  let pending: ReturnType<typeof setTimeout> | undefined;
  const stopListening = live.onUpdate((update) => {
    if (!context.canSwitch || context.options.some((o) => o.id === update.organizationId)) return;
    clearTimeout(pending);
    pending = setTimeout(() => void context.refreshOptions(), 500);
  });

  onMounted(async () => {
    await context.load();
    live.connect();
  });
  onUnmounted(() => {
    stopListening();
    clearTimeout(pending);
    live.disconnect();
  });

  async function logout(): Promise<void> {
    live.disconnect();
    await session.logout();
  }

  return {
    session,
    context,
    live,
    nav,
    pluginNav,
    branding,
    roleLabel,
    contextLabel,
    logout,
    errorMessage,
  };
}
