import type { Purchase } from '../../api/credits';
import { useApi } from '../../composables/use-api';
import { usePagedList } from '../../composables/use-paged-list';

/**
 * One organization's purchases, newest first, a page at a time ("Load more" follows the server's
 * cursor). Read again when a purchase settles on the return page, so the table shows it paid.
 */
export function usePurchases(organizationId: () => string) {
  const api = useApi();
  return usePagedList<Purchase>((cursor) => api.credits.purchases(organizationId(), cursor));
}
