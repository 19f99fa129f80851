#!/usr/bin/env node
// bench/api: registration → commit on main (open loop at 10/s, saturation against the hash bound) and
// the organization list at 10,000 organizations, on a real control plane. Runs synth from source (see tsconfig.json).
// `--quick` for a small run that proves it works and prints its numbers without writing bench/RESULTS.md.
import { runTs } from '../tsx.mjs';

process.exit(runTs(new URL('./api.bench.ts', import.meta.url), 'bench/api/tsconfig.json'));
