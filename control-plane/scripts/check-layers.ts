// `npm run lint` step: fails when a file of control-plane/src imports from a later layer than its
// own (scripts/layers.ts holds the picture and the upward imports still to be removed).
import { fileURLToPath } from 'node:url';
import { cycleViolations, layerViolations, readImports } from './layers.js';

const srcDir = fileURLToPath(new URL('../src', import.meta.url));
const imports = readImports(srcDir);
const { added, gone } = layerViolations(imports);
const cycles = cycleViolations(imports);
for (const i of added) console.error(`upward import (a later layer than the importing file's): ${i}`);
for (const i of gone)
  console.error(`listed as a known upward import but gone — remove it from knownUpwardImports: ${i}`);
for (const c of cycles.added) console.error(`module cycle (the target also reaches back here): ${c}`);
for (const c of cycles.gone)
  console.error(`listed as a known cycle edge but no longer on a cycle — remove it from knownCycles: ${c}`);
if (added.length + gone.length + cycles.added.length + cycles.gone.length > 0) process.exit(1);
console.log('layers: no new upward import and no new module cycle in control-plane/src');
