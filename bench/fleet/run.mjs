#!/usr/bin/env node
// bench/fleet: what one commit costs Flux and Argo CD at 10,000 and 100,000 tenants, today's layout
// next to the new one, computed by the fleet model from the repository's objects; and how evenly
// realistic slugs fill first-two-character shards vs hash shards. `--quick` for a smaller run.
import { runTs } from '../tsx.mjs';

process.exit(runTs(new URL('./fleet.bench.ts', import.meta.url), 'bench/fleet/tsconfig.json'));
