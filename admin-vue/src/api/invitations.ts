import type { Http } from './http';

/** The signed-in user's pending invitations into organizations. */
export function invitationsApi(http: Http) {
  return {
    async list() {
      return (await http.call('get', '/me/invitations')).items;
    },
    accept: (organizationId: string) =>
      http.call('post', '/me/invitations/{id}/accept', { path: { id: organizationId }, body: {} }),
    decline: (organizationId: string) =>
      http.call('post', '/me/invitations/{id}/decline', { path: { id: organizationId }, body: {} }),
  };
}
