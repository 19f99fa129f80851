import { computed } from 'vue';
import type { CreditSummary } from '../../api/credits';
import type { Organization } from '../../api/models';
import { useApi } from '../../composables/use-api';
import { useResource } from '../../composables/use-resource';
import { can } from '../../lib/allowed-actions';
import { useSessionStore } from '../../stores/session';
import { balanceLevel, spentShare } from './credits-format';
import { useLedger } from './use-ledger';
import { useUsageReport } from './use-usage-report';

/** Roles whose members grant from their own organization's balance to the clients below it. */
const grantingRoles = new Set(['group_admin', 'agency_admin']);

/**
 * The Credits tab of one organization: its summary (balance, limits, this month's spend), the
 * ledger and the usage report, refreshed together after anything moved; and which panels the
 * person gets, each from the organization's `allowedActions` (the server's table).
 */
export function useCredits(org: () => Organization, now: () => Date = () => new Date()) {
  const api = useApi();
  const session = useSessionStore();
  const summary = useResource<CreditSummary>(() => api.credits.summary(org().id));
  const ledger = useLedger(() => org().id, now);
  const usage = useUsageReport(() => org().id, now);

  const level = computed(() => (summary.data.value ? balanceLevel(summary.data.value) : 'ok'));
  const share = computed(() => (summary.data.value ? spentShare(summary.data.value) : null));
  const may = computed(() => ({
    grant: can(org(), 'credits.grant'),
    takeBack: can(org(), 'credits.take_back'),
    limit: can(org(), 'credits.limit'),
    apiKeys: can(org(), 'credits.api_keys'),
    buy: can(org(), 'credits.buy'),
    /**
     * Grants from this organization's balance to its clients: for the people who hold an
     * agency's role here (a superadmin's grants come from the platform's issuance instead).
     */
    grantToClients: (session.user?.memberships ?? []).some(
      (m) => m.organizationId === org().id && grantingRoles.has(m.role),
    ),
    /** Issued by the platform rather than taken from an organization's balance. */
    issue: session.role === 'superadmin',
  }));

  /** After a movement or a limit change: everything that shows balances or entries. */
  async function refresh(): Promise<void> {
    await Promise.all([summary.reload(), ledger.reload(), usage.report.reload()]);
  }

  /** A write answered this organization's new summary: show it at once, and reread the entries. */
  async function moved(next: CreditSummary | null): Promise<void> {
    if (next?.organizationId === org().id) summary.data.value = next;
    else await summary.reload();
    await ledger.reload();
  }

  return { summary, ledger, usage, level, share, may, refresh, moved };
}
