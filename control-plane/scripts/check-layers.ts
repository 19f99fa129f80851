// `npm run lint` step: fails when a file of control-plane/src imports from a later layer than its
// own, or when two modules (top-level folders or files) reach each other (scripts/layers.ts holds
// the picture). Both lists were debts of issue 11 and are now empty: any new one fails the build.
import { fileURLToPath } from 'node:url';
import { cycleEdges, describeImport, readImports, upwardImports } from './layers.js';

const srcDir = fileURLToPath(new URL('../src', import.meta.url));
const imports = readImports(srcDir);
const upward = upwardImports(imports);
const cycles = cycleEdges(imports);
for (const i of upward)
  console.error(`upward import (a later layer than the importing file's): ${describeImport(i)}`);
for (const c of cycles)
  console.error(`module cycle (the target also reaches back here): ${c.edge} (e.g. ${c.example})`);
if (upward.length + cycles.length > 0) process.exit(1);
console.log('layers: no upward import and no module cycle in control-plane/src');
