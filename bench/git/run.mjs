#!/usr/bin/env node
// bench/git: the git writer's commit, history, push and packing costs next to the git CLI.
// Runs the TypeScript sources through tsx. `--quick` for a smaller smoke run.
import { runTs } from '../tsx.mjs';

process.exit(runTs(new URL('./git.bench.ts', import.meta.url), 'control-plane/tsconfig.json'));
