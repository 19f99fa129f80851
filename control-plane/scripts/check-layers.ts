// `npm run lint` step: fails when a file of control-plane/src imports from a later layer than its
// own (scripts/layers.ts holds the picture and the upward imports still to be removed).
import { fileURLToPath } from 'node:url';
import { layerViolations, readImports } from './layers.js';

const srcDir = fileURLToPath(new URL('../src', import.meta.url));
const { added, gone } = layerViolations(readImports(srcDir));
for (const i of added) console.error(`upward import (a later layer than the importing file's): ${i}`);
for (const i of gone)
  console.error(`listed as a known upward import but gone — remove it from knownUpwardImports: ${i}`);
if (added.length + gone.length > 0) process.exit(1);
console.log('layers: no new upward import in control-plane/src');
