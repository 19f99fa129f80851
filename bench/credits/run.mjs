#!/usr/bin/env node
// bench/credits: usage debits per second over many organizations and on one hot organization.
import { runTs } from '../tsx.mjs';

process.exit(runTs(new URL('./credits.bench.ts', import.meta.url), 'control-plane/tsconfig.json'));
