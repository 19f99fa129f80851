import type { Http } from './http';

/** Partner groups: the optional level between the platform and its agencies. */
export function partnerGroupsApi(http: Http) {
  const move = (id: string, agencyId: string) => ({ path: { id, agencyId } });
  return {
    /** The visible groups with their agencies: every group for a superadmin, a group admin's own. */
    async list() {
      return (await http.call('get', '/partner-groups')).items;
    },
    /** Superadmins; the slug is derived from the name. */
    create: (name: string) => http.call('post', '/partner-groups', { body: { name } }),
    /** Superadmins; the slug stays. */
    rename: (id: string, name: string) =>
      http.call('patch', '/partner-groups/{id}', { path: { id }, body: { name } }),
    /** Moves the agency, with everything below it, into the group (from the platform or another group). */
    addAgency: (id: string, agencyId: string) =>
      http.call('put', '/partner-groups/{id}/agencies/{agencyId}', { ...move(id, agencyId), body: {} }),
    /** Moves the agency of the group, with everything below it, back under the platform. */
    removeAgency: (id: string, agencyId: string) =>
      http.call('delete', '/partner-groups/{id}/agencies/{agencyId}', move(id, agencyId)),
    /** Deletes an empty group (409 partner_group_not_empty while it holds agencies or credits). */
    remove: (id: string) => http.call('delete', '/partner-groups/{id}', { path: { id } }),
  };
}
