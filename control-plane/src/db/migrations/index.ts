import { Initial1795412786963 } from './1795412786963-Initial.js';

/** Every migration, in order; `npm run migration:generate -w control-plane -- <Name>` appends here. */
export const migrations = [Initial1795412786963];
