#!/usr/bin/env node
// bench/hooks: throughput and latency of POST /hooks/flux on a real control plane.
import { runTs } from '../tsx.mjs';

process.exit(runTs(new URL('./hooks.bench.ts', import.meta.url), 'control-plane/tsconfig.json'));
