import type { Organization, Role, User } from '../../api/models';
import { roleAt } from '../../lib/permissions';

/** `media.write` in the server's permission table: everyone but viewers uploads and deletes. */
const writers: readonly Role[] = ['superadmin', 'agency_admin', 'client_admin', 'editor'];

/** Whether the person may upload to and delete from `org`'s media (the server checks again). */
export function canWriteMedia(user: User | null, org: Pick<Organization, 'id' | 'parentId'>): boolean {
  const role = roleAt(user, org);
  return role !== null && writers.includes(role);
}
