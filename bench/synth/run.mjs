#!/usr/bin/env node
// `npm run bench -- synth`: how fast synth renders and validates tenants, each number next to a
// minimal plain-cdk8s render of the same objects measured in the same run (plain-render.mjs).
// Builds synth first; every measurement runs in its own process; rewrites `## synth` of
// bench/RESULTS.md.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeSection } from '../results.mjs';
import { benchSpec } from './specs.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '../..');
const bin = join(root, 'synth/bin/luster-synth.js');
const COLD_RUNS = 15;
const started = performance.now();
const loadBefore = loadavg()[0];

function node(args) {
  const result = spawnSync(process.execPath, args, { cwd: root, encoding: 'utf8', maxBuffer: 64 * 2 ** 20 });
  if (result.status !== 0)
    throw new Error(`node ${args.join(' ')} failed (${result.status}):\n${result.stderr}`);
  return result;
}

function measure(script, ...args) {
  const line = node([join(here, script), ...args.map(String)])
    .stdout.trim()
    .split('\n')
    .pop();
  const result = JSON.parse(line);
  process.stdout.write(`${script} ${args.join(' ')}: ${line}\n`);
  return result;
}

function wallOf(args) {
  const t0 = performance.now();
  node(args);
  return performance.now() - t0;
}

function coldWall(args) {
  for (let i = 0; i < 3; i++) wallOf(args); // page cache and compiled-code caches of the OS, not of Node
  const runs = Array.from({ length: COLD_RUNS }, () => wallOf(args)).sort((a, b) => a - b);
  return { median: runs[Math.floor(runs.length / 2)], min: runs[0] };
}

function countFiles(dir) {
  return readdirSync(dir, { withFileTypes: true }).reduce(
    (n, e) => n + (e.isDirectory() ? countFiles(join(dir, e.name)) : 1),
    0,
  );
}

