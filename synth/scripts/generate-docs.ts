// Generates what is derived from the TenantSpec schema and the tier table:
//   tenant-spec.schema.json           the JSON Schema of a spec as authors write it (zod input);
//   README.md, between its markers    the field table and the tier table.
// The JSON Schema is formatted by biome, like every other JSON file of the repo (Markdown is not
// biome's). `--check` compares instead of writing and exits 1 when a file is stale.
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { tenantSpecSchema } from '../src/spec/tenant-spec.js';
import { cpuQuantity, memoryQuantity, storageQuantity } from '../src/tiers/quantities.js';
import { type TierPreset, tierNames, tierPresets } from '../src/tiers/tier-presets.js';

const synthDir = resolve(dirname(fileURLToPath(import.meta.url)), '..');

interface JsonSchema {
  type?: string;
  description?: string;
  default?: unknown;
  enum?: unknown[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  [key: string]: unknown;
}

export function tenantSpecJsonSchema(): string {
  const schema = z.toJSONSchema(tenantSpecSchema, { io: 'input' });
  return `${JSON.stringify({ ...schema, $id: 'https://luster.io/schemas/tenant-spec.schema.json' }, null, 2)}\n`;
}

function typeOf(schema: JsonSchema): string {
  if (schema.enum) return schema.enum.map((v) => `\`${String(v)}\``).join(' \\| ');
  if (schema.anyOf) return schema.anyOf.map(typeOf).join(' \\| ');
  if (schema.type === 'array') return `${schema.items ? typeOf(schema.items) : 'unknown'}[]`;
  return schema.type ?? 'unknown';
}

function fieldRows(schema: JsonSchema, prefix: string): string[] {
  const rows: string[] = [];
  for (const [name, field] of Object.entries(schema.properties ?? {})) {
    const path = `${prefix}${name}`;
    const required = schema.required?.includes(name) && field.default === undefined ? 'yes' : 'no';
    const fallback = field.default === undefined ? '' : `\`${JSON.stringify(field.default)}\``;
    const description = (field.description ?? '').replaceAll('|', '\\|');
    rows.push(`| \`${path}\` | ${typeOf(field)} | ${required} | ${fallback} | ${description} |`);
    if (field.type === 'object') rows.push(...fieldRows(field, `${path}.`));
  }
  return rows;
}

export function specFieldTable(): string {
  const schema = z.toJSONSchema(tenantSpecSchema, { io: 'input' }) as JsonSchema;
  return [
    '| field | type | required | default | meaning |',
    '|---|---|---|---|---|',
    ...fieldRows(schema, ''),
  ].join('\n');
}

const compute = (c: { cpuMillicores: number; memoryMi: number }) =>
  `${cpuQuantity(c.cpuMillicores)} / ${memoryQuantity(c.memoryMi)}`;

const TIER_ROWS: readonly [string, (t: TierPreset) => string][] = [
  ['theme replicas', (t) => String(t.replicas)],
  [
    'autoscaler (min–max @ CPU)',
    (t) =>
      t.autoscaling
        ? `${t.autoscaling.minReplicas}–${t.autoscaling.maxReplicas} @ ${t.autoscaling.targetCpuUtilization}%`
        : 'none',
  ],
  ['theme requests (cpu / memory)', (t) => compute(t.theme.requests)],
  ['theme limits (cpu / memory)', (t) => compute(t.theme.limits)],
  ['quota requests (cpu / memory)', (t) => compute(t.quota.requests)],
  ['quota limits (cpu / memory)', (t) => compute(t.quota.limits)],
  ['quota pods', (t) => String(t.quota.pods)],
  ['quota PVCs', (t) => String(t.quota.persistentVolumeClaims)],
  ['quota storage', (t) => storageQuantity(t.quota.storageGi)],
  ['LimitRange default request (cpu / memory)', (t) => compute(t.limitRange.defaultRequest)],
  ['LimitRange default limit (cpu / memory)', (t) => compute(t.limitRange.defaultLimit)],
  ['database instances', (t) => String(t.database.instances)],
  [
    'database storage per instance (default / max)',
    (t) => `${storageQuantity(t.database.storageGi)} / ${storageQuantity(t.database.maxStorageGi)}`,
  ],
  ['database requests (cpu / memory)', (t) => compute(t.database.resources.requests)],
  ['database limits (cpu / memory)', (t) => compute(t.database.resources.limits)],
  ['backup retention', (t) => `${t.database.backupRetentionDays} days`],
  ['custom domains', (t) => String(t.customDomainLimit)],
];

export function tierTable(): string {
  return [
    `| | ${tierNames.map((n) => `\`${n}\``).join(' | ')} |`,
    `|---|${tierNames.map(() => '---').join('|')}|`,
    ...TIER_ROWS.map(
      ([label, cell]) => `| ${label} | ${tierNames.map((n) => cell(tierPresets[n])).join(' | ')} |`,
    ),
  ].join('\n');
}

/** Replaces the text between `<!-- generated:<name> -->` and `<!-- /generated:<name> -->`. */
export function replaceSection(text: string, name: string, body: string): string {
  const start = `<!-- generated:${name} -->`;
  const end = `<!-- /generated:${name} -->`;
  const from = text.indexOf(start);
  const to = text.indexOf(end);
  if (from < 0 || to < from) throw new Error(`README.md has no ${start} … ${end} section`);
  return `${text.slice(0, from + start.length)}\n${body}\n${text.slice(to)}`;
}

/** `text` as `biome format` writes the file at `path` (relative to synth/). */
function formatted(path: string, text: string): string {
  return execFileSync(
    resolve(synthDir, '../node_modules/.bin/biome'),
    ['format', `--stdin-file-path=${path}`],
    {
      cwd: synthDir,
      input: text,
      encoding: 'utf8',
    },
  );
}

export function generatedFiles(readme: string): Record<string, string> {
  let next = replaceSection(readme, 'tenant-spec', specFieldTable());
  next = replaceSection(next, 'tiers', tierTable());
  return {
    'tenant-spec.schema.json': formatted('tenant-spec.schema.json', tenantSpecJsonSchema()),
    'README.md': next,
  };
}

function main(): void {
  const check = process.argv.includes('--check');
  const files = generatedFiles(readFileSync(join(synthDir, 'README.md'), 'utf8'));
  let stale = false;
  for (const [name, content] of Object.entries(files)) {
    const path = join(synthDir, name);
    let current = '';
    try {
      current = readFileSync(path, 'utf8');
    } catch {
      current = '';
    }
    if (current === content) continue;
    if (check) {
      stale = true;
      process.stderr.write(`${path} is stale: run npm run generate -w synth\n`);
    } else {
      writeFileSync(path, content);
      process.stdout.write(`wrote ${path}\n`);
    }
  }
  if (stale) process.exit(1);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
