// One steady-state measurement in its own process (so its peak RSS is its own):
//   node steady.mjs <synth|plain> <tenants>
// Renders 2,000 tenants to warm up (JIT, heap sizing), then <tenants> more, timed. Prints one JSON line.
import { renderTenant } from '../../synth/dist/index.js';
import { plainRender, plainTemplates } from './plain-render.mjs';
import { benchSpec } from './specs.mjs';

const [impl, count] = [process.argv[2], Number(process.argv[3])];
const WARM_UP = 2000;
const templates = impl === 'plain' ? plainTemplates() : undefined;
const render =
  impl === 'plain' ? (spec) => plainRender(spec, templates[spec.tier]) : (spec) => renderTenant(spec);

let bytes = 0;
for (let i = 0; i < WARM_UP; i++) render(benchSpec(i));
const cpu = process.cpuUsage();
const started = performance.now();
for (let i = 0; i < count; i++) {
  for (const file of render(benchSpec(WARM_UP + i))) bytes += file.content.length;
}
const wallMs = performance.now() - started;
const { user, system } = process.cpuUsage(cpu);
process.stdout.write(
  `${JSON.stringify({ impl, tenants: count, wallMs, cpuMs: (user + system) / 1000, bytes, maxRssMiB: process.resourceUsage().maxRSS / 1024 })}\n`,
);
