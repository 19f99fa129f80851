#!/usr/bin/env node
// bench/media: media listing and presigning latency, and a 100 MB upload that bypasses the control plane.
import { runTs } from '../tsx.mjs';

process.exit(runTs(new URL('./media.bench.ts', import.meta.url), 'control-plane/tsconfig.json'));
