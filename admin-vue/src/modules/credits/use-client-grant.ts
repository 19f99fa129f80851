import { ref, watch } from 'vue';
import type { CreditSummary } from '../../api/credits';
import type { Organization } from '../../api/models';
import { useApi } from '../../composables/use-api';
import { useResource } from '../../composables/use-resource';
import { can } from '../../lib/allowed-actions';
import { useMovement } from './use-movement';

/**
 * An agency grants from its own balance to one of its clients: the clients it may grant to
 * (each one's `allowedActions`), the chosen client's balance, and the grant itself.
 */
export function useClientGrant(org: () => Organization, onMoved: () => void | Promise<void>) {
  const api = useApi();
  const clients = useResource(async () =>
    (await api.organizations.list({ parentId: org().id, limit: 500 }, null)).items.filter((o) =>
      can(o, 'credits.grant'),
    ),
  );
  const clientId = ref('');
  const client = useResource<CreditSummary | null>(() =>
    clientId.value ? api.credits.summary(clientId.value) : Promise.resolve(null),
  );
  const grant = useMovement(
    'grant',
    () => clientId.value || null,
    async (m) => {
      client.data.value = m.summary;
      await onMoved();
    },
  );
  watch(clientId, () => void client.reload());
  return { clients, clientId, client, grant };
}
