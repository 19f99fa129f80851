import { Membership, Organization } from '../orgs/orgs.entities.js';
import { User } from '../users/users.entities.js';

/** Every TypeORM entity of the control plane; new features add theirs here. */
export const entities = [User, Organization, Membership];
