import { parentPort, workerData } from 'node:worker_threads';
import { renderTenant } from '../../synth/dist/index.js';
import { plainRender, plainTemplates } from './plain-render.mjs';
import { benchSpec } from './specs.mjs';

const { impl, count, jobs, job } = workerData;
const templates = impl === 'plain' ? plainTemplates() : undefined;
let tenants = 0;
let bytes = 0;
for (let i = job; i < count; i += jobs) {
  const spec = benchSpec(i);
  const files = impl === 'plain' ? plainRender(spec, templates[spec.tier]) : renderTenant(spec);
  for (const file of files) bytes += file.content.length;
  tenants++;
}
parentPort.postMessage({ tenants, bytes });
