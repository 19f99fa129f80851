#!/usr/bin/env node
// bench/domains: custom domains checked per minute by one replica against a loopback DNS server, and the API's p95 meanwhile.
// `--quick` for a small run that proves it works and prints its numbers without writing bench/RESULTS.md.
import { runTs } from '../tsx.mjs';

process.exit(runTs(new URL('./domains.bench.ts', import.meta.url), 'control-plane/tsconfig.json'));