execFileSync('npm', ['run', 'build', '--silent', '-w', 'synth'], { cwd: root, stdio: 'inherit' });
const work = mkdtempSync(join(tmpdir(), 'synth-bench-'));
try {
  // Steady state, one core: ms per tenant after a warm-up, rendering plus validation.
  const steady = {};
  for (const tenants of [1000, 10000]) {
    for (const impl of ['synth', 'plain']) steady[`${impl}${tenants}`] = measure('steady.mjs', impl, tenants);
  }
  // 10,000 tenants on both cores, in memory, start-up of the workers included.
  const parallel = {
    synth: measure('parallel.mjs', 'synth', 10000, 2),
    plain: measure('parallel.mjs', 'plain', 10000, 2),
  };

  // How many files a tenant of the mix renders to, counted rather than written down: it changes
  // whenever synth renders an object more or less.
  const { renderTenant } = await import('../../synth/dist/index.js');
  const fileCounts = Array.from({ length: 300 }, (_, i) => renderTenant(benchSpec(i)).length);
  const filesEach = `${Math.min(...fileCounts)}–${Math.max(...fileCounts)}`;

  // Cold start: a fresh process rendering one tenant to disk.
  const { plainRender, plainTemplates } = await import('./plain-render.mjs');
  const spec = benchSpec(1);
  writeFileSync(join(work, 'spec.json'), JSON.stringify(spec));
  const objects = plainRender(spec, plainTemplates()[spec.tier]);
  const { parse } = await import('yaml');
  writeFileSync(
    join(work, 'objects.json'),
    JSON.stringify({ paths: objects.map((o) => o.path), objects: objects.map((o) => parse(o.content)) }),
  );
  const cold = {
    synth: coldWall([bin, 'render', '--spec', join(work, 'spec.json'), '--out', join(work, 'cold')]),
    plain: coldWall([join(here, 'plain-cli.mjs'), join(work, 'objects.json'), join(work, 'cold-plain')]),
    node: coldWall(['-e', '0']),
  };
  process.stdout.write(`cold: ${JSON.stringify(cold)}\n`);

  // The CLI end to end: 10,000 spec files to 10,000 tenant folders on disk, both cores.
  mkdirSync(join(work, 'specs'));
  for (let i = 0; i < 10000; i++)
    writeFileSync(join(work, 'specs', `${i}.json`), JSON.stringify(benchSpec(i)));
  const t0 = performance.now();
  const renderAll = node([
    join(here, 'with-rss.mjs'),
    bin,
    'render-all',
    '--specs',
    join(work, 'specs'),
    '--out',
    join(work, 'repo'),
    '--jobs',
    '2',
  ]);
  const renderAllWall = performance.now() - t0;
  const renderAllRss = Number(/maxRssMiB=([\d.]+)/.exec(renderAll.stderr)?.[1]);
  const renderAllFiles = countFiles(join(work, 'repo'));
  process.stdout.write(
    `render-all: ${renderAllWall.toFixed(0)} ms, ${renderAllFiles} files, ${renderAllRss.toFixed(0)} MiB\n`,
  );

  const ms = (r) => `${(r.wallMs / r.tenants).toFixed(2)} ms (CPU ${(r.cpuMs / r.tenants).toFixed(2)})`;
  const mib = (value) => `${value.toFixed(0)} MiB`;
  const seconds = (value) => `${(value / 1000).toFixed(1)} s`;
  const body = `
Command: \`npm run bench -- synth\` (${seconds(performance.now() - started)}; builds synth, then one process per
measurement). "plain cdk8s" is a minimal render of the same objects: one App per tenant, one
\`ApiObject\` per object from literal JSON, cdk8s's synthesis and \`Yaml.stringify\` — no constructs,
no spec parsing, no validation (\`bench/synth/plain-render.mjs\`). Tenants from \`bench/synth/specs.mjs\`:
the three tiers in turn, custom domains on pro and enterprise, 2 % suspended; ${filesEach} files each.

| measure | synth | plain cdk8s | target |
|---|---:|---:|---:|
| ms per tenant, steady state, 1,000 tenants, one core: wall (CPU) | ${ms(steady.synth1000)} | ${ms(steady.plain1000)} | ≤ 2 ms |
| ms per tenant, steady state, 10,000 tenants, one core: wall (CPU) | ${ms(steady.synth10000)} | ${ms(steady.plain10000)} | ≤ 2 ms |
| peak RSS, 10,000 tenants in one process | ${mib(steady.synth10000.maxRssMiB)} | ${mib(steady.plain10000.maxRssMiB)} | |
| 10,000 tenants on 2 worker threads, in memory: wall (CPU of both threads) | ${seconds(parallel.synth.wallMs)} (${seconds(parallel.synth.cpuMs)}) | ${seconds(parallel.plain.wallMs)} (${seconds(parallel.plain.cpuMs)}) | ≤ 60 s |
| peak RSS, 2 worker threads | ${mib(parallel.synth.maxRssMiB)} | ${mib(parallel.plain.maxRssMiB)} | |
| cold \`luster-synth render\` of one tenant to disk, wall: median (min) of ${COLD_RUNS} | ${cold.synth.median.toFixed(0)} ms (${cold.synth.min.toFixed(0)}) | ${cold.plain.median.toFixed(0)} ms (${cold.plain.min.toFixed(0)}) | ≤ 300 ms |

The machine is shared: its 1-minute load average was ${loadBefore.toFixed(1)} when the run started and
${loadavg()[0].toFixed(1)} when it ended (2 cores), so wall times include waiting for a core.
For scale, \`node -e 0\` on the same machine: ${cold.node.median.toFixed(0)} ms (${cold.node.min.toFixed(0)}). End to end,
\`luster-synth render-all --jobs 2\` turned 10,000 spec files into ${renderAllFiles.toLocaleString('en-US')} files on disk in
${seconds(renderAllWall)} (peak RSS ${mib(renderAllRss)}). Steady state is measured after 2,000 warm-up tenants;
"CPU" is the process's user + system time, the better number on a shared machine.
`;
  await writeSection('synth', body);
  process.stdout.write(
    `wrote bench/RESULTS.md ## synth (${relative(root, join(root, 'bench/RESULTS.md'))})\n`,
  );
} finally {
  rmSync(work, { recursive: true, force: true });
}
