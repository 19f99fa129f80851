import type { Identity } from '../gitops/port.js';
import type { User } from '../users/users.entities.js';

/**
 * How a person appears in git: their name and their stable user id, never their email. Git is the
 * audit log and is copied to every cluster that pulls it, and a name plus an id is enough to find
 * the account while an email address would leak to everyone who can read a clone (and could not be
 * erased from history). The id rides in the address slot git requires, under the reserved
 * `.invalid` domain (RFC 2606) so that nothing ever mails it.
 */
export const USER_ADDRESS_DOMAIN = 'users.luster.invalid';

export function gitIdentity(user: Pick<User, 'id' | 'name'>): Identity {
  return { name: user.name, email: `${user.id}@${USER_ADDRESS_DOMAIN}` };
}

/** A `Requested-By:` / `Approved-By:` value: `Jane Doe <1b2c…@users.luster.invalid>`. */
export function gitPerson(user: Pick<User, 'id' | 'name'>): string {
  const { name, email } = gitIdentity(user);
  return `${name} <${email}>`;
}
