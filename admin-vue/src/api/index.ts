/**
 * The only HTTP client of the admin, one file per resource over a core typed by the generated
 * `paths` (schema.d.ts). Views never import it; composables and stores receive the client through
 * `useApi()` (composables/use-api.ts), so tests inject fakes.
 */
import { agencyRequestsApi } from './agency-requests';
import { authApi } from './auth';
import { catalogApi } from './catalog';
import { changeRequestsApi } from './change-requests';
import { clustersApi } from './clusters';
import { creditsApi } from './credits';
import { domainsApi } from './domains';
import { subscribeApi } from './events';
import { type ApiOptions, createHttp } from './http';
import { invitationsApi } from './invitations';
import { mediaApi } from './media';
import { movesApi } from './moves';
import { organizationsApi } from './organizations';
import { partnerGroupsApi } from './partner-groups';
import { registrationsApi } from './registrations';
import { signInLocksApi } from './sign-in-locks';

export { parseLivePurchase, parseLiveState, parseLiveUpdate } from './events';
export { ApiError, type ApiIssue, localStorageTokens, type TokenStore } from './http';

export function createApi(options: ApiOptions) {
  const http = createHttp(options);
  return {
    auth: authApi(http),
    registrations: registrationsApi(http),
    organizations: organizationsApi(http),
    catalog: catalogApi(http),
    invitations: invitationsApi(http),
    agencyRequests: agencyRequestsApi(http),
    signInLocks: signInLocksApi(http),
    changeRequests: changeRequestsApi(http),
    subscribe: subscribeApi(http),
    media: mediaApi(http),
    credits: creditsApi(http),
    domains: domainsApi(http),
    partnerGroups: partnerGroupsApi(http),
    clusters: clustersApi(http),
    moves: movesApi(http),
  };
}

export type Api = ReturnType<typeof createApi>;
