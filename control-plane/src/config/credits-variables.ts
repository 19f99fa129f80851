import { z } from 'zod';

/** Metered usage (credits/README.md, "Usage"). */
export const creditsVariables = {
  USAGE_DEBIT_LANES: {
    // The pool has 20 connections: most must stay free for every other request.
    schema: z.coerce.number().int().min(1).max(8),
    default: '2',
    doc: 'Usage debit statements in flight at once, each on one pool connection; more lanes let reports pass a running batch, fewer make larger batches (less PostgreSQL CPU per debit)',
  },
};
