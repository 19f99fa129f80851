#!/usr/bin/env node
// bench/domains: custom domains checked per minute by one replica against a loopback DNS server, and the API's p95 meanwhile.
import { runTs } from '../tsx.mjs';

process.exit(runTs(new URL('./domains.bench.ts', import.meta.url), 'control-plane/tsconfig.json'));
